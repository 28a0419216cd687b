package io.tributary.sink.dynamodb;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.tributary.api.ChangeRecord;
import io.tributary.api.EventSchema;
import io.tributary.api.SinkException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Turns a record into a DynamoDB write. Understands the full Debezium envelope (creates, reads and updates put
 * {@code after}; deletes delete by {@code before}), the unwrapped row of ExtractNewRecordState (put; a delete
 * rewritten with {@code __deleted=true} deletes), and tombstones (delete by the record key).
 */
final class ItemMapper {
    private final DynamoDbSinkConfig config;

    ItemMapper(DynamoDbSinkConfig config) {
        this.config = config;
    }

    Optional<Write> map(ChangeRecord record) {
        if (!config.topics().test(record.topic())) {
            return Optional.empty();
        }
        String table = config.tableFor(record.topic());
        if (record.isTombstone()) {
            return tombstoneKey(record).map(key -> new Write(table, key, null, key.size() < keyFields()));
        }
        EventSchema schema = record.valueSchema();
        if (schema.type() != EventSchema.Type.STRUCT) {
            throw new SinkException("a record of topic " + record.topic() + " is not a row (its value is a "
                    + schema.type() + "): limit this sink to the table topics with topics= or topics.regex=");
        }
        Object[] value = (Object[]) record.value();
        EventSchema.Field op = field(schema, "op");
        EventSchema.Field after = field(schema, "after");
        EventSchema.Field before = field(schema, "before");
        if (op != null && after != null && before != null) {
            String operation = String.valueOf(value[op.index()]);
            return switch (operation) {
                case "c", "r", "u" -> Optional.of(put(record, table, after.schema(), (Object[]) value[after.index()]));
                case "d" -> Optional.of(new Write(table, key(record, before.schema(),
                        (Object[]) value[before.index()]), null));
                default -> Optional.empty();
            };
        }
        EventSchema.Field deleted = field(schema, "__deleted");
        if (deleted != null && "true".equals(String.valueOf(value[deleted.index()]))) {
            return Optional.of(new Write(table, key(record, schema, value), null));
        }
        return Optional.of(put(record, table, schema, value));
    }

    private Write put(ChangeRecord record, String table, EventSchema schema, Object[] row) {
        Map<String, AttributeValue> key = key(record, schema, row);
        Map<String, AttributeValue> item = AttributeValues.item(schema, row);
        key.forEach(item::putIfAbsent);
        return new Write(table, key, item);
    }

    private Map<String, AttributeValue> key(ChangeRecord record, EventSchema rowSchema, Object[] row) {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        key.put(config.hashKey().field(), keyAttribute(record, config.hashKey(), rowSchema, row, "aws.dynamodb.pk.hash"));
        config.sortKey().ifPresent(sort -> key.put(sort.field(),
                keyAttribute(record, sort, rowSchema, row, "aws.dynamodb.pk.sort")));
        return key;
    }

    private static AttributeValue keyAttribute(ChangeRecord record, KeyPath path, EventSchema rowSchema, Object[] row,
            String option) {
        EventSchema schema = path.fromKey() ? record.keySchema() : rowSchema;
        Object[] struct = path.fromKey() ? (Object[]) record.key() : row;
        EventSchema.Field field = schema == null || struct == null ? null : field(schema, path.field());
        Object value = field == null ? null : struct[field.index()];
        if (value == null) {
            throw new SinkException("a record of topic " + record.topic() + " has no " + (path.fromKey() ? "key" : "value")
                    + " field " + path.field() + " for the table key (" + option + "=" + (path.fromKey() ? "key." : "value.")
                    + path.field() + "): fix " + option + ", or limit the sink to the right topics with topics=");
        }
        return AttributeValues.of(field.schema(), value);
    }

    /** The key of the row a tombstone follows, from the record key; empty when the key lacks the key fields. */
    private Optional<Map<String, AttributeValue>> tombstoneKey(ChangeRecord record) {
        if (record.keySchema() == null || record.key() == null) {
            return Optional.empty();
        }
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        for (KeyPath path : config.sortKey().isPresent() ? java.util.List.of(config.hashKey(), config.sortKey().get())
                : java.util.List.of(config.hashKey())) {
            EventSchema.Field field = field(record.keySchema(), path.field());
            Object value = field == null ? null : ((Object[]) record.key())[field.index()];
            if (value == null) {
                break;
            }
            key.put(path.field(), AttributeValues.of(field.schema(), value));
        }
        // without the hash key nothing can be found; without the sort key, every item of the hash key is the row's
        return key.isEmpty() ? Optional.empty() : Optional.of(key);
    }

    private int keyFields() {
        return config.sortKey().isPresent() ? 2 : 1;
    }

    private static EventSchema.Field field(EventSchema schema, String name) {
        if (schema.fields() == null) {
            return null;
        }
        for (EventSchema.Field field : schema.fields()) {
            if (field.name().equals(name)) {
                return field;
            }
        }
        return null;
    }
}
