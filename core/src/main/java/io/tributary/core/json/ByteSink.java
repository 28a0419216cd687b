package io.tributary.core.json;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A growable byte buffer that is reset and reused between records, so encoding allocates little; it writes JSON's
 * scalars itself (digits, escaped strings, Base64) straight into the buffer, with one bounds check per value. A sink
 * that collects records as bytes (the file sink's lines) can have an encoder write into one of its own
 * ({@link io.tributary.core.convert.RecordEncoder#encodeTo}), sparing a copy of every record.
 */
public final class ByteSink {
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
            .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    /** "00", "01", ... "99": the digits of each pair. */
    private static final byte[] DIGIT_PAIRS = new byte[200];
    /** 10^0 .. 10^18. */
    private static final long[] POWERS_OF_TEN = new long[19];

    static {
        for (int i = 0; i < 100; i++) {
            DIGIT_PAIRS[2 * i] = (byte) ('0' + i / 10);
            DIGIT_PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
        }
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    /** Longest JSON form of one UTF-16 unit: a {@code \}{@code uXXXX} escape. */
    private static final int MAX_BYTES_PER_CHAR = 6;

    private final byte[] scratch = new byte[Long.BYTES];
    private byte[] buffer;
    private int size;

    public ByteSink() {
        this(1024);
    }

    public ByteSink(int capacity) {
        buffer = new byte[capacity];
    }

    public void reset() {
        size = 0;
    }

    public int size() {
        return size;
    }

    /** Drops what was written after the first {@code length} bytes (a record left half written, say). */
    public void truncate(int length) {
        if (length < 0 || length > size) {
            throw new IndexOutOfBoundsException("cannot truncate " + size + " bytes to " + length);
        }
        size = length;
    }

    /** The bytes written, as a buffer over this one's array (valid until the next write or reset). */
    public ByteBuffer view() {
        return ByteBuffer.wrap(buffer, 0, size);
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buffer, size);
    }

    /** Copies the bytes written into {@code target} at {@code position}. */
    void copyTo(byte[] target, int position) {
        System.arraycopy(buffer, 0, target, position, size);
    }

    public void write(int b) {
        ensure(1);
        buffer[size++] = (byte) b;
    }

    public void write(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buffer, size, bytes.length);
        size += bytes.length;
    }

    public void write(byte[] bytes, int offset, int length) {
        ensure(length);
        System.arraycopy(bytes, offset, buffer, size, length);
        size += length;
    }

    /** Copies what was written from {@code from} on into {@code target}, and returns how many bytes that was. */
    int copyWrittenSince(int from, byte[] target) {
        int length = size - from;
        System.arraycopy(buffer, from, target, 0, length);
        return length;
    }

    /** Writes ASCII text, such as a number's digits. */
    void writeAscii(String text) {
        int length = text.length();
        ensure(length);
        for (int i = 0; i < length; i++) {
            buffer[size++] = (byte) text.charAt(i);
        }
    }

    /** Writes a number's decimal digits, as {@link Long#toString(long)} spells them. */
    void writeLong(long value) {
        if (value == Long.MIN_VALUE) {
            writeAscii(Long.toString(value));
            return;
        }
        ensure(20);
        if (value < 0) {
            buffer[size++] = '-';
            value = -value;
        }
        int end = size + digits(value);
        size = end;
        // two digits per division, from the right
        while (value >= 100) {
            long quotient = value / 100;
            int pair = (int) (value - quotient * 100) * 2;
            buffer[--end] = DIGIT_PAIRS[pair + 1];
            buffer[--end] = DIGIT_PAIRS[pair];
            value = quotient;
        }
        if (value >= 10) {
            int pair = (int) value * 2;
            buffer[--end] = DIGIT_PAIRS[pair + 1];
            buffer[--end] = DIGIT_PAIRS[pair];
        } else {
            buffer[--end] = (byte) ('0' + value);
        }
    }

    /** The number of decimal digits of a non-negative long. */
    private static int digits(long value) {
        // floor(log10(2^bits)) by 1233/4096 ≈ log10(2), then one comparison decides the rest
        int bits = Long.SIZE - Long.numberOfLeadingZeros(value);
        int guess = (bits * 1233) >>> 12;
        return Math.max(1, guess + (value >= POWERS_OF_TEN[guess] ? 1 : 0));
    }

    /**
     * A quoted JSON string as Jackson writes it: UTF-8, {@code "} and {@code \} escaped, control characters as short
     * or {@code \}{@code u} escapes, and each half of a surrogate pair escaped on its own (Jackson does not combine
     * them into one UTF-8 sequence).
     */
    void writeJsonString(String value) {
        int length = value.length();
        ensure(length * MAX_BYTES_PER_CHAR + 2);
        byte[] bytes = buffer;
        int at = size;
        bytes[at++] = '"';
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
                bytes[at++] = (byte) c;
            } else if (c < 0x80) {
                at = escapeAscii(bytes, at, c);
            } else if (c < 0x800) {
                bytes[at++] = (byte) (0xC0 | (c >> 6));
                bytes[at++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isSurrogate(c)) {
                at = unicodeEscape(bytes, at, c);
            } else {
                bytes[at++] = (byte) (0xE0 | (c >> 12));
                bytes[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                bytes[at++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        bytes[at++] = '"';
        size = at;
    }

    private static int escapeAscii(byte[] bytes, int at, char c) {
        char shortEscape = switch (c) {
            case '"' -> '"';
            case '\\' -> '\\';
            case '\b' -> 'b';
            case '\t' -> 't';
            case '\n' -> 'n';
            case '\f' -> 'f';
            case '\r' -> 'r';
            default -> 0;
        };
        if (shortEscape == 0) {
            return unicodeEscape(bytes, at, c);
        }
        bytes[at] = '\\';
        bytes[at + 1] = (byte) shortEscape;
        return at + 2;
    }

    private static int unicodeEscape(byte[] bytes, int at, char c) {
        bytes[at] = '\\';
        bytes[at + 1] = 'u';
        bytes[at + 2] = HEX[c >> 12];
        bytes[at + 3] = HEX[(c >> 8) & 0xF];
        bytes[at + 4] = HEX[(c >> 4) & 0xF];
        bytes[at + 5] = HEX[c & 0xF];
        return at + 6;
    }

    /** {@code length} bytes of {@code bytes} from {@code offset} as standard Base64 (with padding) in quotes. */
    void writeBase64String(byte[] bytes, int offset, int length) {
        ensure((length + 2) / 3 * 4 + 2);
        byte[] out = buffer;
        int at = size;
        out[at++] = '"';
        int end = offset + length;
        int i = offset;
        for (; i + 2 < end; i += 3) {
            int bits = (bytes[i] & 0xFF) << 16 | (bytes[i + 1] & 0xFF) << 8 | (bytes[i + 2] & 0xFF);
            out[at++] = BASE64[bits >>> 18];
            out[at++] = BASE64[(bits >>> 12) & 0x3F];
            out[at++] = BASE64[(bits >>> 6) & 0x3F];
            out[at++] = BASE64[bits & 0x3F];
        }
        if (i < end) {
            int bits = (bytes[i] & 0xFF) << 16 | (i + 1 < end ? (bytes[i + 1] & 0xFF) << 8 : 0);
            out[at++] = BASE64[bits >>> 18];
            out[at++] = BASE64[(bits >>> 12) & 0x3F];
            out[at++] = i + 1 < end ? BASE64[(bits >>> 6) & 0x3F] : (byte) '=';
            out[at++] = '=';
        }
        out[at++] = '"';
        size = at;
    }

    /** The low {@code length} bytes of {@code bits}, big-endian, as {@link #writeBase64String} writes them. */
    void writeBase64Long(long bits, int length) {
        for (int i = 0; i < length; i++) {
            scratch[length - 1 - i] = (byte) (bits >>> (8 * i));
        }
        writeBase64String(scratch, 0, length);
    }

    private void ensure(int extra) {
        if (size + extra > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + extra));
        }
    }
}
