package io.tributary.core.convert;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.tributary.api.EventSchema;

/**
 * The bytes Kafka Connect's {@code StringConverter} writes: the value's {@code toString()} in UTF-8. A struct is
 * Connect's {@code Struct{name=value,...}} with its null fields left out, bytes are the {@code ByteBuffer} a Debezium
 * record holds them in ({@code java.nio.HeapByteBuffer[pos=0 lim=n cap=n]}), decimals and floating-point numbers as
 * Java prints them. Seed 003's keys ({@code Struct{ORDER_ID=1}}) are written this way.
 */
public final class ConnectStringEncoder implements RecordEncoder {
    @Override
    public byte[] encode(EventSchema schema, Object value) {
        if (value == null) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        append(schema, value, text);
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void append(EventSchema schema, Object value, StringBuilder text) {
        switch (schema.type()) {
            case STRUCT -> struct(schema, (Object[]) value, text);
            case ARRAY -> array(schema.items().orElseThrow(), (List<?>) value, text);
            case BYTES -> {
                if (value instanceof byte[] bytes) {
                    text.append("java.nio.HeapByteBuffer[pos=0 lim=").append(bytes.length).append(" cap=")
                            .append(bytes.length).append(']');
                } else {
                    text.append(value); // a decimal
                }
            }
            case INT8, INT16, INT32, INT64, FLOAT32, FLOAT64, BOOLEAN, STRING -> text.append(value);
        }
    }

    private static void struct(EventSchema schema, Object[] values, StringBuilder text) {
        text.append("Struct{");
        boolean first = true;
        for (EventSchema.Field field : schema.fields()) {
            Object value = values[field.index()];
            if (value != null) {
                if (!first) {
                    text.append(',');
                }
                text.append(field.name()).append('=');
                append(field.schema(), value, text);
                first = false;
            }
        }
        text.append('}');
    }

    private static void array(EventSchema items, List<?> values, StringBuilder text) {
        text.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                text.append(", ");
            }
            Object item = values.get(i);
            if (item == null) {
                text.append("null");
            } else {
                append(items, item, text);
            }
        }
        text.append(']');
    }
}
