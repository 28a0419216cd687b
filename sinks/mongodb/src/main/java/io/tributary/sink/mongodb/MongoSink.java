package io.tributary.sink.mongodb;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.net.ssl.SSLContext;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import io.tributary.api.ChangeRecord;
import io.tributary.api.ChangeSink;
import io.tributary.api.EventSchema;
import io.tributary.api.SinkException;
import io.tributary.core.rows.RowChange;
import io.tributary.core.rows.RowChanges;
import io.tributary.core.tls.TlsFileOptions;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Upserts rows into MongoDB collections by {@code _id} (replaceOne with upsert) and deletes them (deleteOne), in
 * ordered bulk writes so that per-key order holds. {@code _id} is the record key (its single field, or a document
 * of its fields), or the value fields named by {@code document.id.fields}. Replays rewrite the same documents.
 * Change events of Debezium's MongoDB format (documents as JSON text) write their documents as they are
 * ({@link DocumentEvents}), so that a collection replicates into another.
 * Once {@value #SEND_AT} writes are pending they are sent without waiting for the flush, so memory and the time a
 * flush (and so an offset commit) takes stay bounded however fast a snapshot reads.
 */
public final class MongoSink implements ChangeSink {
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);
    static final int SEND_AT = 1_000;

    private MongoSinkConfig config;
    private MongoClient client;
    private final Map<String, List<WriteModel<BsonDocument>>> pending = new LinkedHashMap<>();
    private int pendingCount;
    /** Topics whose records are documents in Debezium's MongoDB format: their tombstones delete by the key's _id. */
    private final Set<String> documentTopics = new HashSet<>();

    @Override
    public void start(String pipeline, Map<String, String> raw) {
        config = MongoSinkConfig.parse(raw);
        TlsFileOptions tls;
        Optional<SSLContext> trusting;
        try {
            tls = TlsFileOptions.of(config.connectionUri());
            trusting = tls.sslContext();
        } catch (IllegalArgumentException e) {
            throw new SinkException("connection.uri: " + e.getMessage(), e);
        }
        MongoClientSettings.Builder settings = MongoClientSettings.builder();
        try {
            settings.applyConnectionString(new ConnectionString(tls.connectionString()));
        } catch (IllegalArgumentException e) {
            throw new SinkException("connection.uri is not a MongoDB connection string (" + e.getClass().getSimpleName()
                    + "): expected mongodb://host:port/... or mongodb+srv://...");
        }
        // the driver does not read tlsCAFile: the authorities it names, read here
        trusting.ifPresent(context -> settings.applyToSslSettings(ssl -> ssl.context(context)));
        client = MongoClients.create(settings.build());
    }

    @Override
    public void write(List<ChangeRecord> records) {
        for (ChangeRecord record : records) {
            if (!config.writes(record.topic())) {
                continue;
            }
            if (DocumentEvents.isDocumentEvent(record)) {
                documentTopics.add(record.topic());
                DocumentEvents.model(record).ifPresent(model -> add(record, model));
                continue;
            }
            if (record.isTombstone() && documentTopics.contains(record.topic())) {
                DocumentEvents.tombstone(record).ifPresent(model -> add(record, model));
                continue;
            }
            Optional<RowChange> change = RowChanges.forSink(record, "topics=");
            change.flatMap(row -> model(record, row)).ifPresent(model -> add(record, model));
        }
        if (pendingCount >= SEND_AT) {
            flush();
        }
    }

    private void add(ChangeRecord record, WriteModel<BsonDocument> model) {
        pending.computeIfAbsent(config.collectionFor(record.topic()), ignored -> new ArrayList<>()).add(model);
        pendingCount++;
    }

    private Optional<WriteModel<BsonDocument>> model(ChangeRecord record, RowChange change) {
        Optional<BsonValue> id = id(record, change);
        if (id.isEmpty()) {
            if (change.delete()) {
                return Optional.empty(); // a tombstone without a key names no document
            }
            throw new SinkException("a record of topic " + record.topic() + " has no key to make _id from: give "
                    + "document.id.fields (value fields), or capture a table with a primary key");
        }
        if (change.delete()) {
            return Optional.of(new DeleteOneModel<>(Filters.eq("_id", id.get())));
        }
        BsonDocument document = new BsonDocument("_id", id.get());
        BsonValues.document(change.rowSchema(), change.row()).forEach(document::append);
        return Optional.of(new ReplaceOneModel<>(Filters.eq("_id", id.get()), document, UPSERT));
    }

    private Optional<BsonValue> id(ChangeRecord record, RowChange change) {
        if (config.idFromValue().isPresent() && !change.keyOnly()) {
            return Optional.of(fields(change.rowSchema(), change.row(), config.idFromValue().get(), record.topic()));
        }
        if (record.keySchema() == null || record.key() == null) {
            return Optional.empty();
        }
        EventSchema keySchema = record.keySchema();
        if (keySchema.type() != EventSchema.Type.STRUCT) {
            return Optional.of(BsonValues.of(keySchema, record.key()));
        }
        Object[] key = (Object[]) record.key();
        if (keySchema.fields().size() == 1) {
            return Optional.of(BsonValues.of(keySchema.fields().get(0).schema(), key[0]));
        }
        return Optional.of(BsonValues.document(keySchema, key));
    }

    private static BsonValue fields(EventSchema schema, Object[] row, List<String> names, String topic) {
        BsonDocument id = new BsonDocument();
        for (String name : names) {
            EventSchema.Field field = schema.field(name).orElseThrow(() -> new SinkException("a record of topic "
                    + topic + " has no field " + name + " (document.id.fields)"));
            id.append(name, BsonValues.of(field.schema(), row[field.index()]));
        }
        return names.size() == 1 ? id.get(names.get(0)) : id;
    }

    @Override
    public void flush() {
        for (Map.Entry<String, List<WriteModel<BsonDocument>>> collection : pending.entrySet()) {
            try {
                client.getDatabase(config.database()).getCollection(collection.getKey(), BsonDocument.class)
                        .bulkWrite(collection.getValue(), new BulkWriteOptions().ordered(true));
            } catch (MongoException e) {
                throw new SinkException("MongoDB refused a bulk write to " + config.database() + "."
                        + collection.getKey() + ": " + e.getMessage(), e);
            }
        }
        pending.clear();
        pendingCount = 0;
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
            client = null;
        }
    }
}
