package io.tributary.core.json;

import java.math.BigDecimal;
import java.math.BigInteger;

/** JSON scalars written the way Jackson (and so Kafka Connect's JsonConverter) writes them. */
final class JsonText {
    private JsonText() {
    }

    /** A quoted string: {@code "} and {@code \} escaped, control characters as Jackson escapes them, UTF-8. */
    static void string(ByteSink out, String value) {
        out.writeJsonString(value);
    }

    /** Bytes as Jackson writes a binary node: standard Base64 in quotes. */
    static void bytes(ByteSink out, byte[] value) {
        out.writeBase64String(value, 0, value.length);
    }

    /**
     * A Connect {@code Decimal} as JsonConverter writes it: the unscaled value's two's-complement big-endian bytes
     * ({@link BigInteger#toByteArray()}), Base64 in quotes; unscaled values that fit a long skip the byte array.
     */
    static void decimal(ByteSink out, BigDecimal value) {
        BigInteger unscaled = value.unscaledValue();
        int bitLength = unscaled.bitLength();
        if (bitLength >= Long.SIZE) {
            bytes(out, unscaled.toByteArray());
            return;
        }
        // as toByteArray: the fewest bytes that keep the sign bit
        out.writeBase64Long(unscaled.longValue(), bitLength / 8 + 1);
    }
}
