package io.tributary.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.tributary.server.ServerMain;
import io.tributary.server.TributaryServer;
import io.tributary.testkit.ChildJvm;
import io.tributary.testkit.TestingBinlogServer;
import io.tributary.testkit.TestingDynamoDb;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario S4 with no Kafka at all: seed 003's source configuration (unwrap included) and its DynamoDB sink
 * configuration, endpoints swapped, in one standalone pipeline. 29,000 existing orders, then live inserts, updates
 * and deletes: the DynamoDB table ends equal to the MySQL table — also when the pipeline's process is killed
 * during the load and started again. {@code MariaDbSeedS4StandaloneIT} runs it on MariaDB; {@code
 * MySqlSeedS4StandaloneIT} in compat-mysql on MySQL, the server the seed runs on (Aurora MySQL).
 */
abstract class SeedS4StandaloneIT {
    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    abstract TestServer server();

    @Test
    void salesOrdersReachDynamoDbAndStayEqual(@TempDir Path directory) {
        try (TestingBinlogServer database = server().start(); TestingDynamoDb dynamo = TestingDynamoDb.create()) {
            SalesOrders.create(database);
            Map<String, String> pipeline = pipeline(database, dynamo, directory);

            try (TributaryServer server = TributaryServer.start("salesdb.properties", pipeline)) {
                Awaitility.await().atMost(TIMEOUT).pollInterval(Duration.ofSeconds(1))
                        .until(() -> SalesOrders.items(dynamo).size() == 29_000);
                SalesOrders.change(database);
                database.execute("UPDATE salesdb.SALES_ORDER SET SHIP_MODE = NULL WHERE ORDER_ID = 29050");
                Map<Integer, List<String>> expected = SalesOrders.rows(database);
                Awaitility.await().atMost(TIMEOUT).pollInterval(Duration.ofSeconds(1))
                        .until(() -> SalesOrders.items(dynamo).equals(expected));
            }
        }
    }

    @Test
    void killedMidLoadAndRestartedTheTableStillConverges(@TempDir Path directory) throws Exception {
        try (TestingBinlogServer database = server().start(); TestingDynamoDb dynamo = TestingDynamoDb.create()) {
            SalesOrders.create(database);
            Map<String, String> pipeline = pipeline(database, dynamo, directory);
            pipeline.put("snapshot.fetch.size", "500");
            pipeline.put("max.batch.size", "200");
            Path file = directory.resolve("salesdb.properties");
            Properties properties = new Properties();
            properties.putAll(pipeline);
            try (var out = Files.newOutputStream(file)) {
                properties.store(out, null);
            }
            Process first = ChildJvm.start(ServerMain.class, directory.resolve("server.log"), file.toString());
            try {
                // killed once part of the snapshot is stored with its offset: the restart resumes it. (Killed before
                // any offset is stored, it would take a new snapshot, which cannot remove the rows deleted meanwhile.)
                Path offsets = directory.resolve("offsets").resolve("salesdb.offsets.json");
                Awaitility.await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(200))
                        .until(() -> Files.exists(offsets) && SalesOrders.items(dynamo).size() > 5_000);
                first.destroyForcibly().waitFor();
                assertThat(SalesOrders.items(dynamo).size()).as("killed during the load").isLessThan(29_000);
                database.execute("UPDATE salesdb.SALES_ORDER SET SHIP_MODE = 'LATE' WHERE ORDER_ID % 97 = 0",
                        "DELETE FROM salesdb.SALES_ORDER WHERE ORDER_ID % 1001 = 0");

                Process second = ChildJvm.start(ServerMain.class, directory.resolve("server.log"), file.toString());
                Map<Integer, List<String>> expected = SalesOrders.rows(database);
                Awaitility.await().atMost(TIMEOUT).pollInterval(Duration.ofSeconds(1))
                        .until(() -> SalesOrders.items(dynamo).equals(expected));
                second.destroy();
                second.waitFor();
            } finally {
                first.destroyForcibly();
            }
        }
    }

    /** Seed 003's source and sink configurations, endpoints swapped, as one standalone pipeline. */
    private static Map<String, String> pipeline(TestingBinlogServer database, TestingDynamoDb dynamo, Path directory) {
        Map<String, String> pipeline = new HashMap<>(SeedConfigs.load("003-rds-salesdb-dynamodb.properties"));
        pipeline.put("connector.class", "io.tributary.connect.MySqlSourceConnector");
        pipeline.put("database.hostname", database.host());
        pipeline.put("database.port", String.valueOf(database.port()));
        pipeline.put("database.user", TestingBinlogServer.CDC_USER);
        pipeline.put("database.password", TestingBinlogServer.CDC_PASSWORD);
        pipeline.put("sinks", "dynamodb");
        pipeline.put("sink.dynamodb.type", "dynamodb");
        SeedConfigs.load("003-dynamodb-sink.properties").forEach((key, value) ->
                pipeline.put("sink.dynamodb." + key, value));
        pipeline.put("sink.dynamodb.aws.dynamodb.region", TestingDynamoDb.REGION.id());
        pipeline.put("sink.dynamodb.aws.dynamodb.endpoint", dynamo.endpoint().toString());
        pipeline.put("sink.dynamodb.aws.access.key.id", TestingDynamoDb.CREDENTIALS.accessKeyId());
        pipeline.put("sink.dynamodb.aws.secret.access.key", TestingDynamoDb.CREDENTIALS.secretAccessKey());
        pipeline.put("offset.storage.dir", directory.resolve("offsets").toString());
        pipeline.put("rest.port", "-1");
        return pipeline;
    }
}
