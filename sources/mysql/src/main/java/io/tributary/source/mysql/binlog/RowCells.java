package io.tributary.source.mysql.binlog;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.BitSet;

/**
 * Decodes the cells of binlog rows into the values capture converts from: integers as {@code Integer} (BIGINT as
 * {@code Long}, sign as stored — unsigned columns are reinterpreted later), DECIMAL as {@code BigDecimal} with the
 * column's scale, BIT as a {@code BitSet}, text and binary as bytes (decoded per column charset later), dates and
 * times as microseconds since the epoch ({@link #INVALID} for zero dates), TIME as signed microseconds, YEAR as the
 * year, ENUM as its index and SET as its bit mask. The same values mysql-binlog-connector-java produces under
 * DATE_AND_TIME_AS_LONG_MICRO, CHAR_AND_BINARY_AS_BYTE_ARRAY and INVALID_DATE_AND_TIME_AS_MIN_VALUE, except TIME,
 * which it reads as a time of day and gets wrong when negative.
 */
public final class RowCells {
    /** A zero date or a date with a zero year, month or day, which Debezium streams as null. */
    public static final long INVALID = Long.MIN_VALUE;

    private static final int DIGITS_PER_WORD = 9;
    private static final int[] BYTES_OF_DIGITS = {0, 1, 1, 2, 2, 3, 3, 4, 4, 4};
    private static final long TIME2_BIAS = 0x800000L;

    private RowCells() {
    }

    /** One row: {@code included} columns, their null bitmap, then the cells of the non-null ones. */
    static Serializable[] row(ColumnLayout layout, BitSet included, int includedCount, BinlogBytes in) {
        return row(layout, included, includedCount, in, null);
    }

    /**
     * One row whose JSON columns in {@code partialJson} hold the changes of a partial update ({@link JsonDiffs})
     * rather than a document.
     */
    static Serializable[] row(ColumnLayout layout, BitSet included, int includedCount, BinlogBytes in,
            BitSet partialJson) {
        Serializable[] row = new Serializable[includedCount];
        int nulls = in.position();
        in.skip((includedCount + 7) >> 3);
        int index = 0;
        for (int column = 0; column < layout.columns(); column++) {
            if (!included.get(column)) {
                continue;
            }
            if (partialJson != null && partialJson.get(column) && !in.bit(nulls, index)) {
                row[index] = JsonDiffs.read(in.take(in.uint(layout.metadata()[column])));
            } else if (!in.bit(nulls, index)) {
                row[index] = cell(layout.types()[column], layout.metadata()[column], layout.lengths()[column], in);
            }
            index++;
        }
        return row;
    }

    static Serializable cell(int type, int meta, int length, BinlogBytes in) {
        return switch (type) {
            case 1 -> (int) (byte) in.u8(); // TINYINT
            case 2 -> (int) (short) in.uint(2); // SMALLINT
            case 9 -> (in.uint(3) << 8) >> 8; // MEDIUMINT
            case 3 -> in.uint(4); // INT
            case 8 -> in.ulong(8); // BIGINT
            case 4 -> Float.intBitsToFloat(in.uint(4));
            case 5 -> Double.longBitsToDouble(in.ulong(8));
            case 246 -> decimal(meta & 0xFF, meta >> 8, in);
            case 16 -> bits((meta >> 8) * 8 + (meta & 0xFF), in);
            case 13 -> 1900 + in.u8(); // YEAR
            case 10 -> date(in); // DATE
            case 11 -> oldTime(in); // TIME before MySQL 5.6.4
            case 19 -> time(meta, in);
            case 7 -> in.ulong(4) * 1_000_000; // TIMESTAMP before MySQL 5.6.4
            case 17 -> in.bigEndian(4) * 1_000_000 + fraction(meta, in); // TIMESTAMP
            case 12 -> oldDatetime(in); // DATETIME before MySQL 5.6.4
            case 18 -> datetime(meta, in);
            case ColumnLayout.STRING -> in.take(length < 256 ? in.u8() : in.uint(2)); // CHAR, BINARY
            case 15, 253 -> in.take(meta < 256 ? in.u8() : in.uint(2)); // VARCHAR, VARBINARY
            case 252, 255, 245, 242 -> in.take(in.uint(meta)); // BLOB and TEXT, GEOMETRY, JSON, VECTOR
            case 247 -> in.uint(length); // ENUM
            case 248 -> in.ulong(length); // SET
            default -> throw new IllegalStateException("column type code " + type + " cannot appear in a rows event");
        };
    }

    /**
     * DECIMAL(precision, scale): groups of nine digits in four big-endian bytes (a leading or trailing partial group
     * in fewer), the first bit flipped, every bit flipped again for negative values.
     */
    static BigDecimal decimal(int precision, int scale, BinlogBytes in) {
        int integral = precision - scale;
        int integralWords = integral / DIGITS_PER_WORD;
        int integralLead = BYTES_OF_DIGITS[integral - integralWords * DIGITS_PER_WORD];
        int fractionWords = scale / DIGITS_PER_WORD;
        int fractionTail = BYTES_OF_DIGITS[scale - fractionWords * DIGITS_PER_WORD];
        byte[] stored = in.take(integralLead + integralWords * 4 + fractionWords * 4 + fractionTail);
        boolean negative = (stored[0] & 0x80) == 0;
        stored[0] ^= (byte) 0x80;
        if (negative) {
            for (int i = 0; i < stored.length; i++) {
                stored[i] = (byte) ~stored[i];
            }
        }
        BinlogBytes digits = new BinlogBytes(stored);
        BigInteger big = null;
        long unscaled = digits.bigEndian(integralLead);
        for (int word = 0; word < integralWords + fractionWords; word++) {
            long group = digits.bigEndian(4);
            if (big == null && unscaled <= (Long.MAX_VALUE - group) / 1_000_000_000L) {
                unscaled = unscaled * 1_000_000_000L + group;
            } else {
                big = (big == null ? BigInteger.valueOf(unscaled) : big).multiply(BigInteger.valueOf(1_000_000_000L))
                        .add(BigInteger.valueOf(group));
            }
        }
        if (fractionTail > 0) {
            int tailDigits = scale - fractionWords * DIGITS_PER_WORD;
            long group = digits.bigEndian(fractionTail);
            long factor = pow10(tailDigits);
            if (big == null && unscaled <= (Long.MAX_VALUE - group) / factor) {
                unscaled = unscaled * factor + group;
            } else {
                big = (big == null ? BigInteger.valueOf(unscaled) : big).multiply(BigInteger.valueOf(factor))
                        .add(BigInteger.valueOf(group));
            }
        }
        if (big == null) {
            return BigDecimal.valueOf(negative ? -unscaled : unscaled, scale);
        }
        return new BigDecimal(negative ? big.negate() : big, scale);
    }

    private static long pow10(int exponent) {
        long value = 1;
        for (int i = 0; i < exponent; i++) {
            value *= 10;
        }
        return value;
    }

    /** BIT(n): its bytes big-endian, bit 0 the lowest bit of the last byte. */
    private static BitSet bits(int count, BinlogBytes in) {
        int length = (count + 7) >> 3;
        int start = in.position();
        BitSet set = new BitSet(count);
        for (int i = 0; i < count; i++) {
            if (in.bit(start, (length - 1 - (i >> 3)) * 8 + (i & 7))) {
                set.set(i);
            }
        }
        in.skip(length);
        return set;
    }

    /** Fractional seconds of precision {@code meta} in (meta + 1) / 2 big-endian bytes, as microseconds. */
    private static int fraction(int meta, BinlogBytes in) {
        return switch ((meta + 1) / 2) {
            case 1 -> (int) in.bigEndian(1) * 10_000;
            case 2 -> (int) in.bigEndian(2) * 100;
            case 3 -> (int) in.bigEndian(3);
            default -> 0;
        };
    }

    /** DATE: day in bits 0-4, month in 5-8, year above, three bytes little-endian. */
    private static long date(BinlogBytes in) {
        int value = in.uint(3);
        return micros(value >>> 9, (value >>> 5) & 0xF, value & 0x1F, 0, 0, 0, 0);
    }

    /**
     * DATETIME: a sign bit, year * 13 + month in 17 bits, day in 5, hour in 5, minute and second in 6 each, five
     * bytes big-endian, then the fraction.
     */
    private static long datetime(int meta, BinlogBytes in) {
        long packed = in.bigEndian(5);
        int yearMonth = (int) ((packed >> 22) & 0x1FFFF);
        int micros = fraction(meta, in);
        return micros(yearMonth / 13, yearMonth % 13, (int) (packed >> 17) & 0x1F, (int) (packed >> 12) & 0x1F,
                (int) (packed >> 6) & 0x3F, (int) packed & 0x3F, micros);
    }

    /** The pre-5.6.4 DATETIME: YYYYMMDDhhmmss as a decimal number in eight bytes. */
    private static long oldDatetime(BinlogBytes in) {
        long value = in.ulong(8);
        int date = (int) (value / 1_000_000);
        int time = (int) (value % 1_000_000);
        return micros(date / 10_000, date / 100 % 100, date % 100, time / 10_000, time / 100 % 100, time % 100, 0);
    }

    /** The pre-5.6.4 TIME: hhmmss as a decimal number in three bytes, read as that time on 1970-01-01. */
    private static long oldTime(BinlogBytes in) {
        int value = in.uint(3);
        return micros(1970, 1, 1, value / 10_000, value / 100 % 100, value % 100, 0);
    }

    /**
     * TIME: hours, minutes and seconds packed as {@code h << 12 | m << 6 | s}, shifted left 24 bits with the
     * microseconds below them — negative for negative times — stored big-endian with a bias: three bytes of integer
     * part biased by 0x800000, then 0 to 3 bytes of fraction. One- and two-byte fractions of a negative time borrow
     * one second from the integer part. Signed microseconds.
     */
    static long time(int meta, BinlogBytes in) {
        long integral = in.bigEndian(3) - TIME2_BIAS;
        long fraction;
        switch (meta) {
            case 1, 2 -> {
                long hundredths = in.bigEndian(1);
                if (integral < 0 && hundredths != 0) {
                    integral++;
                    hundredths -= 0x100;
                }
                fraction = hundredths * 10_000;
            }
            case 3, 4 -> {
                long tenThousandths = in.bigEndian(2);
                if (integral < 0 && tenThousandths != 0) {
                    integral++;
                    tenThousandths -= 0x10000;
                }
                fraction = tenThousandths * 100;
            }
            // the six bytes are the whole packed value biased by 2^47: the low three bytes carry no sign
            case 5, 6 -> fraction = in.bigEndian(3);
            default -> fraction = 0;
        }
        long packed = (integral << 24) + fraction;
        long magnitude = Math.abs(packed);
        long hms = magnitude >> 24;
        long total = ((((hms >> 12) & 0x3FF) * 60 + ((hms >> 6) & 0x3F)) * 60 + (hms & 0x3F)) * 1_000_000
                + (magnitude & 0xFFFFFF);
        return packed < 0 ? -total : total;
    }

    /**
     * Microseconds since the epoch of a UTC date and time, proleptic Gregorian (as Debezium decodes streamed dates);
     * {@link #INVALID} when the year, month or day is zero. A day past the month's end runs on into the next month.
     */
    static long micros(int year, int month, int day, int hour, int minute, int second, int micros) {
        if (year == 0 || month == 0 || day == 0) {
            return INVALID;
        }
        long seconds = (epochDay(year, month) + day - 1) * 86_400L + hour * 3_600L + minute * 60L + second;
        return seconds * 1_000_000 + micros;
    }

    /** Days from 1970-01-01 to the first of the month, proleptic Gregorian. */
    private static long epochDay(int year, int month) {
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yearOfEra = y - era * 400;
        int dayOfYear = (153 * ((month + 9) % 12) + 2) / 5;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097L + dayOfEra - 719_468;
    }
}
