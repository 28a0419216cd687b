package io.tributary.source.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class MySqlOffsetTest {
    @Test
    void streamingOffsetRoundTripsThroughDebeziumsKeys() {
        MySqlOffset offset = MySqlOffset.streamingWithin("binlog.000003", 4418, 2, 5).withGtids("0-1-41,1-2-7");

        Map<String, Object> map = offset.toMap();

        assertThat(map).containsExactlyInAnyOrderEntriesOf(Map.of("file", "binlog.000003", "pos", 4418L, "event", 2L,
                "row", 5L, "gtids", "0-1-41,1-2-7"));
        assertThat(MySqlOffset.fromMap(map)).isEqualTo(offset);
    }

    @Test
    void snapshotOffsetKeepsTheTableAndKeyReached() {
        MySqlOffset offset = MySqlOffset.snapshotAt("binlog.000001", 328, "shop.orders", "42\tEU");

        assertThat(MySqlOffset.fromMap(offset.toMap())).isEqualTo(offset);
        assertThat(offset.toMap()).containsEntry("snapshot", true).containsEntry("snapshot_table", "shop.orders");
    }

    @Test
    void numbersReadBackAsAnyNumericType() {
        assertThat(MySqlOffset.fromMap(Map.of("file", "f", "pos", 7, "gtids", "")).gtids()).as("an empty set is none")
                .isEmpty();
        assertThat(MySqlOffset.fromMap(Map.of("file", "f", "pos", 7, "snapshot", "true")))
                .isEqualTo(new MySqlOffset("f", 7, 0, 0, true, Optional.empty(), Optional.empty(), Optional.empty()));
    }
}
