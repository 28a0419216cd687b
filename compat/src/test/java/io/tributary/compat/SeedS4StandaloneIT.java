package io.tributary.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.tributary.server.TributaryServer;
import io.tributary.testkit.TestingDynamoDb;
import io.tributary.testkit.TestingMariaDb;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Scenario S4 with no Kafka at all: seed 003's source configuration (unwrap included) and its DynamoDB sink
 * configuration, endpoints swapped, in one standalone pipeline. 29,000 existing orders, then live inserts, updates
 * and deletes: the DynamoDB table ends equal to the MySQL table.
 */
class SeedS4StandaloneIT {
    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    private static final String TABLE = "kafka_salesdb.salesdb.SALES_ORDER";

    @Test
    void salesOrdersReachDynamoDbAndStayEqual(@TempDir Path directory) {
        try (TestingMariaDb mariaDb = TestingMariaDb.create(); TestingDynamoDb dynamo = TestingDynamoDb.create()) {
            mariaDb.execute("CREATE DATABASE salesdb",
                    "CREATE TABLE salesdb.SALES_ORDER (ORDER_ID INT PRIMARY KEY, SITE_ID INT NOT NULL, "
                            + "ORDER_DATE DATETIME NOT NULL, SHIP_MODE VARCHAR(20))",
                    "INSERT INTO salesdb.SALES_ORDER SELECT seq, 1000 + seq % 2000, "
                            + "'2022-06-15 07:52:16' - INTERVAL seq MINUTE, ELT(1 + seq % 3, 'STANDARD', 'ONE-DAY', "
                            + "'TWO-DAY') FROM salesdb.seq_1_to_29000");

            Map<String, String> pipeline = new HashMap<>(SeedConfigs.load("003-rds-salesdb-dynamodb.properties"));
            pipeline.put("connector.class", "io.tributary.connect.MySqlSourceConnector");
            pipeline.put("database.hostname", mariaDb.host());
            pipeline.put("database.port", String.valueOf(mariaDb.port()));
            pipeline.put("database.user", TestingMariaDb.CDC_USER);
            pipeline.put("database.password", TestingMariaDb.CDC_PASSWORD);
            pipeline.put("sinks", "dynamodb");
            pipeline.put("sink.dynamodb.type", "dynamodb");
            SeedConfigs.load("003-dynamodb-sink.properties").forEach((key, value) ->
                    pipeline.put("sink.dynamodb." + key, value));
            pipeline.put("sink.dynamodb.aws.dynamodb.region", TestingDynamoDb.REGION.id());
            pipeline.put("sink.dynamodb.aws.dynamodb.endpoint", dynamo.endpoint().toString());
            pipeline.put("sink.dynamodb.aws.access.key.id", TestingDynamoDb.CREDENTIALS.accessKeyId());
            pipeline.put("sink.dynamodb.aws.secret.access.key", TestingDynamoDb.CREDENTIALS.secretAccessKey());
            pipeline.put("offset.storage.dir", directory.toString());
            pipeline.put("rest.port", "-1");

            try (TributaryServer server = TributaryServer.start("salesdb.properties", pipeline)) {
                Awaitility.await().atMost(TIMEOUT).pollInterval(Duration.ofSeconds(1))
                        .until(() -> items(dynamo).size() == 29_000);
                mariaDb.execute("INSERT INTO salesdb.SALES_ORDER SELECT seq, 3000 + seq, '2022-06-16 08:00:00', "
                                + "'EXPRESS' FROM salesdb.seq_29001_to_29100",
                        "UPDATE salesdb.SALES_ORDER SET SHIP_MODE = 'UPGRADED' WHERE ORDER_ID % 290 = 0",
                        "DELETE FROM salesdb.SALES_ORDER WHERE ORDER_ID % 580 = 1",
                        "UPDATE salesdb.SALES_ORDER SET SHIP_MODE = NULL WHERE ORDER_ID = 29050");
                Map<Integer, List<String>> expected = rows(mariaDb);
                Awaitility.await().atMost(TIMEOUT).pollInterval(Duration.ofSeconds(1))
                        .until(() -> items(dynamo).equals(expected));
            }
        }
    }

    /** Every order: SITE_ID, ORDER_DATE as Debezium's epoch milliseconds, SHIP_MODE. */
    private static Map<Integer, List<String>> rows(TestingMariaDb mariaDb) {
        Map<Integer, List<String>> rows = new TreeMap<>();
        for (Map<String, Object> row : mariaDb.query("SELECT ORDER_ID, SITE_ID, "
                + "TIMESTAMPDIFF(SECOND, '1970-01-01 00:00:00', ORDER_DATE) * 1000 AS MILLIS, SHIP_MODE "
                + "FROM salesdb.SALES_ORDER")) {
            rows.put(((Number) row.get("ORDER_ID")).intValue(), List.of(row.get("SITE_ID").toString(),
                    row.get("MILLIS").toString(), String.valueOf(row.get("SHIP_MODE"))));
        }
        return rows;
    }

    private static Map<Integer, List<String>> items(TestingDynamoDb dynamo) {
        Map<Integer, List<String>> items = new TreeMap<>();
        try {
            dynamo.client().scanPaginator(builder -> builder.tableName(TABLE)).items().forEach(item ->
                    items.put(Integer.valueOf(item.get("ORDER_ID").n()), List.of(item.get("SITE_ID").n(),
                            item.get("ORDER_DATE").n(), text(item.get("SHIP_MODE")))));
        } catch (software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException notYet) {
            return Map.of();
        }
        return items;
    }

    private static String text(AttributeValue value) {
        return Boolean.TRUE.equals(value.nul()) ? "null" : value.s();
    }
}
