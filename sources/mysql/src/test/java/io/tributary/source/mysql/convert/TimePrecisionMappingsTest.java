package io.tributary.source.mysql.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;

import io.tributary.api.SourceException;
import io.tributary.source.mysql.BigintUnsignedHandlingMode;
import io.tributary.source.mysql.BinaryHandlingMode;
import io.tributary.source.mysql.DecimalHandlingMode;
import io.tributary.source.mysql.TimePrecisionMode;
import io.tributary.source.mysql.binlog.RowCells;
import io.tributary.source.mysql.event.ServerFlavor;
import io.tributary.source.mysql.schema.ColumnDefinition;
import io.tributary.source.mysql.schema.TableId;
import org.junit.jupiter.api.Test;

/** DATE, TIME and DATETIME columns, their values and defaults, under the time precision modes. */
class TimePrecisionMappingsTest {
    private static final TableId TABLE = new TableId("shop", "clock");

    @Test
    void connectWritesKafkaConnectTypesInSnapshotAndStreamingAlike() {
        ColumnMapping time = map(TimePrecisionMode.CONNECT, column("t", "time", 6, true, null));
        ColumnMapping datetime = map(TimePrecisionMode.CONNECT, column("dt", "datetime", 6, true, null));
        ColumnMapping date = map(TimePrecisionMode.CONNECT, column("d", "date", 0, true, null));

        assertThat(time.schema().name()).contains("org.apache.kafka.connect.data.Time");
        assertThat(time.fromJdbc().apply("12:34:56.789123")).isEqualTo(45_296_789);
        assertThat(time.fromBinlog().apply(45_296_789_123L)).isEqualTo(45_296_789);
        assertThat(time.fromJdbc().apply("-838:59:59")).isNull();
        assertThat(time.fromBinlog().apply(3_020_399_000_000L)).isNull();
        assertThat(time.fromJdbc().apply("24:00:00")).isEqualTo(86_400_000);
        assertThat(datetime.schema().name()).contains("org.apache.kafka.connect.data.Timestamp");
        assertThat(datetime.fromJdbc().apply("1969-12-31 23:59:59.999999")).isEqualTo(-1L);
        assertThat(datetime.fromBinlog().apply(-1L)).isEqualTo(-1L);
        assertThat(datetime.fromBinlog().apply(RowCells.INVALID)).isNull();
        assertThat(date.schema().name()).contains("org.apache.kafka.connect.data.Date");
        assertThat(date.fromJdbc().apply("1969-12-31")).isEqualTo(-1);
        assertThat(date.fromJdbc().apply("0000-00-00")).isNull();
    }

    @Test
    void aTimeConnectCannotRepresentInANotNullColumnStopsWithTheColumnNamed() {
        ColumnMapping time = map(TimePrecisionMode.CONNECT, column("t", "time", 0, false, null));

        assertThat(time.fromBinlog().apply(1_000_000L)).isEqualTo(1_000);
        assertThatThrownBy(() -> time.fromBinlog().apply(-1_000_000L)).isInstanceOf(SourceException.class)
                .hasMessageContaining("shop.clock.t").hasMessageContaining("time.precision.mode=connect");
    }

    @Test
    void defaultsAreWrittenInTheModeAndATimeItCannotRepresentIsNone() {
        assertThat(map(TimePrecisionMode.CONNECT, column("t", "time", 3, true, "01:02:03.5")).schema().defaultValue())
                .contains(3_723_500);
        assertThat(map(TimePrecisionMode.CONNECT, column("t", "time", 0, true, "-01:00:00")).schema().defaultValue())
                .isEmpty();
        assertThat(map(TimePrecisionMode.CONNECT, column("t", "time", 0, false, "25:00:00")).schema().defaultValue())
                .isEmpty();
        assertThat(map(TimePrecisionMode.ADAPTIVE_TIME_MICROSECONDS, column("t", "time", 0, true, "-01:00:00"))
                .schema().defaultValue()).contains(-3_600_000_000L);
        assertThat(map(TimePrecisionMode.CONNECT, column("dt", "datetime", 6, true, "1969-12-31 23:59:59.999999"))
                .schema().defaultValue()).contains(-1L);
        assertThat(map(TimePrecisionMode.ADAPTIVE_TIME_MICROSECONDS,
                column("dt", "datetime", 6, true, "1969-12-31 23:59:59.999999")).schema().defaultValue()).contains(-1L);
        assertThat(map(TimePrecisionMode.ADAPTIVE_TIME_MICROSECONDS,
                column("dt", "datetime", 6, true, "1970-01-01 00:00:01.5")).schema().defaultValue())
                .contains(1_500_000L);
        assertThat(map(TimePrecisionMode.ISOSTRING, column("d", "date", 0, true, "2020-02-02")).schema()
                .defaultValue()).contains("2020-02-02Z");
    }

    @Test
    void aZeroDateOfANotNullColumnIsTheEpochInTheMode() {
        ColumnMapping date = map(TimePrecisionMode.ISOSTRING, column("d", "date", 0, false, "0000-00-00"));
        ColumnMapping datetime = map(TimePrecisionMode.CONNECT, column("dt", "datetime", 0, false, null));

        assertThat(date.schema().defaultValue()).contains("1970-01-01Z");
        assertThat(date.fromJdbc().apply("0000-00-00")).isEqualTo("1970-01-01Z");
        assertThat(datetime.fromBinlog().apply(RowCells.INVALID)).isEqualTo(0L);
    }

    @Test
    void nanosecondsBeyondALongWrapOnMariaDbAndAreNoneOnMySqlAsInTheirDebeziumVersions() {
        ColumnDefinition nullable = column("dt", "datetime", 6, true, "1500-01-01 00:00:00");
        ColumnMapping mariaDb = map(TimePrecisionMode.NANOSECONDS, nullable, ServerFlavor.MARIADB);
        ColumnMapping mySql = map(TimePrecisionMode.NANOSECONDS, nullable, ServerFlavor.MYSQL);
        ColumnMapping notNull = map(TimePrecisionMode.NANOSECONDS, column("dt", "datetime", 6, false, null),
                ServerFlavor.MYSQL);

        assertThat(mariaDb.fromJdbc().apply("1582-10-04 23:59:59.999999")).isInstanceOf(Long.class);
        assertThat(mariaDb.schema().defaultValue()).isPresent();
        assertThat(mySql.fromJdbc().apply("1582-10-04 23:59:59.999999")).isNull();
        assertThat(mySql.fromBinlog().apply(-1L)).isEqualTo(-1_000L);
        assertThat(mySql.schema().defaultValue()).isEmpty();
        assertThatThrownBy(() -> notNull.fromJdbc().apply("1000-01-01 00:00:00")).isInstanceOf(SourceException.class)
                .hasMessageContaining("shop.clock.dt").hasMessageContaining("time.precision.mode=nanoseconds");
    }

    private static ColumnMapping map(TimePrecisionMode mode, ColumnDefinition column) {
        return map(mode, column, ServerFlavor.MARIADB);
    }

    private static ColumnMapping map(TimePrecisionMode mode, ColumnDefinition column, ServerFlavor flavor) {
        return new ColumnMappings(DecimalHandlingMode.PRECISE, BigintUnsignedHandlingMode.LONG,
                BinaryHandlingMode.BYTES, mode, true, List.of(), flavor).map(TABLE, column);
    }

    private static ColumnDefinition column(String name, String type, int digits, boolean nullable,
            String defaultValue) {
        return new ColumnDefinition(name, 1, type, digits > 0 ? type + "(" + digits + ")" : type, nullable,
                Optional.ofNullable(defaultValue), Optional.empty(), 0, digits, List.of(), false, false,
                Optional.empty());
    }
}
