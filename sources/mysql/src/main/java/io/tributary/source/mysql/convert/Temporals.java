package io.tributary.source.mysql.convert;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
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
    private static final DateTimeFormatter[] ZONED = new DateTimeFormatter[7];

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
        return (int) LocalDate.parse(text.substring(0, 10)).toEpochDay();
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
        String normalized = text.length() == 10 ? text + "T00:00:00" : text.replace(' ', 'T');
        LocalDateTime dateTime = LocalDateTime.parse(normalized);
        return dateTime.toEpochSecond(ZoneOffset.UTC) * MICROS_PER_SECOND + dateTime.getNano() / 1000;
    }

    /** Days since the epoch of a date given as epoch microseconds. */
    static int epochDayOfMicros(long epochMicros) {
        return (int) Math.floorDiv(epochMicros, MICROS_PER_DAY);
    }

    static long millisOfMicros(long epochMicros) {
        return Math.floorDiv(epochMicros, 1000L);
    }

    /** Debezium's ZonedTimestamp text: UTC, {@code digits} fractional digits (the column's precision). */
    static String zonedTimestamp(long epochMicros, int digits) {
        Instant instant = Instant.ofEpochSecond(Math.floorDiv(epochMicros, MICROS_PER_SECOND),
                Math.floorMod(epochMicros, MICROS_PER_SECOND) * 1000L);
        return ZONED[Math.min(Math.max(digits, 0), 6)].format(instant);
    }

    private static long fractionMicros(String digits) {
        String padded = (digits + "000000").substring(0, 6);
        return Long.parseLong(padded);
    }

    private static boolean isZeroDate(String text) {
        return text.startsWith("0000-00-00") || text.regionMatches(5, "00", 0, 2) || text.regionMatches(8, "00", 0, 2);
    }
}
