package io.tributary.core.convert;

import io.tributary.api.EventSchema;
import io.tributary.core.json.ByteSink;

/**
 * Turns a record's key or value into the bytes a Kafka Connect converter would write for it, so that a sink writing
 * straight to Kafka or to files produces what a Connect worker running the same converter would. Not thread-safe.
 */
public interface RecordEncoder {
    /** The bytes of {@code value}, whose schema is {@code schema}; null for a null value (a tombstone, a null key). */
    byte[] encode(EventSchema schema, Object value);

    /**
     * The bytes of {@code value} in a record of {@code topic}: the same as {@link #encode(EventSchema, Object)} but
     * for encoders that name schemas after the topic (Avro with a schema registry), which override this.
     */
    default byte[] encode(String topic, EventSchema schema, Object value) {
        return encode(schema, value);
    }

    /**
     * Appends to {@code out} the bytes {@link #encode} gives; false, appending nothing, for a null value. An encoder
     * that writes straight into {@code out} spares the copy {@link #encode} makes of every record.
     */
    default boolean encodeTo(EventSchema schema, Object value, ByteSink out) {
        byte[] bytes = encode(schema, value);
        if (bytes == null) {
            return false;
        }
        out.write(bytes);
        return true;
    }
}
