package io.tributary.source.mysql;

import java.util.Base64;
import java.util.HexFormat;

/** Debezium's {@code binary.handling.mode}: how BINARY, VARBINARY and BLOB columns are represented. */
public enum BinaryHandlingMode {
    /** Connect bytes (Base64 in JSON). */
    BYTES,
    /** A string: standard Base64 with padding. */
    BASE64,
    /** A string: URL-safe Base64 with padding. */
    BASE64_URL_SAFE,
    /** A string: lower-case hex. */
    HEX;

    /** Whether values are strings rather than bytes. */
    public boolean asText() {
        return this != BYTES;
    }

    /** The value of a binary column: its bytes, or their text in this mode. */
    public Object encode(byte[] bytes) {
        return switch (this) {
            case BYTES -> bytes;
            case BASE64 -> Base64.getEncoder().encodeToString(bytes);
            case BASE64_URL_SAFE -> Base64.getUrlEncoder().encodeToString(bytes);
            case HEX -> HexFormat.of().formatHex(bytes);
        };
    }
}
