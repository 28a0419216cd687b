package io.tributary.api;

import static java.util.Objects.requireNonNull;

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
 */
public record ChangeRecord(
        String topic,
        EventSchema keySchema,
        Object key,
        EventSchema valueSchema,
        Object value,
        Map<String, ?> partition,
        Map<String, ?> offset) {

    public ChangeRecord {
        requireNonNull(topic, "topic is null");
        requireNonNull(partition, "partition is null");
        requireNonNull(offset, "offset is null");
        if (valueSchema == null && value != null) {
            throw new IllegalArgumentException("a value needs a valueSchema");
        }
    }

    /** Whether the value is null: a Kafka tombstone, or (with a value schema) Connect's null value of that schema. */
    public boolean isTombstone() {
        return value == null;
    }
}
