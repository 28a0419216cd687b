package io.tributary.source.mysql.convert;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/**
 * Temporal values in Debezium's representations: days since the epoch, microseconds of a time, epoch
 * milliseconds or microseconds of a DATETIME read as UTC, and ISO-8601 text of a TIMESTAMP in UTC. Zero and
 * invalid dates become null.
 */
final class Temporals {
    private static final long MICROS_PER_SECOND = 1_000_000L;
    private static final long MICROS_PER_DAY = 86_400L * MICROS_PER_SECOND;
    /** What the fast paths return for text they leave to the ISO parser. */
    private static final long NOT_PLAIN = Long.MIN_VALUE;
    private static final DateTimeFormatter[] ZONED = new DateTimeFormatter[7];
    /** Days before this one (0100-01-01) have a year the two-digit-year adjuster may change. */
    private static final long FIRST_DAY_OF_YEAR_100 = LocalDate.of(100, 1, 1).toEpochDay();
    /** The ten days the Gregorian reform skipped (1582-10-05 to 14): a hybrid calendar reads them as 10 days later. */
    private static final long FIRST_SKIPPED_DAY = LocalDate.of(1582, 10, 5).toEpochDay();
    private static final long LAST_SKIPPED_DAY = LocalDate.of(1582, 10, 14).toEpochDay();

    static {
        for (int digits = 0; digits <= 6; digits++) {
            DateTimeFormatterBuilder builder = new DateTimeFormatterBuilder()
                    .appendPattern("uuuu-MM-dd'T'HH:mm:ss");
            if (digits > 0) {
                builder.appendFraction(ChronoField.NANO_OF_SECOND, digits, digits, true);
            }
            ZONED[digits] = builder.appendLiteral('Z').toFormatter().withZone(ZoneOffset.UTC);
        }
    }

    private Temporals() {
    }

    /** {@code YYYY-MM-DD} as days since 1970-01-01; null for a zero or invalid date. */
    static Integer epochDay(String text) {
        if (isZeroDate(text)) {
            return null;
        }
        long day = text.length() >= 10 ? fastEpochDay(text) : NOT_PLAIN;
        return (int) (day != NOT_PLAIN ? day : LocalDate.parse(text.substring(0, 10)).toEpochDay());
    }

    /** {@code [-]H:MM:SS[.ffffff]} as signed microseconds. */
    static long timeMicros(String text) {
        boolean negative = text.startsWith("-");
        String body = negative ? text.substring(1) : text;
        String[] parts = body.split(":");
        long hours = Long.parseLong(parts[0]);
        long minutes = Long.parseLong(parts[1]);
        String seconds = parts[2];
        int dot = seconds.indexOf('.');
        long wholeSeconds = Long.parseLong(dot < 0 ? seconds : seconds.substring(0, dot));
        long fraction = dot < 0 ? 0 : fractionMicros(seconds.substring(dot + 1));
        long micros = ((hours * 60 + minutes) * 60 + wholeSeconds) * MICROS_PER_SECOND + fraction;
        return negative ? -micros : micros;
    }

    /** {@code YYYY-MM-DD HH:MM:SS[.ffffff]} read as UTC, in microseconds since the epoch; null for zero dates. */
    static Long epochMicros(String text) {
        if (isZeroDate(text)) {
            return null;
        }
        long micros = fastEpochMicros(text);
        if (micros != NOT_PLAIN) {
            return micros;
        }
        String normalized = text.length() == 10 ? text + "T00:00:00" : text.replace(' ', 'T');
        LocalDateTime dateTime = LocalDateTime.parse(normalized);
        return dateTime.toEpochSecond(ZoneOffset.UTC) * MICROS_PER_SECOND + dateTime.getNano() / 1000;
    }

    /**
     * The common shapes {@code YYYY-MM-DD} and {@code YYYY-MM-DD HH:MM:SS[.f…]} read digit by digit, as the JDBC
     * driver returns every DATETIME of a snapshot; {@link #NOT_PLAIN} for anything else, which the ISO parser then
     * reads (or rejects). Out-of-range fields are left to it too.
     */
    private static long fastEpochMicros(String text) {
        int length = text.length();
        long day = length >= 10 ? fastEpochDay(text) : NOT_PLAIN;
        if (day == NOT_PLAIN || (length != 10 && (length < 19 || text.charAt(10) != ' ' || text.charAt(13) != ':'
                || text.charAt(16) != ':'))) {
            return NOT_PLAIN;
        }
        if (length == 10) {
            return day * MICROS_PER_DAY;
        }
        int hour = number(text, 11, 13);
        int minute = number(text, 14, 16);
        int second = number(text, 17, 19);
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return NOT_PLAIN;
        }
        long fraction = 0;
        if (length > 19) {
            int digits = length - 20;
            int value = number(text, 20, length);
            if (text.charAt(19) != '.' || digits < 1 || digits > 9 || value < 0) {
                return NOT_PLAIN;
            }
            fraction = value;
            for (int i = digits; i < 9; i++) {
                fraction *= 10;
            }
            fraction /= 1000; // nanoseconds to microseconds
        }
        return day * MICROS_PER_DAY + (hour * 3600L + minute * 60L + second) * MICROS_PER_SECOND + fraction;
    }

    /** Days since the epoch of a plain {@code YYYY-MM-DD} prefix of valid date, or {@link #NOT_PLAIN}. */
    private static long fastEpochDay(String text) {
        if (text.charAt(4) != '-' || text.charAt(7) != '-') {
            return NOT_PLAIN;
        }
        int year = number(text, 0, 4);
        int month = number(text, 5, 7);
        int day = number(text, 8, 10);
        if (year < 0 || month < 1 || month > 12 || day < 1
                || day > 28 && day > YearMonth.of(year, month).lengthOfMonth()) {
            return NOT_PLAIN;
        }
        return LocalDate.of(year, month, day).toEpochDay();
    }

    /** The decimal number in {@code text[start, end)}, or -1 if a character is not a digit. */
    private static int number(String text, int start, int end) {
        int value = 0;
        for (int i = start; i < end; i++) {
            int digit = text.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    /**
     * Debezium's two-digit-year adjuster ({@code enable.time.adjuster}), on days since the epoch: a year from 0 to 69
     * becomes 2000 to 2069, one from 70 to 99 becomes 1970 to 1999; other days are returned as they are.
     */
    static long adjustTwoDigitYear(long epochDay) {
        if (epochDay >= FIRST_DAY_OF_YEAR_100) {
            return epochDay;
        }
        LocalDate date = LocalDate.ofEpochDay(epochDay);
        int year = date.getYear();
        if (year < 0) {
            return epochDay;
        }
        return date.withYear(year < 70 ? year + 2000 : year + 1900).toEpochDay();
    }

    /** {@link #adjustTwoDigitYear(long)} of epoch microseconds, the time of day kept. */
    static long adjustTwoDigitYearOfMicros(long epochMicros) {
        long day = Math.floorDiv(epochMicros, MICROS_PER_DAY);
        return day >= FIRST_DAY_OF_YEAR_100 ? epochMicros
                : (adjustTwoDigitYear(day) - day) * MICROS_PER_DAY + epochMicros;
    }

    /**
     * A snapshot's DATETIME as Debezium reads it through the JDBC driver's {@code java.sql.Timestamp}, whose hybrid
     * Julian-Gregorian calendar moves the ten days the reform skipped ten days on and year 0 to year 1.
     */
    static Long snapshotDatetimeMicros(String text) {
        Long micros = epochMicros(text);
        if (micros == null) {
            return null;
        }
        long day = Math.floorDiv(micros, MICROS_PER_DAY);
        if (day >= FIRST_SKIPPED_DAY && day <= LAST_SKIPPED_DAY) {
            return micros + 10 * MICROS_PER_DAY;
        }
        if (text.startsWith("0000-")) {
            LocalDate date = LocalDate.ofEpochDay(day);
            return (date.withYear(1).toEpochDay() - day) * MICROS_PER_DAY + micros;
        }
        return micros;
    }

    /** Days since the epoch of a date given as epoch microseconds. */
    static int epochDayOfMicros(long epochMicros) {
        return (int) Math.floorDiv(epochMicros, MICROS_PER_DAY);
    }

    /**
     * Debezium's ZonedTimestamp text of a streamed TIMESTAMP(n): UTC, exactly {@code digits} fractional digits (the
     * column's precision), or ISO-8601's shortest form for a TIMESTAMP without them.
     */
    static String zonedTimestamp(long epochMicros, int digits) {
        Instant instant = Instant.ofEpochSecond(Math.floorDiv(epochMicros, MICROS_PER_SECOND),
                Math.floorMod(epochMicros, MICROS_PER_SECOND) * 1000L);
        return digits <= 0 ? DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC))
                : ZONED[Math.min(digits, 6)].format(instant);
    }

    /**
     * Debezium's ZonedTimestamp text of a snapshotted TIMESTAMP, whatever its precision: ISO-8601's shortest form,
     * trailing zeros of the fraction dropped ({@code …59.5Z}, {@code …02Z}).
     */
    static String zonedTimestampShortest(long epochMicros) {
        return zonedTimestamp(epochMicros, 0);
    }

    private static long fractionMicros(String digits) {
        String padded = (digits + "000000").substring(0, 6);
        return Long.parseLong(padded);
    }

    private static boolean isZeroDate(String text) {
        return text.startsWith("0000-00-00") || text.regionMatches(5, "00", 0, 2) || text.regionMatches(8, "00", 0, 2);
    }
}
