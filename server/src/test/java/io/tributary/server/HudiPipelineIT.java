package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.testkit.TestingHudiQuery;
import io.tributary.testkit.TestingMariaDb;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seed 002's data lake end to end: MariaDB through the standalone runtime into a merge-on-read Hudi table, read back
 * by Spark SQL with Hudi's Spark bundle. After the snapshot, a mixed stream (inserts, updates, deletes, a key change,
 * an added column) and a restart, the table equals the source table row for row, without duplicate keys.
 */
class HudiPipelineIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(180);

    @Test
    void theLakeTableFollowsTheSourceTableAcrossARestart(@TempDir Path directory) throws Exception {
        try (TestingMariaDb mariaDb = TestingMariaDb.create();
                TestingHudiQuery spark = TestingHudiQuery.start(directory.resolve("query-engine.log"))) {
            mariaDb.execute("CREATE DATABASE shop",
                    "CREATE TABLE shop.items (id INT PRIMARY KEY, name VARCHAR(20), price DECIMAL(8,2) NOT NULL)",
                    "INSERT INTO shop.items SELECT seq, CONCAT('item-', seq), seq / 4 FROM shop.seq_1_to_200");
            Map<String, String> pipeline = HudiPipelineIT.pipeline(mariaDb, directory);
            pipeline.put("sink.lake.hoodie.compact.inline.max.delta.commits", "2");
            pipeline.put("sink.lake.commit.interval.ms", "1000");
            String table = directory.resolve("lake").resolve("shop_shop_items").toUri().toString();

            try (TributaryServer server = TributaryServer.start("shop.properties", pipeline)) {
                awaitTableEquals(spark, table, mariaDb);
                mariaDb.execute("INSERT INTO shop.items VALUES (201, 'new', 9.99)",
                        "UPDATE shop.items SET name = 'renamed', price = price + 1 WHERE id % 7 = 0",
                        "DELETE FROM shop.items WHERE id % 11 = 0",
                        "UPDATE shop.items SET id = 1000 WHERE id = 1",
                        "ALTER TABLE shop.items ADD COLUMN note VARCHAR(20)",
                        "UPDATE shop.items SET note = 'noted' WHERE id % 5 = 0");
                awaitTableEquals(spark, table, mariaDb);
            }
            String beforeRestart = spark.query(table, Map.of(), "select max(_hoodie_commit_time) as c from t").get(0)
                    .get("c").asText();
            mariaDb.execute("INSERT INTO shop.items VALUES (202, 'after restart', 1.00, NULL)",
                    "DELETE FROM shop.items WHERE id = 2");
            try (TributaryServer server = TributaryServer.start("shop.properties", pipeline)) {
                awaitTableEquals(spark, table, mariaDb);
            }
            // resumed from the offset kept in the commits: no row was snapshotted again
            assertThat(spark.query(table, Map.of(), "select id from t where _change_operation_type = 'r' and "
                    + "_hoodie_commit_time > '" + beforeRestart + "'")).isEmpty();
            assertThat(spark.query(table, Map.of(), "select id from t where _hoodie_commit_time > '" + beforeRestart
                    + "'")).extracting(row -> row.get("id").asInt()).containsExactly(202);
        }
    }

    /**
     * A pipeline from {@code shop} on the MariaDB server into merge-on-read Hudi tables under
     * {@code <directory>/lake} (sink {@code lake}), no REST API.
     */
    static Map<String, String> pipeline(TestingMariaDb mariaDb, Path directory) {
        Map<String, String> pipeline = StandalonePipelineIT.pipeline(mariaDb, null, directory, "false");
        pipeline.keySet().removeIf(key -> key.startsWith("sink.") || key.startsWith("rest."));
        pipeline.put("sinks", "lake");
        pipeline.put("sink.lake.type", "hudi");
        pipeline.put("sink.lake.hoodie.base.path", directory.resolve("lake").toUri().toString());
        pipeline.put("sink.lake.hoodie.table.type", "MERGE_ON_READ");
        pipeline.put("rest.port", "-1");
        return pipeline;
    }

    private static void awaitTableEquals(TestingHudiQuery spark, String table, TestingMariaDb mariaDb) {
        Map<Integer, String> expected = new TreeMap<>();
        mariaDb.query("SELECT * FROM shop.items").forEach(row -> expected.put(((Number) row.get("id")).intValue(),
                row.get("name") + "|" + ((java.math.BigDecimal) row.get("price")).stripTrailingZeros().toPlainString()
                        + "|" + row.getOrDefault("note", null)));
        assertThat(expected).isNotEmpty();
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
            String note = row.has("note") && !row.get("note").isNull() ? row.get("note").asText() : "null";
            String previous = rows.put(row.get("id").asInt(), row.get("name").asText() + "|"
                    + row.get("price").decimalValue().stripTrailingZeros().toPlainString() + "|" + note);
            assertThat(previous).as("a duplicate key %s", row.get("id")).isNull();
        }
        return rows;
    }
}
