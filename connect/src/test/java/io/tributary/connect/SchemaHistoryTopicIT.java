package io.tributary.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.testkit.BinlogSettings;
import io.tributary.testkit.TestingConnect;
import io.tributary.testkit.TestingKafka;
import io.tributary.testkit.TestingMariaDb;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * On Kafka Connect the source keeps its schema history in {@code schema.history.internal.kafka.topic}, so that a
 * task started on another worker, behind a DDL statement it has not read yet, decodes the rows written before the
 * statement with the table as it was then. The server writes no column names in its table maps
 * ({@code binlog_row_metadata=MINIMAL}): without the history, such rows cannot be decoded at all. The topic named
 * is Debezium's; Tributary's is beside it, with {@code .tributary} added.
 */
class SchemaHistoryTopicIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final String TOPIC = "shop.shop.items";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aTaskOnANewWorkerBehindDdlDecodesOlderRowsWithTheTableAsItWas() throws Exception {
        try (TestingMariaDb mariaDb = TestingMariaDb.create(
                BinlogSettings.cdcReady().withRowMetadata(BinlogSettings.RowMetadata.MINIMAL));
                TestingKafka kafka = TestingKafka.create()) {
            mariaDb.execute("CREATE DATABASE shop",
                    "CREATE TABLE shop.items (id INT PRIMARY KEY, name VARCHAR(20), qty INT)",
                    "INSERT INTO shop.items VALUES (1, 'pen', 10)");
            Map<String, String> cluster = cluster();
            try (TestingConnect first = TestingConnect.create(kafka, cluster)) {
                first.rest().putConnector("shop-source", connector(mariaDb, kafka));
                mariaDb.execute("INSERT INTO shop.items VALUES (2, 'ink', 20)");
                Awaitility.await("the snapshot and a streamed row").atMost(TIMEOUT).ignoreExceptions()
                        .until(() -> ids(kafka).containsAll(List.of(1, 2)));
            } // the worker stops cleanly, storing the task's offsets

            // while no worker runs: a row of the old layout, a column dropped, a row of the new one
            mariaDb.execute("INSERT INTO shop.items VALUES (3, 'cap', 30)",
                    "ALTER TABLE shop.items DROP COLUMN qty",
                    "INSERT INTO shop.items VALUES (4, 'pad')");

            try (TestingConnect second = TestingConnect.create(kafka, cluster)) {
                Awaitility.await("the rows written while no worker ran").atMost(TIMEOUT).ignoreExceptions()
                        .until(() -> ids(kafka).containsAll(List.of(3, 4)));
                assertThat(second.rest().isRunning("shop-source", 1)).isTrue();
            }
            assertThat(after(kafka, 3)).isEqualTo(JSON.readTree("{\"id\":3,\"name\":\"cap\",\"qty\":30}"));
            assertThat(after(kafka, 4)).isEqualTo(JSON.readTree("{\"id\":4,\"name\":\"pad\"}"));
            assertThat(kafka.readAll("shop-history.tributary")).as("Tributary's history topic's lines").isNotEmpty();
            try (Admin admin = kafka.admin()) {
                assertThat(admin.listTopics().names().get()).as("Debezium's history topic, untouched")
                        .doesNotContain("shop-history");
            }
        }
    }

    @Test
    void aCompactedHistoryTopicIsRefusedSayingWhatToSet() throws Exception {
        try (TestingMariaDb mariaDb = TestingMariaDb.create();
                TestingKafka kafka = TestingKafka.create()) {
            mariaDb.execute("CREATE DATABASE shop", "CREATE TABLE shop.items (id INT PRIMARY KEY, name VARCHAR(20))");
            try (Admin admin = kafka.admin()) {
                admin.createTopics(List.of(new NewTopic("shop-history.tributary", 1, (short) 1)
                        .configs(Map.of("cleanup.policy", "compact")))).all().get();
            }
            try (TestingConnect connect = TestingConnect.create(kafka, cluster())) {
                connect.rest().putConnector("shop-source", connector(mariaDb, kafka));
                String trace = Awaitility.await("the task to fail").atMost(TIMEOUT).ignoreExceptions()
                        .until(() -> connect.rest().connectorStatus("shop-source").tasks().get(0).trace(),
                                java.util.Optional::isPresent)
                        .orElseThrow();
                assertThat(trace).contains("shop-history.tributary", "cleanup.policy=compact",
                        "Set cleanup.policy=delete");
            }
        }
    }

    /** A Connect cluster's settings, so that a worker started later joins the same cluster and finds its tasks. */
    private static Map<String, String> cluster() {
        String group = "connect-" + UUID.randomUUID().toString().substring(0, 8);
        return Map.of("group.id", group, "config.storage.topic", group + "-configs",
                "offset.storage.topic", group + "-offsets", "status.storage.topic", group + "-status",
                "key.converter.schemas.enable", "false", "value.converter.schemas.enable", "false");
    }

    private static Map<String, String> connector(TestingMariaDb mariaDb, TestingKafka kafka) {
        Map<String, String> config = new HashMap<>();
        config.put("connector.class", MySqlSourceConnector.class.getName());
        config.put("database.hostname", mariaDb.host());
        config.put("database.port", String.valueOf(mariaDb.port()));
        config.put("database.user", TestingMariaDb.CDC_USER);
        config.put("database.password", TestingMariaDb.CDC_PASSWORD);
        config.put("topic.prefix", "shop");
        config.put("database.include.list", "shop");
        config.put("include.schema.changes", "false");
        config.put("schema.history.internal.kafka.topic", "shop-history");
        config.put("schema.history.internal.kafka.bootstrap.servers", kafka.bootstrapServers());
        return config;
    }

    private static List<Integer> ids(TestingKafka kafka) {
        return kafka.readAll(TOPIC).stream().map(ConsumerRecord::value).filter(value -> value != null)
                .map(SchemaHistoryTopicIT::readTree).map(value -> value.path("after").path("id").asInt())
                .toList();
    }

    private static JsonNode after(TestingKafka kafka, int id) {
        return kafka.readAll(TOPIC).stream().map(ConsumerRecord::value).filter(value -> value != null)
                .map(SchemaHistoryTopicIT::readTree).map(value -> value.path("after"))
                .filter(after -> after.path("id").asInt() == id).reduce((earlier, later) -> later).orElseThrow();
    }

    private static JsonNode readTree(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
