package io.tributary.connect;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import io.tributary.api.EventSchema;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;

/**
 * Converts Tributary's schemas and values to Kafka Connect's, one to one. Connect schemas are built once per
 * {@link EventSchema} instance (a table version) and cached. Not thread-safe: one instance per task.
 */
final class ConnectSchemas {
    private final Map<EventSchema, Schema> schemas = new IdentityHashMap<>();

    Schema schema(EventSchema schema) {
        if (schema == null) {
            return null;
        }
        Schema cached = schemas.get(schema);
        if (cached == null) {
            cached = build(schema);
            schemas.put(schema, cached);
        }
        return cached;
    }

    private Schema build(EventSchema schema) {
        SchemaBuilder builder = switch (schema.type()) {
            case INT8 -> SchemaBuilder.int8();
            case INT16 -> SchemaBuilder.int16();
            case INT32 -> SchemaBuilder.int32();
            case INT64 -> SchemaBuilder.int64();
            case FLOAT32 -> SchemaBuilder.float32();
            case FLOAT64 -> SchemaBuilder.float64();
            case BOOLEAN -> SchemaBuilder.bool();
            case STRING -> SchemaBuilder.string();
            case BYTES -> SchemaBuilder.bytes();
            case ARRAY -> SchemaBuilder.array(schema(schema.items().orElseThrow()));
            case STRUCT -> SchemaBuilder.struct();
        };
        for (EventSchema.Field field : schema.fields()) {
            builder.field(field.name(), schema(field.schema()));
        }
        schema.name().ifPresent(builder::name);
        schema.version().ifPresent(builder::version);
        schema.doc().ifPresent(builder::doc);
        if (!schema.parameters().isEmpty()) {
            builder.parameters(schema.parameters());
        }
        if (schema.optional()) {
            builder.optional();
        }
        schema.defaultValue().ifPresent(value -> builder.defaultValue(value(schema, value)));
        return builder.build();
    }

    /**
     * The Connect value for a value of {@code schema}: structs become {@link Struct}s, Connect's Date, Time and
     * Timestamp become the {@code java.util.Date}s Connect's converters expect, the rest stays.
     */
    Object value(EventSchema schema, Object value) {
        if (value == null) {
            return null;
        }
        if (schema.type() == EventSchema.Type.ARRAY) {
            EventSchema items = schema.items().orElseThrow();
            return ((List<?>) value).stream().map(item -> value(items, item)).toList();
        }
        if (schema.type() != EventSchema.Type.STRUCT) {
            return ConnectTimes.toConnect(schema.name().orElse(null), value);
        }
        Object[] values = (Object[]) value;
        Struct struct = new Struct(schema(schema));
        for (EventSchema.Field field : schema.fields()) {
            Object fieldValue = values[field.index()];
            if (fieldValue != null) {
                struct.put(field.name(), value(field.schema(), fieldValue));
            }
        }
        return struct;
    }
}
