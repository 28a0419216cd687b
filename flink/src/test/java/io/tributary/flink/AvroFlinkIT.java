package io.tributary.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.tributary.testkit.TestingKafka;
import io.tributary.testkit.TestingMariaDb;
import io.tributary.testkit.TestingSchemaRegistry;
import org.apache.flink.types.Row;
import org.apache.flink.types.RowKind;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flink SQL's {@code debezium-avro-confluent} format (Flink's own, with the registry client it bundles) reads the
 * topic Tributary writes with seed 002's Avro converter, against a real schema registry: snapshot, insert, update and
 * delete arrive as +I, +I, -U/+U, -D with their decimals, and the final rows equal the table's.
 */
class AvroFlinkIT {
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final String TOPIC = "avro.shop.items";
    private static final String TABLE = """
            CREATE TABLE items (
              id INT,
              name STRING,
              price DECIMAL(8,2)
            ) WITH (
              'connector' = 'kafka',
              'topic' = '%s',
              'properties.bootstrap.servers' = '%s',
              'properties.group.id' = 'avro-items',
              'scan.startup.mode' = 'earliest-offset',
              'value.format' = 'debezium-avro-confluent',
              'value.debezium-avro-confluent.url' = '%s'
            )""";

    @Test
    void flinksDebeziumAvroConfluentFormatReadsTributarysAvroTopic(@TempDir Path directory) throws Exception {
        try (TestingMariaDb mariaDb = TestingMariaDb.create(); TestingKafka kafka = TestingKafka.create();
                TestingSchemaRegistry registry = TestingSchemaRegistry.create()) {
            mariaDb.execute("CREATE DATABASE shop",
                    "CREATE TABLE shop.items (id INT PRIMARY KEY, name VARCHAR(20), price DECIMAL(8,2))",
                    "INSERT INTO shop.items VALUES (1, 'pen', 1.50), (2, 'ink', NULL)");
            String avro = "io.confluent.connect.avro.AvroConverter";
            try (TributaryFeed feed = TributaryFeed.start(mariaDb, kafka, directory, "avro", "shop", false, Map.of(
                    "key.converter", avro, "key.converter.schema.registry.url", registry.confluentUrl(),
                    "value.converter", avro, "value.converter.schema.registry.url", registry.confluentUrl()))) {
                Awaitility.await().atMost(TIMEOUT).ignoreExceptions().until(() -> kafka.readAll(TOPIC).size() >= 2);
                mariaDb.execute("INSERT INTO shop.items VALUES (3, 'nib', 0.25)",
                        "UPDATE shop.items SET price = 2.75 WHERE id = 1",
                        "DELETE FROM shop.items WHERE id = 2");
                // 2 snapshot rows, insert, update, delete and the tombstone after it
                Awaitility.await().atMost(TIMEOUT).until(() -> kafka.readAll(TOPIC).size() >= 6);
            }
            FlinkSql flink = FlinkSql.create();
            flink.executeScript(FlinkSql.bounded(TABLE.formatted(TOPIC, kafka.bootstrapServers(),
                    registry.confluentUrl())));

            List<Row> changes = flink.changelog("SELECT id, name, price FROM items");

            assertThat(changes).extracting(Row::getKind).containsExactly(RowKind.INSERT, RowKind.INSERT,
                    RowKind.INSERT, RowKind.UPDATE_BEFORE, RowKind.UPDATE_AFTER, RowKind.DELETE);
            assertThat(changes).extracting(row -> row.getField(0)).containsExactly(1, 2, 3, 1, 1, 2);
            assertThat(changes.get(4).getField(2)).isEqualTo(new BigDecimal("2.75"));
            assertThat(flink.finalRows("SELECT id, name, price FROM items")).containsExactlyInAnyOrder(
                    List.of(1, "pen", new BigDecimal("2.75")), List.of(3, "nib", new BigDecimal("0.25")));
        }
    }
}
