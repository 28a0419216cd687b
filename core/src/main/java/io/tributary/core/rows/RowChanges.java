package io.tributary.core.rows;

import java.util.Optional;

import io.tributary.api.ChangeRecord;
import io.tributary.api.EventSchema;
import io.tributary.api.SinkException;
import io.tributary.core.event.Heartbeats;

/**
 * Reads a record as a row change, whatever its shape: a full Debezium envelope (creates, reads and updates upsert
 * {@code after}; deletes delete {@code before}; truncates and other operations are ignored), an unwrapped row of
 * ExtractNewRecordState (an upsert, or a delete when rewritten with {@code __deleted="true"}), or a tombstone or
 * null value (a delete known by the record key).
 */
public final class RowChanges {
    private RowChanges() {
    }

    /**
     * The change, or empty for records that change no row (truncates, unknown operations, heartbeats, the schema
     * change events of {@code include.schema.changes} on the topic prefix's topic).
     *
     * @throws IllegalArgumentException for a value that is not a struct (a sink fed the wrong topics)
     */
    public static Optional<RowChange> of(ChangeRecord record) {
        if (record.isTombstone()) {
            return Optional.of(new RowChange(true, null, null));
        }
        EventSchema schema = record.valueSchema();
        if (Heartbeats.isHeartbeat(record) || isSchemaChange(schema)) {
            return Optional.empty();
        }
        if (schema.type() != EventSchema.Type.STRUCT) {
            throw new IllegalArgumentException("a record of topic " + record.topic() + " is not a row (its value is "
                    + "a " + schema.type() + ")");
        }
        Object[] value = (Object[]) record.value();
        Optional<EventSchema.Field> op = schema.field("op");
        Optional<EventSchema.Field> after = schema.field("after");
        Optional<EventSchema.Field> before = schema.field("before");
        if (after.isPresent() && after.get().schema().type() != EventSchema.Type.STRUCT) {
            throw new IllegalArgumentException("a record of topic " + record.topic() + " carries its document as "
                    + after.get().schema().name().orElse(after.get().schema().type().toString()) + " text (Debezium's "
                    + "MongoDB event format), not as a row");
        }
        if (op.isPresent() && after.isPresent() && before.isPresent()) {
            return switch (String.valueOf(value[op.get().index()])) {
                case "c", "r", "u" -> Optional.of(new RowChange(false, after.get().schema(),
                        (Object[]) value[after.get().index()]));
                case "d" -> Optional.of(new RowChange(true, before.get().schema(),
                        (Object[]) value[before.get().index()]));
                default -> Optional.empty();
            };
        }
        boolean deleted = schema.field("__deleted").map(field -> "true".equals(value[field.index()])).orElse(false);
        return Optional.of(new RowChange(deleted, schema, value));
    }

    /** Debezium's schema change events: {@code io.debezium.connector.<mysql|mariadb>.SchemaChangeValue}. */
    private static boolean isSchemaChange(EventSchema schema) {
        return schema != null && schema.name().filter(name -> name.startsWith("io.debezium.connector.")
                && name.endsWith(".SchemaChangeValue")).isPresent();
    }

    /**
     * As {@link #of}, for a sink writing rows: a record that is not a row stops the sink with an error saying how to
     * limit it to table topics, {@code topicOptions} naming its options for that ({@code "topics="}).
     */
    public static Optional<RowChange> forSink(ChangeRecord record, String topicOptions) {
        try {
            return of(record);
        } catch (IllegalArgumentException e) {
            throw new SinkException(e.getMessage() + ": limit this sink to the table topics with " + topicOptions);
        }
    }

    /** A struct's field value by name, or null when the struct has no such field. */
    public static Object fieldValue(EventSchema schema, Object struct, String name) {
        return schema == null || struct == null || schema.type() != EventSchema.Type.STRUCT ? null
                : schema.field(name).map(field -> ((Object[]) struct)[field.index()]).orElse(null);
    }
}
