package io.tributary.connect;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import io.tributary.api.ChangeRecord;
import io.tributary.api.EventSchema;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Kafka Connect sink records as Tributary's change records, so the standalone sinks serve Connect too. Values with
 * schemas convert one to one; schemaless JSON (maps, JsonConverter with {@code schemas.enable=false}) gets a schema
 * inferred from the values; a key written by StringConverter ({@code Struct{ORDER_ID=1}}) is read back into fields.
 * Not thread-safe: one instance per task.
 */
final class ConnectRecords {
    private final Map<Schema, EventSchema> schemas = new IdentityHashMap<>();

    ChangeRecord toChangeRecord(ConnectRecord<?> record) {
        Converted key = convert(record.keySchema(), record.key());
        Converted value = convert(record.valueSchema(), record.value());
        Map<String, ?> partition = record.kafkaPartition() == null ? Map.of()
                : Map.of("kafka_partition", record.kafkaPartition());
        Map<String, ?> offset = record instanceof SinkRecord sinkRecord
                ? Map.of("kafka_offset", sinkRecord.kafkaOffset()) : Map.of();
        return new ChangeRecord(record.topic(), key.schema(), key.value(), value.schema(), value.value(), partition,
                offset);
    }

    private record Converted(EventSchema schema, Object value) {
    }

    private Converted convert(Schema schema, Object value) {
        if (value == null) {
            return new Converted(schema == null ? null : schema(schema), null);
        }
        if (value instanceof String text && text.startsWith("Struct{") && text.endsWith("}")
                && (schema == null || schema.type() == Schema.Type.STRING)) {
            return structText(text);
        }
        if (schema != null) {
            return new Converted(schema(schema), value(schema, value));
        }
        EventSchema inferred = infer(value);
        return new Converted(inferred, inferredValue(inferred, value));
    }

    private EventSchema schema(Schema schema) {
        EventSchema cached = schemas.get(schema);
        if (cached == null) {
            cached = build(schema);
            schemas.put(schema, cached);
        }
        return cached;
    }

    private EventSchema build(Schema schema) {
        EventSchema built = switch (schema.type()) {
            case INT8 -> EventSchema.of(EventSchema.Type.INT8);
            case INT16 -> EventSchema.of(EventSchema.Type.INT16);
            case INT32 -> EventSchema.of(EventSchema.Type.INT32);
            case INT64 -> EventSchema.of(EventSchema.Type.INT64);
            case FLOAT32 -> EventSchema.of(EventSchema.Type.FLOAT32);
            case FLOAT64 -> EventSchema.of(EventSchema.Type.FLOAT64);
            case BOOLEAN -> EventSchema.of(EventSchema.Type.BOOLEAN);
            case STRING -> EventSchema.of(EventSchema.Type.STRING);
            case BYTES -> EventSchema.of(EventSchema.Type.BYTES);
            case ARRAY -> EventSchema.array(schema(schema.valueSchema()));
            case STRUCT -> {
                EventSchema.FieldsBuilder fields = EventSchema.fieldsBuilder();
                for (Field field : schema.fields()) {
                    fields.add(field.name(), schema(field.schema()));
                }
                yield EventSchema.struct(schema.name() == null ? "struct" : schema.name(), fields.build());
            }
            case MAP -> throw new IllegalArgumentException("Connect MAP values are not rows: " + schema);
        };
        if (schema.name() != null && schema.type() != Schema.Type.STRUCT) {
            built = built.withName(schema.name(), schema.version() == null ? 1 : schema.version());
        }
        if (schema.type() == Schema.Type.STRUCT && schema.version() != null) {
            built = built.withVersion(schema.version());
        }
        if (schema.doc() != null) {
            built = built.withDoc(schema.doc());
        }
        if (schema.parameters() != null) {
            for (Map.Entry<String, String> parameter : schema.parameters().entrySet()) {
                built = built.withParameter(parameter.getKey(), parameter.getValue());
            }
        }
        if (schema.isOptional()) {
            built = built.asOptional();
        }
        if (schema.defaultValue() != null) {
            built = built.withDefault(value(schema, schema.defaultValue()));
        }
        return built;
    }

    private Object value(Schema schema, Object value) {
        if (value == null) {
            return null;
        }
        return switch (schema.type()) {
            case STRUCT -> {
                Struct struct = (Struct) value;
                Object[] values = new Object[schema.fields().size()];
                for (Field field : schema.fields()) {
                    values[field.index()] = value(field.schema(), struct.getWithoutDefault(field.name()));
                }
                yield values;
            }
            case ARRAY -> ((List<?>) value).stream().map(item -> value(schema.valueSchema(), item)).toList();
            case BYTES -> value instanceof ByteBuffer buffer ? bytes(buffer) : value;
            default -> ConnectTimes.fromConnect(schema.name(), value);
        };
    }

    /** A schema for schemaless JSON: numbers as INT64 or FLOAT64, objects as structs, everything optional. */
    private static EventSchema infer(Object value) {
        EventSchema schema;
        if (value instanceof Map<?, ?> map) {
            EventSchema.FieldsBuilder fields = EventSchema.fieldsBuilder();
            map.forEach((name, item) -> fields.add(String.valueOf(name), infer(item)));
            schema = EventSchema.struct("schemaless", fields.build());
        } else if (value instanceof List<?> list) {
            schema = EventSchema.array(list.isEmpty() || list.get(0) == null ? EventSchema.of(EventSchema.Type.STRING)
                    : infer(list.get(0)));
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte) {
            schema = EventSchema.of(EventSchema.Type.INT64);
        } else if (value instanceof Number) {
            schema = EventSchema.of(EventSchema.Type.FLOAT64);
        } else if (value instanceof Boolean) {
            schema = EventSchema.of(EventSchema.Type.BOOLEAN);
        } else if (value instanceof byte[] || value instanceof ByteBuffer) {
            schema = EventSchema.of(EventSchema.Type.BYTES);
        } else {
            schema = EventSchema.of(EventSchema.Type.STRING);
        }
        return schema.asOptional();
    }

    private static Object inferredValue(EventSchema schema, Object value) {
        if (value == null) {
            return null;
        }
        return switch (schema.type()) {
            case STRUCT -> {
                Map<?, ?> map = (Map<?, ?>) value;
                Object[] values = new Object[schema.fields().size()];
                for (EventSchema.Field field : schema.fields()) {
                    values[field.index()] = inferredValue(field.schema(), map.get(field.name()));
                }
                yield values;
            }
            case ARRAY -> ((List<?>) value).stream()
                    .map(item -> inferredValue(schema.items().orElseThrow(), item)).toList();
            case INT64 -> ((Number) value).longValue();
            case FLOAT64 -> ((Number) value).doubleValue();
            case BYTES -> value instanceof ByteBuffer buffer ? bytes(buffer) : value;
            case STRING -> String.valueOf(value);
            default -> value;
        };
    }

    /** {@code Struct{ORDER_ID=1,SITE_ID=2}} (Struct.toString, as StringConverter writes keys) as a struct. */
    private static Converted structText(String text) {
        EventSchema.FieldsBuilder fields = EventSchema.fieldsBuilder();
        List<Object> values = new ArrayList<>();
        String body = text.substring("Struct{".length(), text.length() - 1);
        for (String pair : body.isEmpty() ? new String[0] : body.split(",")) {
            int equals = pair.indexOf('=');
            if (equals < 0) {
                continue;
            }
            String raw = pair.substring(equals + 1);
            Object parsed;
            try {
                parsed = Long.parseLong(raw);
                fields.add(pair.substring(0, equals), EventSchema.of(EventSchema.Type.INT64));
            } catch (NumberFormatException notANumber) {
                parsed = raw;
                fields.add(pair.substring(0, equals), EventSchema.of(EventSchema.Type.STRING));
            }
            values.add(parsed);
        }
        return new Converted(EventSchema.struct("key", fields.build()), values.toArray());
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
