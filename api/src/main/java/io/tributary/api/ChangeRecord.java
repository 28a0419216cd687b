package io.tributary.api;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One record a source emits: a Debezium change event, schema-change event, heartbeat or tombstone, addressed to
 * a topic, with the source position that is safe to store once this record and all before it are delivered.
 *
 * <p>Like Kafka Connect's {@code SourceRecord}: key and value follow their schemas ({@link EventSchema}); a
 * tombstone has a null value schema and null value; a null value under a schema is Connect's null of that (optional)
 * schema, which JsonConverter writes as JSON {@code null} rather than as a Kafka tombstone.
 *
 * @param topic the destination topic
 * @param keySchema the key schema, null for key-less records
 * @param key the key, null for key-less records
 * @param valueSchema the value schema, null for a tombstone
 * @param value the value, null for a tombstone
 * @param partition the source partition the offset belongs to (for example the server name)
 * @param offset the source offset after this record
 * @param headers the record's headers, in order (Kafka headers allow repeated keys)
 */
public record ChangeRecord(
        String topic,
        EventSchema keySchema,
        Object key,
        EventSchema valueSchema,
        Object value,
        Map<String, ?> partition,
        Map<String, ?> offset,
        List<Header> headers) {

    /**
     * One header: a key and a value under its schema, as Kafka Connect's {@code Header}; the Kafka sink writes the
     * value as Connect's default header converter does.
     *
     * @param key the header key
     * @param schema the value's schema
     * @param value the value, may be null
     */
    public record Header(String key, EventSchema schema, Object value) {
        public Header {
            requireNonNull(key, "key is null");
            requireNonNull(schema, "schema is null");
        }
    }

    public ChangeRecord {
        requireNonNull(topic, "topic is null");
        requireNonNull(partition, "partition is null");
        requireNonNull(offset, "offset is null");
        if (valueSchema == null && value != null) {
            throw new IllegalArgumentException("a value needs a valueSchema");
        }
        headers = List.copyOf(headers);
    }

    /** A record without headers. */
    public ChangeRecord(String topic, EventSchema keySchema, Object key, EventSchema valueSchema, Object value,
            Map<String, ?> partition, Map<String, ?> offset) {
        this(topic, keySchema, key, valueSchema, value, partition, offset, List.of());
    }

    /** This record addressed to another topic. */
    public ChangeRecord withTopic(String newTopic) {
        return new ChangeRecord(newTopic, keySchema, key, valueSchema, value, partition, offset, headers);
    }

    /** This record with another value (a null schema and value make a tombstone). */
    public ChangeRecord withValue(EventSchema newValueSchema, Object newValue) {
        return new ChangeRecord(topic, keySchema, key, newValueSchema, newValue, partition, offset, headers);
    }

    /** This record with {@code added} after its headers. */
    public ChangeRecord withHeadersAdded(List<Header> added) {
        if (added.isEmpty()) {
            return this;
        }
        List<Header> all = new ArrayList<>(headers);
        all.addAll(added);
        return new ChangeRecord(topic, keySchema, key, valueSchema, value, partition, offset, all);
    }

    /** Whether the value is null: a Kafka tombstone, or (with a value schema) Connect's null value of that schema. */
    public boolean isTombstone() {
        return value == null;
    }
}
