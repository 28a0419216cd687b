package io.tributary.source.mysql;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import io.tributary.api.EventSchema;
import io.tributary.api.EventSchema.Type;

/**
 * Debezium's {@code time.precision.mode} for MySQL and MariaDB: how DATE, TIME and DATETIME values are represented.
 * TIMESTAMP (ZonedTimestamp text) and YEAR are the same in every mode. Debezium's binlog connectors refuse
 * {@code adaptive}, so it is no constant here.
 *
 * <p>Values come in as days since the epoch, signed microseconds of a TIME, and epoch microseconds of a DATETIME
 * read as UTC; each mode writes them its own way.
 */
public enum TimePrecisionMode {
    /** Date; TIME as MicroTime; DATETIME(0-3) as Timestamp (milliseconds), DATETIME(4-6) as MicroTimestamp. */
    ADAPTIVE_TIME_MICROSECONDS,
    /**
     * Kafka Connect's Date, Time (INT32 milliseconds of the day) and Timestamp (milliseconds): fractions beyond the
     * millisecond dropped, a TIME outside 00:00:00 to 24:00:00 not representable.
     */
    CONNECT,
    /** ISO-8601 text: IsoDate {@code 2020-02-02Z}, IsoTime {@code 10:11:12.5Z}, IsoTimestamp; TIME within a day. */
    ISOSTRING,
    /** Date; TIME as MicroTime; every DATETIME as MicroTimestamp. */
    MICROSECONDS,
    /**
     * Date; TIME as NanoTime; every DATETIME as NanoTimestamp. Beyond a long's nanoseconds (before 1677-09-21 or after
     * 2262-04-11) Debezium 3.5 wraps silently, 3.6 writes no value ({@code exactNanos}).
     */
    NANOSECONDS;

    private static final long MICROS_PER_MILLI = 1_000L;
    private static final long MICROS_PER_SECOND = 1_000_000L;
    private static final long MICROS_PER_DAY = 86_400L * MICROS_PER_SECOND;
    private static final long NANOS_PER_DAY = MICROS_PER_DAY * 1_000L;

    /** The schema of a DATE field. */
    public EventSchema dateSchema() {
        return switch (this) {
            case CONNECT -> EventSchema.of(Type.INT32).withName("org.apache.kafka.connect.data.Date", 1);
            case ISOSTRING -> EventSchema.of(Type.STRING).withName("io.debezium.time.IsoDate", 1);
            default -> EventSchema.of(Type.INT32).withName("io.debezium.time.Date", 1);
        };
    }

    /** The schema of a TIME field, whatever its fractional digits. */
    public EventSchema timeSchema() {
        return switch (this) {
            case CONNECT -> EventSchema.of(Type.INT32).withName("org.apache.kafka.connect.data.Time", 1);
            case ISOSTRING -> EventSchema.of(Type.STRING).withName("io.debezium.time.IsoTime", 1);
            case NANOSECONDS -> EventSchema.of(Type.INT64).withName("io.debezium.time.NanoTime", 1);
            default -> EventSchema.of(Type.INT64).withName("io.debezium.time.MicroTime", 1);
        };
    }

    /** The schema of a DATETIME field with {@code digits} fractional digits. */
    public EventSchema datetimeSchema(int digits) {
        return switch (this) {
            case ADAPTIVE_TIME_MICROSECONDS -> EventSchema.of(Type.INT64).withName(digits <= 3
                    ? "io.debezium.time.Timestamp" : "io.debezium.time.MicroTimestamp", 1);
            case CONNECT -> EventSchema.of(Type.INT64).withName("org.apache.kafka.connect.data.Timestamp", 1);
            case ISOSTRING -> EventSchema.of(Type.STRING).withName("io.debezium.time.IsoTimestamp", 1);
            case MICROSECONDS -> EventSchema.of(Type.INT64).withName("io.debezium.time.MicroTimestamp", 1);
            case NANOSECONDS -> EventSchema.of(Type.INT64).withName("io.debezium.time.NanoTimestamp", 1);
        };
    }

    /** A DATE of {@code epochDay} days since 1970-01-01. */
    public Object date(int epochDay) {
        return this == ISOSTRING ? DateTimeFormatter.ISO_OFFSET_DATE.format(LocalDate.ofEpochDay(epochDay)
                .atStartOfDay().atOffset(ZoneOffset.UTC)) : (Object) epochDay;
    }

    /**
     * A TIME of {@code micros} signed microseconds; null where this mode cannot represent it (connect and isostring
     * take 00:00:00 to 24:00:00 only, as Debezium's converters do: they write null for a nullable column).
     */
    public Object time(long micros) {
        boolean withinDay = micros >= 0 && micros <= MICROS_PER_DAY;
        return switch (this) {
            case ADAPTIVE_TIME_MICROSECONDS, MICROSECONDS -> micros;
            case NANOSECONDS -> micros * 1_000L;
            case CONNECT -> withinDay ? (Object) (int) (micros / MICROS_PER_MILLI) : null;
            case ISOSTRING -> withinDay ? DateTimeFormatter.ISO_OFFSET_TIME.format(
                    LocalTime.ofNanoOfDay(micros % MICROS_PER_DAY * 1_000L).atOffset(ZoneOffset.UTC)) : null;
        };
    }

    /**
     * A DATETIME with {@code digits} fractional digits at {@code epochMicros} (UTC); null where nanoseconds are
     * {@code exactNanos} and a long cannot hold them.
     */
    public Object datetime(long epochMicros, int digits, boolean exactNanos) {
        if (this == NANOSECONDS && exactNanos) {
            try {
                return Math.addExact(Math.multiplyExact(Math.floorDiv(epochMicros, MICROS_PER_DAY), NANOS_PER_DAY),
                        Math.floorMod(epochMicros, MICROS_PER_DAY) * 1_000L);
            } catch (ArithmeticException beyondLong) {
                return null;
            }
        }
        return switch (this) {
            case ADAPTIVE_TIME_MICROSECONDS -> digits <= 3 ? Math.floorDiv(epochMicros, MICROS_PER_MILLI) : epochMicros;
            case CONNECT -> Math.floorDiv(epochMicros, MICROS_PER_MILLI);
            case MICROSECONDS -> epochMicros;
            // days and time of day apart, the days' nanoseconds overflowing silently as Debezium's arithmetic does
            case NANOSECONDS -> Math.floorDiv(epochMicros, MICROS_PER_DAY) * NANOS_PER_DAY
                    + Math.floorMod(epochMicros, MICROS_PER_DAY) * 1_000L;
            case ISOSTRING -> DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(Instant.ofEpochSecond(
                    Math.floorDiv(epochMicros, MICROS_PER_SECOND),
                    Math.floorMod(epochMicros, MICROS_PER_SECOND) * 1_000L).atOffset(ZoneOffset.UTC));
        };
    }
}
