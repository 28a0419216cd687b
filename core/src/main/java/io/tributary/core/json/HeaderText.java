package io.tributary.core.json;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import io.tributary.api.ChangeRecord;
import io.tributary.api.EventSchema;

/**
 * A header's value as the bytes Kafka Connect's default header converter ({@code SimpleHeaderConverter}) writes:
 * the value's text in UTF-8 — strings as they are, numbers and booleans in Java's notation, bytes in Base64, a
 * struct as {@code {"field":value,...}} (a null field as its default) and an array as {@code [value,...]} with strings inside them quoted — and no
 * bytes at all for null. Debezium's {@code __debezium.newkey}/{@code __debezium.oldkey} headers are structs.
 */
public final class HeaderText {
    private HeaderText() {
    }

    public static byte[] encode(ChangeRecord.Header header) {
        if (header.value() == null) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        append(text, header.schema(), header.value(), false, header.key());
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void append(StringBuilder text, EventSchema schema, Object value, boolean embedded, String key) {
        if (value == null) {
            text.append("null");
        } else if (value instanceof Number || value instanceof Boolean) {
            text.append(value);
        } else if (value instanceof String string) {
            text.append(embedded ? quoted(string) : string);
        } else if (value instanceof byte[] || value instanceof ByteBuffer) {
            String base64 = Base64.getEncoder().encodeToString(bytes(value));
            text.append(embedded ? '"' + base64 + '"' : base64);
        } else if (value instanceof Object[] struct && schema != null && schema.type() == EventSchema.Type.STRUCT) {
            text.append('{');
            List<EventSchema.Field> fields = schema.fields();
            for (int i = 0; i < fields.size(); i++) {
                text.append(i == 0 ? "" : ",").append(quoted(fields.get(i).name())).append(':');
                // a null field is written as its default, as Connect's Struct.get reads it
                EventSchema field = fields.get(i).schema();
                append(text, field, struct[i] != null ? struct[i] : field.defaultValue().orElse(null), true, key);
            }
            text.append('}');
        } else if (value instanceof List<?> items) {
            EventSchema itemSchema = schema == null ? null : schema.items().orElse(null);
            text.append('[');
            for (int i = 0; i < items.size(); i++) {
                text.append(i == 0 ? "" : ",");
                append(text, itemSchema, items.get(i), true, key);
            }
            text.append(']');
        } else {
            throw new IllegalArgumentException("header '" + key + "' holds a " + value.getClass().getSimpleName()
                    + ", which Kafka Connect's header converter does not write: expected strings, numbers, "
                    + "booleans, bytes, structs or arrays");
        }
    }

    private static String quoted(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static byte[] bytes(Object value) {
        if (value instanceof byte[] bytes) {
            return bytes;
        }
        ByteBuffer buffer = ((ByteBuffer) value).duplicate();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
