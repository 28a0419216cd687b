package io.tributary.source.mysql;

import static io.tributary.source.mysql.TimePrecisionMode.ADAPTIVE_TIME_MICROSECONDS;
import static io.tributary.source.mysql.TimePrecisionMode.CONNECT;
import static io.tributary.source.mysql.TimePrecisionMode.ISOSTRING;
import static io.tributary.source.mysql.TimePrecisionMode.MICROSECONDS;
import static io.tributary.source.mysql.TimePrecisionMode.NANOSECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import io.tributary.api.EventSchema;
import io.tributary.api.EventSchema.Type;
import org.junit.jupiter.api.Test;

class TimePrecisionModeTest {
    private static final long DAY = 86_400_000_000L;
    private static final long HOURS_838 = 3_020_399_000_000L;

    @Test
    void eachModeNamesItsSchemasAsDebeziumDoes() {
        assertThat(CONNECT.dateSchema()).isEqualTo(named(Type.INT32, "org.apache.kafka.connect.data.Date"));
        assertThat(CONNECT.timeSchema()).isEqualTo(named(Type.INT32, "org.apache.kafka.connect.data.Time"));
        assertThat(CONNECT.datetimeSchema(6)).isEqualTo(named(Type.INT64, "org.apache.kafka.connect.data.Timestamp"));
        assertThat(ADAPTIVE_TIME_MICROSECONDS.timeSchema()).isEqualTo(named(Type.INT64, "io.debezium.time.MicroTime"));
        assertThat(ADAPTIVE_TIME_MICROSECONDS.datetimeSchema(3))
                .isEqualTo(named(Type.INT64, "io.debezium.time.Timestamp"));
        assertThat(ADAPTIVE_TIME_MICROSECONDS.datetimeSchema(4))
                .isEqualTo(named(Type.INT64, "io.debezium.time.MicroTimestamp"));
        assertThat(MICROSECONDS.datetimeSchema(0)).isEqualTo(named(Type.INT64, "io.debezium.time.MicroTimestamp"));
        assertThat(NANOSECONDS.timeSchema()).isEqualTo(named(Type.INT64, "io.debezium.time.NanoTime"));
        assertThat(NANOSECONDS.datetimeSchema(0)).isEqualTo(named(Type.INT64, "io.debezium.time.NanoTimestamp"));
        assertThat(ISOSTRING.dateSchema()).isEqualTo(named(Type.STRING, "io.debezium.time.IsoDate"));
        assertThat(ISOSTRING.timeSchema()).isEqualTo(named(Type.STRING, "io.debezium.time.IsoTime"));
        assertThat(ISOSTRING.datetimeSchema(6)).isEqualTo(named(Type.STRING, "io.debezium.time.IsoTimestamp"));
        for (TimePrecisionMode mode : new TimePrecisionMode[] {ADAPTIVE_TIME_MICROSECONDS, MICROSECONDS, NANOSECONDS}) {
            assertThat(mode.dateSchema()).isEqualTo(named(Type.INT32, "io.debezium.time.Date"));
        }
    }

    @Test
    void connectKeepsMillisecondsOfATimeWithinADayAndNothingElse() {
        assertThat(CONNECT.time(45_296_789_123L)).isEqualTo(45_296_789); // 12:34:56.789123: microseconds dropped
        assertThat(CONNECT.time(0)).isEqualTo(0);
        assertThat(CONNECT.time(DAY)).isEqualTo(86_400_000); // 24:00:00 still is
        assertThat(CONNECT.time(DAY + 1)).isNull();
        assertThat(CONNECT.time(-1)).isNull();
        assertThat(CONNECT.time(HOURS_838)).isNull();
        assertThat(CONNECT.time(-HOURS_838)).isNull();
    }

    @Test
    void connectWritesDatesAsDaysAndDatetimesAsMillisecondsRoundedDown() {
        assertThat(CONNECT.date(-1)).isEqualTo(-1);
        assertThat(CONNECT.datetime(-1, 6, false)).isEqualTo(-1L); // 1969-12-31 23:59:59.999999
        assertThat(CONNECT.datetime(1_999, 6, false)).isEqualTo(1L);
        assertThat(CONNECT.datetime(micros(LocalDateTime.parse("1582-10-10T00:00:00.000999")), 6, false))
                .isEqualTo(LocalDateTime.parse("1582-10-10T00:00:00").toEpochSecond(ZoneOffset.UTC) * 1000);
    }

    @Test
    void theMicrosecondModesKeepEveryDigitAndLargeTimes() {
        assertThat(ADAPTIVE_TIME_MICROSECONDS.time(-HOURS_838)).isEqualTo(-HOURS_838);
        assertThat(MICROSECONDS.time(HOURS_838)).isEqualTo(HOURS_838);
        assertThat(ADAPTIVE_TIME_MICROSECONDS.datetime(-1, 3, false)).isEqualTo(-1L); // rounded down
        assertThat(ADAPTIVE_TIME_MICROSECONDS.datetime(-1, 6, false)).isEqualTo(-1L);
        assertThat(MICROSECONDS.datetime(1_999, 0, false)).isEqualTo(1_999L);
    }

    @Test
    void nanosecondsMultiplyAndWrapAsDebeziumsLongArithmeticDoes() {
        assertThat(NANOSECONDS.time(-1_500_000L)).isEqualTo(-1_500_000_000L);
        assertThat(NANOSECONDS.datetime(-1, 6, false)).isEqualTo(-1_000L);
        long year1 = micros(LocalDateTime.parse("0001-01-01T10:00:00.5"));
        long days = LocalDate.of(1, 1, 1).toEpochDay();
        assertThat(NANOSECONDS.datetime(year1, 1, false)).isEqualTo(days * 86_400_000_000_000L + 36_000_500_000_000L);
    }

    @Test
    void exactNanosecondsAreNoneBeyondALongAsInDebezium36() {
        long lastNano = micros(LocalDateTime.parse("2262-04-11T23:47:16.854775"));
        assertThat(NANOSECONDS.datetime(lastNano, 6, true)).isEqualTo(9_223_372_036_854_775_000L);
        assertThat(NANOSECONDS.datetime(lastNano + 1, 6, true)).isNull();
        assertThat(NANOSECONDS.datetime(micros(LocalDateTime.parse("1582-10-04T23:59:59.999999")), 6, true)).isNull();
        assertThat(NANOSECONDS.datetime(-1, 6, true)).isEqualTo(-1_000L);
        assertThat(MICROSECONDS.datetime(lastNano + 1, 6, true)).isEqualTo(lastNano + 1);
    }

    @Test
    void isostringWritesIsoTextInUtc() {
        assertThat(ISOSTRING.date(0)).isEqualTo("1970-01-01Z");
        assertThat(ISOSTRING.date((int) LocalDate.of(1, 1, 1).toEpochDay())).isEqualTo("0001-01-01Z");
        assertThat(ISOSTRING.time(45_296_700_000L)).isEqualTo("12:34:56.7Z");
        assertThat(ISOSTRING.time(0)).isEqualTo("00:00:00Z");
        assertThat(ISOSTRING.time(DAY)).isEqualTo("00:00:00Z");
        assertThat(ISOSTRING.time(-1)).isNull();
        assertThat(ISOSTRING.datetime(0, 0, false)).isEqualTo("1970-01-01T00:00:00Z");
        assertThat(ISOSTRING.datetime(-1, 6, false)).isEqualTo("1969-12-31T23:59:59.999999Z");
        assertThat(ISOSTRING.datetime(345_000, 3, false)).isEqualTo("1970-01-01T00:00:00.345Z");
    }

    private static EventSchema named(Type type, String name) {
        return EventSchema.of(type).withName(name, 1);
    }

    private static long micros(LocalDateTime dateTime) {
        return dateTime.toEpochSecond(ZoneOffset.UTC) * 1_000_000L + dateTime.getNano() / 1000;
    }
}
