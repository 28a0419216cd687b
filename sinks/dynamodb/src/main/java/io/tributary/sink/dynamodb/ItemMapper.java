package io.tributary.sink.dynamodb;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tributary.api.ChangeRecord;
import io.tributary.api.EventSchema;
import io.tributary.api.SinkException;
import io.tributary.core.rows.RowChange;
import io.tributary.core.rows.RowChanges;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Turns a record ({@link RowChanges} reads every shape) into a DynamoDB write: a put, or a delete by key. */
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
        Optional<RowChange> change = RowChanges.forSink(record, "topics= or topics.regex=");
        if (change.isEmpty()) {
            return Optional.empty();
        }
        RowChange row = change.get();
        if (row.keyOnly()) {
            return recordKey(record).map(key -> new Write(table, key, null, key.size() < keyPaths().size()));
        }
        Map<String, AttributeValue> key = key(record, row.rowSchema(), row.row());
        if (row.delete()) {
            return Optional.of(new Write(table, key, null));
        }
        Map<String, AttributeValue> item = AttributeValues.item(row.rowSchema(), row.row());
        key.forEach(item::putIfAbsent);
        return Optional.of(new Write(table, key, item));
    }

    private List<KeyPath> keyPaths() {
        return config.sortKey().map(sort -> List.of(config.hashKey(), sort)).orElse(List.of(config.hashKey()));
    }

    private Map<String, AttributeValue> key(ChangeRecord record, EventSchema rowSchema, Object[] row) {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        for (KeyPath path : keyPaths()) {
            EventSchema schema = path.fromKey() ? record.keySchema() : rowSchema;
            Object struct = path.fromKey() ? record.key() : row;
            Object value = RowChanges.fieldValue(schema, struct, path.field());
            if (value == null) {
                String option = path == config.hashKey() ? "aws.dynamodb.pk.hash" : "aws.dynamodb.pk.sort";
                String side = path.fromKey() ? "key" : "value";
                throw new SinkException("a record of topic " + record.topic() + " has no " + side + " field "
                        + path.field() + " for the table key (" + option + "=" + side + "." + path.field() + "): fix "
                        + option + ", or limit the sink to the right topics with topics=");
            }
            key.put(path.field(), AttributeValues.of(schema.field(path.field()).orElseThrow().schema(), value));
        }
        return key;
    }

    /**
     * The key of a row known only by its record key: the key attributes found there, in order; without the sort
     * attribute, every item of the hash key is the row's. Empty when even the hash attribute is missing.
     */
    private Optional<Map<String, AttributeValue>> recordKey(ChangeRecord record) {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        for (KeyPath path : keyPaths()) {
            Object value = RowChanges.fieldValue(record.keySchema(), record.key(), path.field());
            if (value == null) {
                break;
            }
            key.put(path.field(), AttributeValues.of(record.keySchema().field(path.field()).orElseThrow().schema(),
                    value));
        }
        return key.isEmpty() ? Optional.empty() : Optional.of(key);
    }
}
