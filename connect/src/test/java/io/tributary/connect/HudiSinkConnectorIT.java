package io.tributary.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.testkit.TestingConnect;
import io.tributary.testkit.TestingHudiQuery;
import io.tributary.testkit.TestingKafka;
import io.tributary.testkit.TestingMariaDb;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seed 002 on Kafka Connect: the MySQL source connector into Kafka, the Hudi sink connector from Kafka into a
 * merge-on-read table, read back by Spark SQL with Hudi's Spark bundle. {@code tasks.max=2} still runs one task (one
 * writer a table).
 */
class HudiSinkConnectorIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(180);

    @Test
    void theLakeTableFollowsTheSourceTableThroughKafka(@TempDir Path directory) throws Exception {
        try (TestingMariaDb mariaDb = TestingMariaDb.create(); TestingKafka kafka = TestingKafka.create();
                TestingConnect connect = TestingConnect.create(kafka);
                TestingHudiQuery spark = TestingHudiQuery.start(directory.resolve("query-engine.log"))) {
            mariaDb.execute("CREATE DATABASE shop",
                    "CREATE TABLE shop.items (id INT PRIMARY KEY, name VARCHAR(20), price DECIMAL(8,2) NOT NULL)",
                    "INSERT INTO shop.items SELECT seq, CONCAT('item-', seq), seq / 4 FROM shop.seq_1_to_100");
            Map<String, String> source = new HashMap<>();
            source.put("connector.class", MySqlSourceConnector.class.getName());
            source.put("database.hostname", mariaDb.host());
            source.put("database.port", String.valueOf(mariaDb.port()));
            source.put("database.user", TestingMariaDb.CDC_USER);
            source.put("database.password", TestingMariaDb.CDC_PASSWORD);
            source.put("topic.prefix", "shop");
            source.put("table.include.list", "shop\\.items");
            source.put("include.schema.changes", "false");
            connect.rest().putConnector("shop-source", source);
            String base = directory.resolve("lake").toUri().toString();
            connect.rest().putConnector("lake", Map.of("connector.class", HudiSinkConnector.class.getName(),
                    "tasks.max", "2", "topics", "shop.shop.items", "hoodie.base.path", base,
                    "hoodie.table.type", "MERGE_ON_READ", "hoodie.compact.inline.max.delta.commits", "2"));
            String table = base + "/shop_shop_items";

            awaitTableEquals(spark, table, mariaDb);
            assertThat(connect.rest().connectorStatus("lake").tasks()).hasSize(1);
            mariaDb.execute("INSERT INTO shop.items VALUES (101, 'new', 9.99)",
                    "UPDATE shop.items SET name = 'renamed', price = price + 1 WHERE id % 7 = 0",
                    "DELETE FROM shop.items WHERE id % 11 = 0",
                    "UPDATE shop.items SET id = 1000 WHERE id = 1");
            awaitTableEquals(spark, table, mariaDb);
        }
    }

    private static void awaitTableEquals(TestingHudiQuery spark, String table, TestingMariaDb mariaDb) {
        Map<Integer, String> expected = new TreeMap<>();
        mariaDb.query("SELECT * FROM shop.items").forEach(row -> expected.put(((Number) row.get("id")).intValue(),
                row.get("name") + "|" + ((BigDecimal) row.get("price")).stripTrailingZeros().toPlainString()));
        Awaitility.await().atMost(TIMEOUT).pollInterval(Duration.ofSeconds(2)).until(() -> {
            try {
                return rows(spark, table).equals(expected);
            } catch (IllegalStateException e) {
                return false; // no table yet
            }
        });
    }

    private static Map<Integer, String> rows(TestingHudiQuery spark, String table) {
        Map<Integer, String> rows = new TreeMap<>();
        for (JsonNode row : spark.query(table, Map.of(), "select * from t")) {
            String previous = rows.put(row.get("id").asInt(), row.get("name").asText() + "|"
                    + row.get("price").decimalValue().stripTrailingZeros().toPlainString());
            assertThat(previous).as("a duplicate key %s", row.get("id")).isNull();
        }
        return rows;
    }
}
