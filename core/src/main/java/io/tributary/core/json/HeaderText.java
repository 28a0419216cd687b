package io.tributary.core.json;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.tributary.api.ChangeRecord;

/**
 * A header's value as the bytes Kafka Connect's default header converter ({@code SimpleHeaderConverter}) writes:
 * the value's text in UTF-8 — strings as they are, numbers and booleans in Java's notation, bytes in Base64 — and
 * no bytes at all for null. Structs, arrays and maps (which {@code add.headers} never produces from a source's
 * fields) are refused rather than written in a form Connect would not read back.
 */
public final class HeaderText {
    private HeaderText() {
    }

    public static byte[] encode(ChangeRecord.Header header) {
        Object value = header.value();
        if (value == null) {
            return null;
        }
        String text;
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            text = value instanceof BigDecimal decimal ? decimal.toString() : value.toString();
        } else if (value instanceof byte[] bytes) {
            text = Base64.getEncoder().encodeToString(bytes);
        } else if (value instanceof ByteBuffer buffer) {
            byte[] bytes = new byte[buffer.remaining()];
            buffer.duplicate().get(bytes);
            text = Base64.getEncoder().encodeToString(bytes);
        } else {
            throw new IllegalArgumentException("header '" + header.key() + "' holds a " + header.schema().type()
                    + " value; headers are written as text, so only strings, numbers, booleans and bytes are "
                    + "supported: name a single field in add.headers instead of a whole struct");
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
