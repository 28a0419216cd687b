package io.tributary.source.mysql.binlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Random;

import com.github.shyiko.mysql.binlog.event.deserialization.AbstractRowsEventDataDeserializer;
import org.junit.jupiter.api.Test;

class RowCellsTest {
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
    void decodesPositiveAndNegativeTimesOfEveryPrecision() {
        assertThat(time(time2(packed(false, 838, 59, 59, 0), 0), 0)).isEqualTo(3_020_399_000_000L);
        assertThat(time(time2(packed(true, 838, 59, 59, 0), 0), 0)).isEqualTo(-3_020_399_000_000L);
        assertThat(time(time2(packed(true, 0, 0, 1, 500_000), 3), 6)).isEqualTo(-1_500_000L);
        assertThat(time(time2(packed(false, 12, 34, 56, 789_000), 3), 6)).isEqualTo(45_296_789_000L);
    }

    @Test
    void decodesShortFractionsOfTimesWithTheirBorrow() {
        // -12:00:00.001 at precision 3: MySQL stores intpart -(12:00:01) and fraction 0x10000 - 10
        long intPart = -(((12L << 12) | 1L)) + 0x800000L;
        byte[] bytes = {(byte) (intPart >> 16), (byte) (intPart >> 8), (byte) intPart, (byte) 0xFF, (byte) 0xF6};

        assertThat(time(bytes, 3)).isEqualTo(-43_200_001_000L);
    }

    @Test
    void decodesDecimalsOfEveryShapeAsTheBinlogClientDoes() {
        Random random = new Random(42);
        int[][] shapes = {{10, 2}, {1, 0}, {9, 9}, {18, 0}, {18, 4}, {19, 0}, {20, 10}, {38, 0}, {38, 19}, {65, 30},
            {65, 0}, {30, 29}, {5, 5}, {12, 3}};
        for (int[] shape : shapes) {
            int precision = shape[0];
            int scale = shape[1];
            for (int i = 0; i < 300; i++) {
                BigDecimal value = new BigDecimal(new BigInteger(precision * 4, random).mod(BigInteger.TEN
                        .pow(precision)), scale);
                if (random.nextBoolean()) {
                    value = value.negate();
                }
                byte[] stored = decimalBytes(value, precision, scale);
                BigDecimal expected = AbstractRowsEventDataDeserializer.asBigDecimal(precision, scale, stored.clone());

                BigDecimal decoded = RowCells.decimal(precision, scale, new BinlogBytes(stored));

                assertThat(decoded).as("DECIMAL(%d,%d) %s", precision, scale, value).isEqualTo(expected);
                assertThat(decoded.compareTo(value)).isZero();
            }
        }
    }

    @Test
    void convertsDatesAndTimesToProlepticEpochMicros() {
        assertThat(RowCells.micros(2026, 11, 30, 10, 20, 30, 123_456))
                .isEqualTo(micros(LocalDateTime.of(2026, 11, 30, 10, 20, 30, 123_456_000)));
        assertThat(RowCells.micros(1969, 12, 31, 23, 59, 59, 500_000)).isEqualTo(-500_000L);
        assertThat(RowCells.micros(9999, 12, 31, 23, 59, 59, 999_999))
                .isEqualTo(micros(LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000)));
        assertThat(RowCells.micros(1582, 10, 15, 0, 0, 0, 0)).isEqualTo(micros(LocalDateTime.of(1582, 10, 15, 0, 0)));
        // before the Gregorian calendar began, dates are proleptic Gregorian, as Debezium decodes streamed dates
        assertThat(RowCells.micros(1582, 10, 4, 0, 0, 0, 0)).isEqualTo(micros(LocalDateTime.of(1582, 10, 4, 0, 0)));
        assertThat(RowCells.micros(1000, 1, 1, 0, 0, 0, 1)).isEqualTo(micros(LocalDateTime.of(1000, 1, 1, 0, 0, 0, 1000)));
        // a day past the month's end (ALLOW_INVALID_DATES) runs on into the next month
        assertThat(RowCells.micros(2024, 2, 30, 0, 0, 0, 0)).isEqualTo(micros(LocalDateTime.of(2024, 3, 1, 0, 0)));
        assertThat(RowCells.micros(2024, 0, 10, 0, 0, 0, 0)).isEqualTo(RowCells.INVALID);
        assertThat(RowCells.micros(0, 0, 0, 0, 0, 0, 0)).isEqualTo(RowCells.INVALID);
        assertThat(RowCells.micros(0, 5, 10, 0, 0, 0, 0)).as("year 0").isEqualTo(RowCells.INVALID);
    }

    private static long micros(LocalDateTime dateTime) {
        return dateTime.toEpochSecond(ZoneOffset.UTC) * 1_000_000 + dateTime.getNano() / 1000;
    }

    private static long time(byte[] bytes, int meta) {
        return RowCells.time(meta, new BinlogBytes(bytes));
    }

    /** MySQL's binary DECIMAL: nine-digit groups in four bytes, partial groups in fewer, sign in the first bit. */
    private static byte[] decimalBytes(BigDecimal value, int precision, int scale) {
        int[] bytesOfDigits = {0, 1, 1, 2, 2, 3, 3, 4, 4, 4};
        String digits = value.abs().setScale(scale).unscaledValue().toString();
        digits = "0".repeat(Math.max(0, precision - digits.length())) + digits;
        String integral = digits.substring(0, precision - scale);
        String fraction = digits.substring(precision - scale);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int lead = integral.length() % 9;
        if (lead > 0) {
            writeBigEndian(out, Long.parseLong(integral.substring(0, lead)), bytesOfDigits[lead]);
        }
        for (int i = lead; i < integral.length(); i += 9) {
            writeBigEndian(out, Long.parseLong(integral.substring(i, i + 9)), 4);
        }
        int i = 0;
        for (; i + 9 <= fraction.length(); i += 9) {
            writeBigEndian(out, Long.parseLong(fraction.substring(i, i + 9)), 4);
        }
        if (i < fraction.length()) {
            writeBigEndian(out, Long.parseLong(fraction.substring(i)), bytesOfDigits[fraction.length() - i]);
        }
        byte[] bytes = out.toByteArray();
        if (value.signum() < 0) {
            for (int b = 0; b < bytes.length; b++) {
                bytes[b] = (byte) ~bytes[b];
            }
        }
        bytes[0] ^= (byte) 0x80;
        return bytes;
    }

    private static void writeBigEndian(java.io.ByteArrayOutputStream out, long value, int length) {
        for (int i = length - 1; i >= 0; i--) {
            out.write((int) (value >> (8 * i)));
        }
    }
}
