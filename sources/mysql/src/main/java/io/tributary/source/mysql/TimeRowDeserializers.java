package io.tributary.source.mysql;

import java.io.IOException;
import java.io.Serializable;
import java.util.Map;

import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.deserialization.DeleteRowsEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.UpdateRowsEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.WriteRowsEventDataDeserializer;
import com.github.shyiko.mysql.binlog.io.ByteArrayInputStream;

/**
 * Row deserializers that decode TIME columns (MySQL's TIME2 format) to signed microseconds. The binlog client's
 * own decoding treats a time as a time of day and gets negative durations wrong.
 */
final class TimeRowDeserializers {
    /** Bias added to the integer part of a stored TIME2 value. */
    private static final long INT_OFFSET = 0x800000L;

    private TimeRowDeserializers() {
    }

    static final class Write extends WriteRowsEventDataDeserializer {
        Write(Map<Long, TableMapEventData> tableMaps) {
            super(tableMaps);
        }

        @Override
        protected Serializable deserializeTimeV2(int meta, ByteArrayInputStream in) throws IOException {
            return timeMicros(meta, in);
        }
    }

    static final class Update extends UpdateRowsEventDataDeserializer {
        Update(Map<Long, TableMapEventData> tableMaps) {
            super(tableMaps);
        }

        @Override
        protected Serializable deserializeTimeV2(int meta, ByteArrayInputStream in) throws IOException {
            return timeMicros(meta, in);
        }
    }

    static final class Delete extends DeleteRowsEventDataDeserializer {
        Delete(Map<Long, TableMapEventData> tableMaps) {
            super(tableMaps);
        }

        @Override
        protected Serializable deserializeTimeV2(int meta, ByteArrayInputStream in) throws IOException {
            return timeMicros(meta, in);
        }
    }

    /**
     * A TIME2 value: the "packed" time (hours, minutes and seconds shifted left 24 bits, plus microseconds;
     * negative for negative times) stored big-endian with a bias: 3 bytes of integer part biased by 0x800000, then
     * 0 to 3 bytes of fraction depending on the precision {@code meta}. One- and two-byte fractions of a negative
     * time borrow one second from the integer part.
     */
    static long timeMicros(int meta, ByteArrayInputStream in) throws IOException {
        long intPart = bigEndian(in, 3) - INT_OFFSET;
        long fraction;
        switch (meta) {
            case 1, 2 -> {
                long hundredths = in.read();
                if (intPart < 0 && hundredths != 0) {
                    intPart++;
                    hundredths -= 0x100;
                }
                fraction = hundredths * 10_000;
            }
            case 3, 4 -> {
                long tenThousandths = bigEndian(in, 2);
                if (intPart < 0 && tenThousandths != 0) {
                    intPart++;
                    tenThousandths -= 0x10000;
                }
                fraction = tenThousandths * 100;
            }
            // the six bytes are the whole packed value biased by 2^47: the low three bytes carry no sign
            case 5, 6 -> fraction = bigEndian(in, 3);
            default -> fraction = 0;
        }
        long packed = (intPart << 24) + fraction;
        long magnitude = Math.abs(packed);
        long hms = magnitude >> 24;
        long micros = magnitude & 0xFFFFFF;
        long hours = (hms >> 12) & 0x3FF;
        long minutes = (hms >> 6) & 0x3F;
        long seconds = hms & 0x3F;
        long total = ((hours * 60 + minutes) * 60 + seconds) * 1_000_000 + micros;
        return packed < 0 ? -total : total;
    }

    private static long bigEndian(ByteArrayInputStream in, int length) throws IOException {
        long value = 0;
        for (int i = 0; i < length; i++) {
            value = (value << 8) | in.read();
        }
        return value;
    }
}
