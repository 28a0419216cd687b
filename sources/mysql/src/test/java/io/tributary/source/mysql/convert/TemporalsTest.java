package io.tributary.source.mysql.convert;

import static org.assertj.core.api.Assertions.assertThat;

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
        assertThat(Temporals.millisOfMicros(-1)).isEqualTo(-1L);
    }

    @Test
    void zonedTimestampsHaveTheColumnsFractionalDigits() {
        assertThat(Temporals.zonedTimestamp(1_000_000, 0)).isEqualTo("1970-01-01T00:00:01Z");
        assertThat(Temporals.zonedTimestamp(946_684_800_100_000L, 6)).isEqualTo("2000-01-01T00:00:00.100000Z");
        assertThat(Temporals.zonedTimestamp(946_684_800_100_000L, 3)).isEqualTo("2000-01-01T00:00:00.100Z");
    }
}
