package io.tributary.sink.mongodb;

import java.util.Optional;

import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import io.tributary.api.ChangeRecord;
import io.tributary.api.EventSchema;
import io.tributary.api.SinkException;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.json.JsonParseException;

/**
 * Change events in Debezium's MongoDB format (Tributary's MongoDB source writes them): the document after the change
 * as extended JSON text in {@code after}, the {@code _id} as extended JSON in the key's {@code id}. A create, read or
 * update replaces the document with its {@code _id} (inserting it when missing); a delete deletes it; an update
 * without the document after it (the document was gone when the server looked it up) changes nothing.
 */
final class DocumentEvents {
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);
    private static final String JSON = "io.debezium.data.Json";

    private DocumentEvents() {
    }

    /** Whether the record is a change event of Debezium's MongoDB format (not a tombstone). */
    static boolean isDocumentEvent(ChangeRecord record) {
        EventSchema value = record.valueSchema();
        return value != null && value.type() == EventSchema.Type.STRUCT
                && value.field("after").filter(after -> after.schema().name().filter(JSON::equals).isPresent())
                        .isPresent()
                && value.field("op").isPresent() && keyText(record).isPresent();
    }

    /** The write a document event makes, or empty for one that changes nothing. */
    static Optional<WriteModel<BsonDocument>> model(ChangeRecord record) {
        Object[] value = (Object[]) record.value();
        String op = String.valueOf(value[record.valueSchema().field("op").orElseThrow().index()]);
        BsonValue id = id(record);
        if (op.equals("d")) {
            return Optional.of(new DeleteOneModel<>(Filters.eq("_id", id)));
        }
        Object after = value[record.valueSchema().field("after").orElseThrow().index()];
        if (!op.equals("c") && !op.equals("r") && !op.equals("u") || after == null) {
            return Optional.empty();
        }
        BsonDocument document = parse((String) after, record, "after");
        return Optional.of(new ReplaceOneModel<>(Filters.eq("_id", id), document, UPSERT));
    }

    /** A tombstone of a topic of document events: the document with its key's {@code _id} is deleted. */
    static Optional<WriteModel<BsonDocument>> tombstone(ChangeRecord record) {
        return keyText(record).map(text -> new DeleteOneModel<>(Filters.eq("_id", id(record))));
    }

    private static BsonValue id(ChangeRecord record) {
        String text = keyText(record).orElseThrow();
        return parse("{\"_id\": " + text + "}", record, "key").get("_id");
    }

    /** The key's {@code id} text, when the key is Debezium's MongoDB key. */
    private static Optional<String> keyText(ChangeRecord record) {
        EventSchema key = record.keySchema();
        if (key == null || key.type() != EventSchema.Type.STRUCT || key.fields().size() != 1
                || !key.fields().get(0).name().equals("id") || !(record.key() instanceof Object[] fields)
                || !(fields[0] instanceof String text)) {
            return Optional.empty();
        }
        return Optional.of(text);
    }

    private static BsonDocument parse(String json, ChangeRecord record, String what) {
        try {
            return BsonDocument.parse(json);
        } catch (JsonParseException e) {
            throw new SinkException("a record of topic " + record.topic() + " has a " + what
                    + " that is not MongoDB extended JSON (" + e.getMessage() + ")");
        }
    }
}
