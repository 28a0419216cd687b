package io.tributary.source.mysql.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Random;

import org.junit.jupiter.api.Test;

class TemporalsTest {
    @Test
    void datesAreDaysSinceTheEpochAndZeroDatesAreNull() {
        assertThat(Temporals.epochDay("1970-01-02")).isEqualTo(1);
        assertThat(Temporals.epochDay("1969-12-31")).isEqualTo(-1);
        assertThat(Temporals.epochDay("0000-00-00")).isNull();
        assertThat(Temporals.epochDay("2026-00-10")).isNull();
    }

    @Test
    void timesAreSignedMicroseconds() {
        assertThat(Temporals.timeMicros("838:59:59")).isEqualTo(3_020_399_000_000L);
        assertThat(Temporals.timeMicros("-838:59:59")).isEqualTo(-3_020_399_000_000L);
        assertThat(Temporals.timeMicros("-00:00:01.5")).isEqualTo(-1_500_000L);
        assertThat(Temporals.timeMicros("12:34:56.000789")).isEqualTo(45_296_000_789L);
    }

    @Test
    void dateTimesAreReadAsUtc() {
        assertThat(Temporals.epochMicros("1970-01-01 00:00:00.000001")).isEqualTo(1L);
        assertThat(Temporals.epochMicros("1969-12-31 23:59:59.999999")).isEqualTo(-1L);
        assertThat(Temporals.epochMicros("0000-00-00 00:00:00")).isNull();
    }

    @Test
    void dateTimesOfEveryShapeReadAsTheIsoParserReadsThem() {
        Random random = new Random(11);
        for (int i = 0; i < 5_000; i++) {
            LocalDateTime dateTime = LocalDateTime.of(1000 + random.nextInt(9000),
                    1 + random.nextInt(12), 1 + random.nextInt(28), random.nextInt(24), random.nextInt(60),
                    random.nextInt(60), random.nextInt(1_000_000) * 1000);
            int digits = random.nextInt(7);
            String text = dateTime.toLocalDate() + " " + String.format("%02d:%02d:%02d", dateTime.getHour(),
                    dateTime.getMinute(), dateTime.getSecond())
                    + (digits == 0 ? "" : "." + String.format("%06d", dateTime.getNano() / 1000).substring(0, digits));
            LocalDateTime iso = LocalDateTime.parse(text.replace(' ', 'T'));

            assertThat(Temporals.epochMicros(text)).as(text)
                    .isEqualTo(iso.toEpochSecond(ZoneOffset.UTC) * 1_000_000 + iso.getNano() / 1000);
            assertThat(Temporals.epochMicros(text.substring(0, 10))).isEqualTo(
                    iso.toLocalDate().toEpochDay() * 86_400_000_000L);
            assertThat(Temporals.epochDay(text.substring(0, 10))).isEqualTo((int) iso.toLocalDate().toEpochDay());
        }
        assertThat(Temporals.epochMicros("2024-02-29 23:59:59.5")).isEqualTo(1_709_251_199_500_000L);
        assertThatThrownBy(() -> Temporals.epochMicros("2024-02-30 00:00:00"))
                .isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> Temporals.epochMicros("2023-02-29")).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> Temporals.epochMicros("2024-01-01 24:00:00"))
                .isInstanceOf(DateTimeException.class);
    }

    @Test
    void zonedTimestampsHaveTheColumnsFractionalDigits() {
        assertThat(Temporals.zonedTimestamp(1_000_000, 0)).isEqualTo("1970-01-01T00:00:01Z");
        assertThat(Temporals.zonedTimestamp(946_684_800_100_000L, 6)).isEqualTo("2000-01-01T00:00:00.100000Z");
        assertThat(Temporals.zonedTimestamp(946_684_800_100_000L, 3)).isEqualTo("2000-01-01T00:00:00.100Z");
    }

    @Test
    void theTwoDigitYearAdjusterMovesYearsBelow100AsDebeziumDoes() {
        assertThat(Temporals.adjustTwoDigitYear(java.time.LocalDate.of(0, 5, 10).toEpochDay()))
                .isEqualTo(java.time.LocalDate.of(2000, 5, 10).toEpochDay());
        assertThat(Temporals.adjustTwoDigitYear(java.time.LocalDate.of(69, 12, 31).toEpochDay()))
                .isEqualTo(java.time.LocalDate.of(2069, 12, 31).toEpochDay());
        assertThat(Temporals.adjustTwoDigitYear(java.time.LocalDate.of(70, 1, 1).toEpochDay())).isZero();
        assertThat(Temporals.adjustTwoDigitYear(java.time.LocalDate.of(100, 1, 1).toEpochDay()))
                .isEqualTo(java.time.LocalDate.of(100, 1, 1).toEpochDay());
        assertThat(Temporals.adjustTwoDigitYearOfMicros(Temporals.epochMicros("0099-12-31 23:59:59.999999")))
                .isEqualTo(Temporals.epochMicros("1999-12-31 23:59:59.999999"));
    }

    @Test
    void aSnapshotDatetimeReadsTheSkippedDaysAndYearZeroAsTheJdbcDriversCalendarDoes() {
        assertThat(Temporals.snapshotDatetimeMicros("1582-10-10 10:00:00"))
                .isEqualTo(Temporals.epochMicros("1582-10-20 10:00:00"));
        assertThat(Temporals.snapshotDatetimeMicros("1582-10-15 00:00:00"))
                .isEqualTo(Temporals.epochMicros("1582-10-15 00:00:00"));
        assertThat(Temporals.snapshotDatetimeMicros("0000-05-10 10:00:00"))
                .isEqualTo(Temporals.epochMicros("0001-05-10 10:00:00"));
        assertThat(Temporals.snapshotDatetimeMicros("0000-00-00 00:00:00")).isNull();
    }

    @Test
    void zonedTimestampsHaveTheColumnsDigitsWhenStreamedAndTheShortestTextInASnapshot() {
        long micros = Temporals.epochMicros("2020-01-01 10:00:02.500000");
        assertThat(Temporals.zonedTimestamp(micros, 3)).isEqualTo("2020-01-01T10:00:02.500Z");
        assertThat(Temporals.zonedTimestampShortest(micros)).isEqualTo("2020-01-01T10:00:02.5Z");
        assertThat(Temporals.zonedTimestampShortest(Temporals.epochMicros("2020-01-01 10:00:02"))).isEqualTo(
                "2020-01-01T10:00:02Z");
    }
}
