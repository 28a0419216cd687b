package io.tributary.source.mysql.binlog;

import java.util.Arrays;
import java.util.BitSet;

/**
 * A cursor over one binlog event's body: the integers, lengths and byte strings the rows events are made of, read
 * straight from the array. Integers are little-endian unless the method says otherwise. Reading past the end throws
 * {@link ArrayIndexOutOfBoundsException}, which {@link RowsEventDecoder} reports as a truncated event.
 */
final class BinlogBytes {
    private final byte[] bytes;
    private int position;

    BinlogBytes(byte[] bytes) {
        this.bytes = bytes;
    }

    boolean hasMore() {
        return position < bytes.length;
    }

    int position() {
        return position;
    }

    void skip(int length) {
        position += length;
    }

    int u8() {
        return bytes[position++] & 0xFF;
    }

    /** An unsigned little-endian integer of 1 to 4 bytes. */
    int uint(int length) {
        int value = 0;
        for (int i = 0; i < length; i++) {
            value |= (bytes[position + i] & 0xFF) << (8 * i);
        }
        position += length;
        return value;
    }

    /** A little-endian integer of 1 to 8 bytes, without sign extension. */
    long ulong(int length) {
        long value = 0;
        for (int i = 0; i < length; i++) {
            value |= (bytes[position + i] & 0xFFL) << (8 * i);
        }
        position += length;
        return value;
    }

    /** A big-endian integer of 1 to 8 bytes, without sign extension. */
    long bigEndian(int length) {
        long value = 0;
        for (int i = 0; i < length; i++) {
            value = (value << 8) | (bytes[position + i] & 0xFF);
        }
        position += length;
        return value;
    }

    /** MySQL's length-encoded integer: one byte below 251, else a marker byte and 2, 3 or 8 bytes. */
    long packedInteger() {
        int first = u8();
        return switch (first) {
            case 252 -> uint(2);
            case 253 -> uint(3);
            case 254 -> ulong(8);
            default -> {
                if (first > 250) {
                    throw new IllegalStateException("unexpected length-encoded integer marker " + first
                            + " at byte " + (position - 1));
                }
                yield first;
            }
        };
    }

    byte[] take(int length) {
        if (length < 0 || position + length > bytes.length) {
            throw new ArrayIndexOutOfBoundsException("needs " + length + " bytes at byte " + position + " of "
                    + bytes.length);
        }
        byte[] taken = Arrays.copyOfRange(bytes, position, position + length);
        position += length;
        return taken;
    }

    /** A bitmap of {@code bits} bits, bit {@code i} in byte {@code i / 8} at weight {@code 1 << (i % 8)}. */
    BitSet bitmap(int bits) {
        int length = (bits + 7) >> 3;
        BitSet set = new BitSet(bits);
        for (int i = 0; i < bits; i++) {
            if ((bytes[position + (i >> 3)] & (1 << (i & 7))) != 0) {
                set.set(i);
            }
        }
        position += length;
        return set;
    }

    /** Whether bit {@code i} of the bitmap starting at {@code start} is set. */
    boolean bit(int start, int i) {
        return (bytes[start + (i >> 3)] & (1 << (i & 7))) != 0;
    }
}
