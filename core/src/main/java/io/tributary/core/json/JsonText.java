package io.tributary.core.json;

import java.util.Base64;

/** JSON scalars written the way Jackson (and so Kafka Connect's JsonConverter) writes them. */
final class JsonText {
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final Base64.Encoder BASE64 = Base64.getEncoder();

    private JsonText() {
    }

    /** A quoted string: {@code "} and {@code \} escaped, control characters as Jackson escapes them, UTF-8. */
    static void string(ByteSink out, String value) {
        out.write('"');
        int length = value.length();
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                ascii(out, c);
            } else if (c < 0x800) {
                out.write(0xC0 | (c >> 6));
                out.write(0x80 | (c & 0x3F));
            } else if (Character.isSurrogate(c)) {
                // Jackson does not combine surrogate pairs into one UTF-8 sequence; it escapes each half
                unicodeEscape(out, c);
            } else {
                out.write(0xE0 | (c >> 12));
                out.write(0x80 | ((c >> 6) & 0x3F));
                out.write(0x80 | (c & 0x3F));
            }
        }
        out.write('"');
    }

    private static void ascii(ByteSink out, char c) {
        switch (c) {
            case '"' -> escaped(out, '"');
            case '\\' -> escaped(out, '\\');
            case '\b' -> escaped(out, 'b');
            case '\t' -> escaped(out, 't');
            case '\n' -> escaped(out, 'n');
            case '\f' -> escaped(out, 'f');
            case '\r' -> escaped(out, 'r');
            default -> {
                if (c < 0x20) {
                    unicodeEscape(out, c);
                } else {
                    out.write(c);
                }
            }
        }
    }

    private static void unicodeEscape(ByteSink out, char c) {
        out.write('\\');
        out.write('u');
        out.write(HEX[c >> 12]);
        out.write(HEX[(c >> 8) & 0xF]);
        out.write(HEX[(c >> 4) & 0xF]);
        out.write(HEX[c & 0xF]);
    }

    private static void escaped(ByteSink out, char c) {
        out.write('\\');
        out.write(c);
    }

    /** Bytes as Jackson writes a binary node: standard Base64 in quotes. */
    static void bytes(ByteSink out, byte[] value) {
        out.write('"');
        out.write(BASE64.encode(value));
        out.write('"');
    }
}
