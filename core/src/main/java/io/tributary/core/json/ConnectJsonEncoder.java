package io.tributary.core.json;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import io.tributary.api.EventSchema;

/**
 * Writes keys and values as the bytes Kafka Connect's {@code JsonConverter} produces for the same schema and
 * value (decimals as Base64, {@code replace.null.with.default=true}), with the {@code {"schema":..,"payload":..}}
 * envelope when schemas are enabled and the bare payload when not.
 *
 * <p>Writes straight to bytes with no intermediate tree, and serialises each schema once: the schema JSON is cached
 * per {@link EventSchema} instance, so sources should share one instance per table version.
 *
 * <p>Not thread-safe: use one encoder per thread.
 */
public final class ConnectJsonEncoder {
    private static final byte[] SCHEMA_PREFIX = "{\"schema\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PAYLOAD_PREFIX = ",\"payload\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);

    private final boolean schemasEnabled;
    private final Map<EventSchema, byte[]> schemaJson = new IdentityHashMap<>();
    private final ByteSink out = new ByteSink();
    private final ByteSink schemaOut = new ByteSink();

    public ConnectJsonEncoder(boolean schemasEnabled) {
        this.schemasEnabled = schemasEnabled;
    }

    /** The JSON bytes, or null for a null value without schema (a tombstone or a key-less record's key). */
    public byte[] encode(EventSchema schema, Object value) {
        if (schema == null && value == null) {
            return null;
        }
        out.reset();
        if (schemasEnabled) {
            out.write(SCHEMA_PREFIX);
            out.write(schema == null ? NULL : schemaJson.computeIfAbsent(schema, this::schemaBytes));
            out.write(PAYLOAD_PREFIX);
            writeValue(out, schema, value);
            out.write('}');
        } else {
            writeValue(out, schema, value);
        }
        return out.toByteArray();
    }

    private byte[] schemaBytes(EventSchema schema) {
        schemaOut.reset();
        writeSchema(schemaOut, schema, null);
        return schemaOut.toByteArray();
    }

    private static void writeSchema(ByteSink sink, EventSchema schema, String fieldName) {
        sink.writeAscii("{\"type\":\"");
        sink.writeAscii(typeName(schema.type()));
        sink.write('"');
        if (schema.type() == EventSchema.Type.STRUCT) {
            sink.writeAscii(",\"fields\":[");
            boolean first = true;
            for (EventSchema.Field field : schema.fields()) {
                if (!first) {
                    sink.write(',');
                }
                first = false;
                writeSchema(sink, field.schema(), field.name());
            }
            sink.write(']');
        }
        if (schema.type() == EventSchema.Type.ARRAY) {
            sink.writeAscii(",\"items\":");
            writeSchema(sink, schema.items().orElseThrow(), null);
        }
        sink.writeAscii(schema.optional() ? ",\"optional\":true" : ",\"optional\":false");
        if (schema.name().isPresent()) {
            sink.writeAscii(",\"name\":");
            JsonText.string(sink, schema.name().get());
        }
        if (schema.version().isPresent()) {
            sink.writeAscii(",\"version\":");
            sink.writeAscii(schema.version().get().toString());
        }
        if (schema.doc().isPresent()) {
            sink.writeAscii(",\"doc\":");
            JsonText.string(sink, schema.doc().get());
        }
        if (!schema.parameters().isEmpty()) {
            sink.writeAscii(",\"parameters\":{");
            boolean first = true;
            for (Map.Entry<String, String> parameter : schema.parameters().entrySet()) {
                if (!first) {
                    sink.write(',');
                }
                first = false;
                JsonText.string(sink, parameter.getKey());
                sink.write(':');
                JsonText.string(sink, parameter.getValue());
            }
            sink.write('}');
        }
        if (schema.defaultValue().isPresent()) {
            sink.writeAscii(",\"default\":");
            writeValue(sink, schema, schema.defaultValue().get());
        }
        if (fieldName != null) {
            sink.writeAscii(",\"field\":");
            JsonText.string(sink, fieldName);
        }
        sink.write('}');
    }

    private static String typeName(EventSchema.Type type) {
        return switch (type) {
            case INT8 -> "int8";
            case INT16 -> "int16";
            case INT32 -> "int32";
            case INT64 -> "int64";
            case FLOAT32 -> "float";
            case FLOAT64 -> "double";
            case BOOLEAN -> "boolean";
            case STRING -> "string";
            case BYTES -> "bytes";
            case ARRAY -> "array";
            case STRUCT -> "struct";
        };
    }

    private static void writeValue(ByteSink sink, EventSchema schema, Object value) {
        if (value == null) {
            if (schema != null && schema.defaultValue().isPresent()) {
                writeValue(sink, schema, schema.defaultValue().get());
            } else {
                sink.write(NULL);
            }
            return;
        }
        switch (schema.type()) {
            case INT8, INT16, INT32, INT64 -> sink.writeAscii(value.toString());
            case FLOAT32 -> sink.writeAscii(Float.toString((Float) value));
            case FLOAT64 -> sink.writeAscii(Double.toString((Double) value));
            case BOOLEAN -> sink.writeAscii(((Boolean) value) ? "true" : "false");
            case STRING -> JsonText.string(sink, (String) value);
            case BYTES -> JsonText.bytes(sink, value instanceof BigDecimal decimal
                    ? decimal.unscaledValue().toByteArray()
                    : (byte[]) value);
            case ARRAY -> writeArray(sink, schema.items().orElseThrow(), (List<?>) value);
            case STRUCT -> writeStruct(sink, schema, (Object[]) value);
        }
    }

    private static void writeArray(ByteSink sink, EventSchema items, List<?> values) {
        sink.write('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                sink.write(',');
            }
            writeValue(sink, items, values.get(i));
        }
        sink.write(']');
    }

    private static void writeStruct(ByteSink sink, EventSchema schema, Object[] values) {
        sink.write('{');
        boolean first = true;
        for (EventSchema.Field field : schema.fields()) {
            if (!first) {
                sink.write(',');
            }
            first = false;
            JsonText.string(sink, field.name());
            sink.write(':');
            writeValue(sink, field.schema(), values[field.index()]);
        }
        sink.write('}');
    }
}
