package io.tributary.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import io.tributary.testkit.TestingKafka;
import io.tributary.testkit.TestingMariaDb;
import org.apache.flink.types.Row;
import org.apache.flink.types.RowKind;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seed 000's Flink table, as the seed writes it (only the topic and the servers changed, the scan made bounded),
 * reading the topic Tributary writes for the seed's {@code xxx.flink} table — in both of Tributary's JSON modes.
 * The snapshot, an insert, an update and a delete arrive as Flink's +I, +I, -U/+U, -D, with the Debezium metadata
 * columns filled.
 */
class Seed000FlinkIT {
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final String TOPIC = "junjie-sgp-xxxxx.xxx.flink";
    /** Seed 000's DDL, verbatim apart from the topic and the servers. */
    private static final String SEED_TABLE = """
            CREATE TABLE Flink (
              `event_time` TIMESTAMP(3) METADATA FROM 'value.source.timestamp' VIRTUAL,  -- from Debezium format
              `origin_table` STRING METADATA FROM 'value.source.table' VIRTUAL, -- from Debezium format
              `record_time` TIMESTAMP(3) METADATA FROM 'value.ingestion-timestamp' VIRTUAL,
              `id` BIGINT,
              `name` STRING,
              `addr` STRING,
               WATERMARK FOR event_time AS event_time
            ) WITH (
              'connector' = 'kafka',
              'topic' = '%s',
              'properties.bootstrap.servers' = '%s',
              'properties.group.id' = 'xxxxx-table-group',
              'scan.startup.mode' = 'earliest-offset',
              'value.format' = 'debezium-json'%s
            )""";

    @ParameterizedTest(name = "schemas.enable={0}")
    @ValueSource(booleans = {false, true})
    void seed000sTableReadsTributarysTopic(boolean schemas, @TempDir Path directory) throws Exception {
        try (TestingMariaDb mariaDb = TestingMariaDb.create(); TestingKafka kafka = TestingKafka.create()) {
            mariaDb.execute("CREATE DATABASE xxx",
                    "CREATE TABLE xxx.flink (id BIGINT PRIMARY KEY, name VARCHAR(64), addr VARCHAR(128))",
                    "INSERT INTO xxx.flink VALUES (1, 'Ann', 'Singapore'), (2, 'Bo', 'Hong Kong'), (3, 'Cy', NULL)");
            try (TributaryFeed feed = TributaryFeed.start(mariaDb, kafka, directory, "junjie-sgp-xxxxx", "xxx",
                    schemas, Map.of())) {
                Awaitility.await().atMost(TIMEOUT).ignoreExceptions().until(() -> kafka.readAll(TOPIC).size() >= 3);
                mariaDb.execute("INSERT INTO xxx.flink VALUES (4, 'Di', 'Warsaw')",
                        "UPDATE xxx.flink SET addr = 'Kowloon' WHERE id = 2",
                        "DELETE FROM xxx.flink WHERE id = 3");
                // 3 snapshot rows, insert, update, delete and the tombstone after it
                Awaitility.await().atMost(TIMEOUT).until(() -> kafka.readAll(TOPIC).size() >= 7);
            }
            FlinkSql flink = FlinkSql.create();
            flink.executeScript(FlinkSql.bounded(SEED_TABLE.formatted(TOPIC, kafka.bootstrapServers(),
                    schemas ? ",\n  'value.debezium-json.schema-include' = 'true'" : "")));

            List<Row> changes = flink.changelog("SELECT id, name, addr, origin_table, event_time, record_time "
                    + "FROM Flink");

            assertThat(changes).extracting(Row::getKind).containsExactly(RowKind.INSERT, RowKind.INSERT,
                    RowKind.INSERT, RowKind.INSERT, RowKind.UPDATE_BEFORE, RowKind.UPDATE_AFTER, RowKind.DELETE);
            assertThat(changes).extracting(row -> row.getField(0)).containsExactly(1L, 2L, 3L, 4L, 2L, 2L, 3L);
            assertThat(changes.get(5).getField(2)).isEqualTo("Kowloon");
            assertThat(changes).extracting(row -> row.getField(3)).containsOnly("flink");
            LocalDateTime now = LocalDateTime.now(); // Flink's session time zone: the JVM's
            assertThat(changes).extracting(row -> (LocalDateTime) row.getField(4))
                    .allSatisfy(time -> assertThat(time).isBetween(now.minusMinutes(5), now));
            assertThat(changes).extracting(row -> (LocalDateTime) row.getField(5))
                    .allSatisfy(time -> assertThat(time).isBetween(now.minusMinutes(5), now));
            assertThat(flink.finalRows("SELECT id, name, addr FROM Flink")).containsExactlyInAnyOrderElementsOf(
                    mariaDb.query("SELECT id, name, addr FROM xxx.flink").stream()
                            .map(row -> java.util.Arrays.asList((Object) ((Number) row.get("id")).longValue(),
                                    row.get("name"), row.get("addr"))).toList());
        }
    }
}
