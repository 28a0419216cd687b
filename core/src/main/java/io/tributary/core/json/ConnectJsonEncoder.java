package io.tributary.core.json;

import java.nio.charset.StandardCharsets;
import java.util.IdentityHashMap;
import java.util.Map;

import io.tributary.api.EventSchema;
import io.tributary.core.convert.RecordEncoder;

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
public final class ConnectJsonEncoder implements RecordEncoder {
    private static final byte[] SCHEMA_PREFIX = "{\"schema\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PAYLOAD_PREFIX = ",\"payload\":".getBytes(StandardCharsets.US_ASCII);
    /** More distinct schema instances than this means a caller makes one per record: start the cache afresh. */
    private static final int MAX_CACHED_SCHEMAS = 10_000;

    private final boolean schemasEnabled;
    private final Map<EventSchema, Compiled> compiled = new IdentityHashMap<>();
    private final ByteSink out = new ByteSink();

    /** A schema's value writer and, with schemas enabled, its JSON. */
    private record Compiled(ValueWriter writer, byte[] schemaJson) {
    }

    public ConnectJsonEncoder(boolean schemasEnabled) {
        this.schemasEnabled = schemasEnabled;
    }

    /** The JSON bytes, or null for a null value without schema (a tombstone or a key-less record's key). */
    @Override
    public byte[] encode(EventSchema schema, Object value) {
        if (schema == null) {
            if (value != null) {
                throw new IllegalArgumentException("a value without a schema cannot be encoded: " + value);
            }
            return null;
        }
        Compiled plan = plan(schema);
        out.reset();
        plan.writer().write(out, value);
        if (!schemasEnabled) {
            return out.toByteArray();
        }
        // one copy of the (large) schema JSON straight into the result, rather than via the buffer
        byte[] schemaJson = plan.schemaJson();
        byte[] json = new byte[SCHEMA_PREFIX.length + schemaJson.length + PAYLOAD_PREFIX.length + out.size() + 1];
        int at = 0;
        System.arraycopy(SCHEMA_PREFIX, 0, json, at, SCHEMA_PREFIX.length);
        at += SCHEMA_PREFIX.length;
        System.arraycopy(schemaJson, 0, json, at, schemaJson.length);
        at += schemaJson.length;
        System.arraycopy(PAYLOAD_PREFIX, 0, json, at, PAYLOAD_PREFIX.length);
        at += PAYLOAD_PREFIX.length;
        out.copyTo(json, at);
        json[json.length - 1] = '}';
        return json;
    }

    /** Writes the JSON straight into {@code target}: the same bytes as {@link #encode}, without its copy. */
    @Override
    public boolean encodeTo(EventSchema schema, Object value, ByteSink target) {
        if (schema == null) {
            return encode(null, value) != null;
        }
        Compiled plan = plan(schema);
        if (schemasEnabled) {
            target.write(SCHEMA_PREFIX);
            target.write(plan.schemaJson());
            target.write(PAYLOAD_PREFIX);
        }
        plan.writer().write(target, value);
        if (schemasEnabled) {
            target.write('}');
        }
        return true;
    }

    private Compiled plan(EventSchema schema) {
        Compiled plan = compiled.get(schema);
        return plan == null ? compile(schema) : plan;
    }

    private Compiled compile(EventSchema schema) {
        if (compiled.size() >= MAX_CACHED_SCHEMAS) {
            compiled.clear();
        }
        byte[] schemaJson = null;
        if (schemasEnabled) {
            ByteSink schemaOut = new ByteSink();
            writeSchema(schemaOut, schema, null);
            schemaJson = schemaOut.toByteArray();
        }
        Compiled plan = new Compiled(ValueWriter.compile(schema), schemaJson);
        compiled.put(schema, plan);
        return plan;
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
            ValueWriter.compile(schema).write(sink, schema.defaultValue().get());
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
}
