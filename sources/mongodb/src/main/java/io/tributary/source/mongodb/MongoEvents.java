package io.tributary.source.mongodb;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.mongodb.client.model.changestream.ChangeStreamDocument;
import com.mongodb.client.model.changestream.OperationType;
import io.tributary.api.ChangeRecord;
import io.tributary.api.EventSchema;
import io.tributary.api.EventSchema.Type;
import io.tributary.core.event.DebeziumBlocks;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonTimestamp;
import org.bson.BsonValue;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records in the format of Debezium's MongoDB connector (3.5, {@code json.serialization.mode} legacy): the key
 * {@code {"id": <the _id as relaxed extended JSON>}}; the value's {@code before} and {@code after} documents as
 * strict extended JSON (v1) strings; {@code updateDescription}, {@code source} (with {@code collection}, {@code ord},
 * {@code lsid}, {@code txnNumber}, {@code wallTime}), {@code op}, {@code ts_ms} and {@code transaction}; a tombstone
 * after each streamed delete unless {@code tombstones.on.delete=false}. The documents and update descriptions are
 * those the {@link FieldFilter} leaves ({@code field.exclude.list}, {@code field.renames}).
 */
final class MongoEvents {
    /**
     * Debezium's compact layout: indented, but with no indent or new-line characters, so {@code ": "} and {@code ,};
     * strict mode (deprecated by the driver, still what Debezium's default serialization writes).
     */
    @SuppressWarnings("deprecation")
    private static final JsonWriterSettings STRICT = JsonWriterSettings.builder().outputMode(JsonMode.STRICT)
            .indent(true).indentCharacters("").newLineCharacters("").build();
    private static final JsonWriterSettings RELAXED = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED)
            .indent(true).indentCharacters("").newLineCharacters("").build();
    /** Kafka's longest topic name. */
    private static final int MAX_TOPIC_LENGTH = 249;
    /** {@code {"_": } before the _id in its wrapping document. */
    private static final int ID_START = 6;

    static final EventSchema JSON = EventSchema.of(Type.STRING).asOptional().withName("io.debezium.data.Json", 1);
    static final EventSchema TRUNCATED_ARRAY = EventSchema.struct("io.debezium.connector.mongodb.changestream"
            + ".truncatedarray", EventSchema.fieldsBuilder()
                    .add("field", EventSchema.of(Type.STRING))
                    .add("size", EventSchema.of(Type.INT32))
                    .build())
            .withVersion(1);
    static final EventSchema UPDATE_DESCRIPTION = EventSchema.struct("io.debezium.connector.mongodb.changestream"
            + ".updatedescription", EventSchema.fieldsBuilder()
                    .add("removedFields", EventSchema.array(EventSchema.of(Type.STRING)).asOptional())
                    .add("updatedFields", JSON)
                    .add("truncatedArrays", EventSchema.array(TRUNCATED_ARRAY).asOptional())
                    .build())
            .asOptional().withVersion(1);
    static final EventSchema SOURCE = EventSchema.struct("io.debezium.connector.mongo.Source",
            DebeziumBlocks.sourceFields()
                    .add("collection", EventSchema.of(Type.STRING))
                    .add("ord", EventSchema.of(Type.INT32))
                    .add("lsid", EventSchema.of(Type.STRING).asOptional())
                    .add("txnNumber", EventSchema.of(Type.INT64).asOptional())
                    .add("wallTime", EventSchema.of(Type.INT64).asOptional())
                    .build())
            .withVersion(1);

    private static final Logger LOG = LoggerFactory.getLogger(MongoEvents.class);

    private final String topicPrefix;
    private final String version;
    private final boolean tombstones;
    private final FieldFilter fields;
    private final Map<MongoSource.Namespace, Schemas> schemas = new ConcurrentHashMap<>();

    /** A collection's topic and schemas: built once, shared by its records. */
    private record Schemas(String topic, EventSchema key, EventSchema value, Map<String, ?> partition,
            FieldFilter fields) {
    }

    MongoEvents(String topicPrefix, String version, boolean tombstones) {
        this(topicPrefix, version, tombstones, FieldFilter.NONE);
    }

    MongoEvents(String topicPrefix, String version, boolean tombstones, FieldFilter fields) {
        this.topicPrefix = topicPrefix;
        this.version = version;
        this.tombstones = tombstones;
        this.fields = fields;
    }

    /** Debezium's partition of a MongoDB capture. */
    static Map<String, String> partition(String topicPrefix) {
        return Map.of("server_id", topicPrefix);
    }

    /** A snapshot read of {@code document}, marked {@code true} ({@link #markLast} marks the last). */
    ChangeRecord read(MongoSource.Namespace namespace, BsonDocument document, Map<String, ?> offset) {
        Schemas collection = schemas(namespace);
        long nowMs = System.currentTimeMillis();
        Object[] source = source(namespace, nowMs, "true", -1, null, null, null);
        Object[] value = {null, collection.fields().document(document).toJson(STRICT), null, source, "r", nowMs,
            null};
        return new ChangeRecord(collection.topic(), collection.key(), key(document.get("_id")), collection.value(),
                value, collection.partition(), offset);
    }

    /** The last record of a snapshot: its marker {@code last} and the offset streaming resumes from. */
    ChangeRecord markLast(ChangeRecord record, Map<String, ?> offset) {
        Object[] value = ((Object[]) record.value()).clone();
        Object[] source = ((Object[]) value[3]).clone();
        source[4] = "last";
        value[3] = source;
        return new ChangeRecord(record.topic(), record.keySchema(), record.key(), record.valueSchema(), value,
                record.partition(), offset);
    }

    /**
     * The records of one change-stream event: an insert ({@code c}), an update or replace ({@code u}, the document
     * after it as the server looked it up), a delete ({@code d}, then a tombstone); none for other events (a
     * collection dropped or renamed ends its stream).
     */
    List<ChangeRecord> change(MongoSource.Namespace namespace, ChangeStreamDocument<BsonDocument> event,
            Map<String, ?> offset) {
        String op = switch (event.getOperationType()) {
            case INSERT -> "c";
            case UPDATE, REPLACE -> "u";
            case DELETE -> "d";
            default -> null;
        };
        if (op == null) {
            return List.of();
        }
        Schemas collection = schemas(namespace);
        Optional<BsonValue> documentId = documentId(event);
        if (documentId.isEmpty()) {
            // only a server that leaves documentKey without _id gets here: mongo-java-server, for an update of a
            // document deleted before the lookup (its delete event follows and is captured)
            LOG.warn("{}: an {} event of {} names no document (no _id in its documentKey, no document looked up); "
                    + "it is not captured", topicPrefix, event.getOperationType().getValue(), namespace);
            return List.of();
        }
        BsonValue id = documentId.get();
        BsonTimestamp clusterTime = event.getClusterTime();
        // a wall time of 0 counts as none, as in Debezium: the change is dated by its cluster time, no wallTime written
        BsonDateTime wallTime = event.getWallTime() == null || event.getWallTime().getValue() == 0 ? null
                : event.getWallTime();
        // without a wall time, dated by the cluster time's seconds; as in Debezium, seconds that read -1 as an int (no
        // time to Debezium's position; the second 2^32 - 1, in 2106) date it by the clock instead
        long tsMs = wallTime != null ? wallTime.getValue()
                : clusterTime != null && clusterTime.getTime() != -1 ? clusterTime.getTime() * 1000L
                : System.currentTimeMillis();
        String lsid = event.getLsid() != null && event.getTxnNumber() != null ? event.getLsid().toJson(STRICT) : null;
        Long txnNumber = lsid != null ? event.getTxnNumber().getValue() : null;
        Object[] source = source(namespace, tsMs, null, clusterTime == null ? -1 : clusterTime.getInc(), lsid,
                txnNumber, wallTime == null ? null : wallTime.getValue());
        BsonDocument after = collection.fields().document(event.getFullDocument());
        BsonDocument before = collection.fields().document(event.getFullDocumentBeforeChange());
        Object[] value = {before == null ? null : before.toJson(STRICT), after == null ? null : after.toJson(STRICT),
            updateDescription(event, collection.fields()), source, op, System.currentTimeMillis(), null};
        Object key = key(id);
        ChangeRecord record = new ChangeRecord(collection.topic(), collection.key(), key, collection.value(), value,
                collection.partition(), offset);
        if (op.equals("d") && tombstones) {
            return List.of(record, new ChangeRecord(collection.topic(), collection.key(), key, null, null,
                    collection.partition(), offset));
        }
        return List.of(record);
    }

    /**
     * The changed document's {@code _id}: the event's {@code documentKey} holds it; where it does not (the test
     * server, mongo-java-server, puts an update's operators there), the looked-up document's.
     */
    private static Optional<BsonValue> documentId(ChangeStreamDocument<BsonDocument> event) {
        BsonDocument documentKey = event.getDocumentKey();
        if (documentKey != null && documentKey.containsKey("_id")) {
            return Optional.of(documentKey.get("_id"));
        }
        if (event.getFullDocument() != null && event.getFullDocument().containsKey("_id")) {
            return Optional.of(event.getFullDocument().get("_id"));
        }
        return Optional.empty();
    }

    /**
     * An update's description: {@code updatedFields} as relaxed JSON; removed fields and truncated arrays, if any
     * are left once {@code fields} has left out and renamed them.
     */
    private static Object[] updateDescription(ChangeStreamDocument<BsonDocument> event, FieldFilter fields) {
        if (event.getOperationType() != OperationType.UPDATE || event.getUpdateDescription() == null) {
            return null;
        }
        var description = event.getUpdateDescription();
        List<String> removed = description.getRemovedFields() == null ? null
                : fields.fieldNames(description.getRemovedFields());
        List<Object[]> truncated = description.getTruncatedArrays() == null ? null
                : description.getTruncatedArrays().stream()
                        .map(array -> new Object[] {fields.truncatedArrayName(array.getField()),
                            array.getNewSize()}).toList();
        BsonDocument updated = fields.updatedFields(description.getUpdatedFields());
        return new Object[] {removed == null || removed.isEmpty() ? null : removed,
            updated == null ? null : updated.toJson(), truncated == null || truncated.isEmpty() ? null : truncated};
    }

    /**
     * The source block of a change dated {@code tsMs}: {@code ts_us} and {@code ts_ns} are its multiples, wrapping
     * around past the range of a long as Debezium's do (a wall time beyond the year 294,000), {@code ts_ms} itself.
     */
    private Object[] source(MongoSource.Namespace namespace, long tsMs, String snapshot, int ord, String lsid,
            Long txnNumber, Long wallTime) {
        long tsUs = tsMs * 1000;
        return new Object[] {version, "mongodb", topicPrefix, tsMs, snapshot, namespace.database(), null, tsUs,
            tsUs * 1000, namespace.collection(), ord, lsid, txnNumber, wallTime};
    }

    /** The key struct: the _id as Debezium writes it, relaxed extended JSON ({@code 5}, {@code "abc"}, ...). */
    private static Object[] key(BsonValue id) {
        String wrapped = new BsonDocument("_", id).toJson(RELAXED);
        return new Object[] {wrapped.substring(ID_START, wrapped.length() - 1)};
    }

    private Schemas schemas(MongoSource.Namespace namespace) {
        return schemas.computeIfAbsent(namespace, name -> {
            String topic = topic(topicPrefix, name);
            EventSchema key = EventSchema.struct(topic + ".Key", EventSchema.fieldsBuilder()
                    .add("id", EventSchema.of(Type.STRING)).build());
            EventSchema value = EventSchema.struct(topic + ".Envelope", EventSchema.fieldsBuilder()
                    .add("before", JSON)
                    .add("after", JSON)
                    .add("updateDescription", UPDATE_DESCRIPTION)
                    .add("source", SOURCE)
                    .add("op", EventSchema.of(Type.STRING).asOptional())
                    .add("ts_ms", EventSchema.of(Type.INT64).asOptional())
                    .add("transaction", DebeziumBlocks.TRANSACTION)
                    .build());
            return new Schemas(topic, key, value, partition(topicPrefix), fields.forCollection(name));
        });
    }

    /**
     * {@code <topic.prefix>.<database>.<collection>} as Debezium names it: a blank part (nothing but characters up to
     * the space, a collection named {@code "  "}) left out with its dot; then each UTF-16 char Kafka does not allow
     * in a topic name as {@code _} (so a character beyond the BMP, a surrogate pair, as {@code __}); cut to 249.
     */
    private static String topic(String topicPrefix, MongoSource.Namespace namespace) {
        StringBuilder joined = new StringBuilder();
        for (String part : List.of(topicPrefix, namespace.database(), namespace.collection())) {
            if (!part.trim().isEmpty()) {
                joined.append(joined.length() == 0 ? "" : ".").append(part);
            }
        }
        StringBuilder topic = new StringBuilder(joined.length());
        for (int i = 0; i < joined.length(); i++) {
            char c = joined.charAt(i);
            boolean valid = c == '.' || c == '_' || c == '-' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9');
            topic.append(valid ? c : '_');
        }
        if (topic.length() > MAX_TOPIC_LENGTH) {
            return topic.substring(0, MAX_TOPIC_LENGTH);
        }
        String name = topic.toString();
        return name.equals(".") ? "_" : name.equals("..") ? "__" : name;
    }
}
