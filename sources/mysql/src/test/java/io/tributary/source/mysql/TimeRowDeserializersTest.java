package io.tributary.source.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import com.github.shyiko.mysql.binlog.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;

class TimeRowDeserializersTest {
    /** TIME2 bytes as MySQL writes them: packed value (intpart << 24 | micros), biased, big-endian. */
    private static byte[] time2(long packed, int fractionBytes) {
        long intPart = (packed >> 24) + 0x800000L;
        long fraction = packed & 0xFFFFFF;
        byte[] bytes = new byte[3 + fractionBytes];
        bytes[0] = (byte) (intPart >> 16);
        bytes[1] = (byte) (intPart >> 8);
        bytes[2] = (byte) intPart;
        for (int i = 0; i < fractionBytes; i++) {
            bytes[3 + i] = (byte) (fraction >> (8 * (fractionBytes - 1 - i)));
        }
        return bytes;
    }

    private static long packed(boolean negative, int hours, int minutes, int seconds, int micros) {
        long value = ((((long) hours << 12) | ((long) minutes << 6) | seconds) << 24) + micros;
        return negative ? -value : value;
    }

    @Test
    void decodesPositiveAndNegativeTimesOfEveryPrecision() throws IOException {
        assertThat(decode(time2(packed(false, 838, 59, 59, 0), 0), 0)).isEqualTo(3_020_399_000_000L);
        assertThat(decode(time2(packed(true, 838, 59, 59, 0), 0), 0)).isEqualTo(-3_020_399_000_000L);
        assertThat(decode(time2(packed(true, 0, 0, 1, 500_000), 3), 6)).isEqualTo(-1_500_000L);
        assertThat(decode(time2(packed(false, 12, 34, 56, 789_000), 3), 6)).isEqualTo(45_296_789_000L);
    }

    @Test
    void decodesShortFractionsWithTheirBorrow() throws IOException {
        // -12:00:00.001 at precision 3: MySQL stores intpart -(12:00:01) and fraction 0x10000 - 10
        long intPart = -(((12L << 12) | 1L)) + 0x800000L;
        byte[] bytes = {(byte) (intPart >> 16), (byte) (intPart >> 8), (byte) intPart, (byte) 0xFF, (byte) 0xF6};

        assertThat(decode(bytes, 3)).isEqualTo(-43_200_001_000L);
    }

    private static long decode(byte[] bytes, int meta) throws IOException {
        return TimeRowDeserializers.timeMicros(meta, new ByteArrayInputStream(bytes));
    }
}
