package io.tributary.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.testkit.TestingConnect;
import io.tributary.testkit.TestingKafka;
import io.tributary.testkit.TestingMariaDb;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A Connect worker without any Debezium jar runs seed 003's source configuration with its transform named as the
 * seed names it, {@code io.debezium.transforms.ExtractNewRecordState}: the alias resolves to Tributary's unwrap.
 */
class DebeziumAliasIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void seed003sUnwrapClassNameRunsOnAWorkerWithoutDebezium() throws Exception {
        assertThatThrownBy(() -> Class.forName("io.debezium.transforms.ExtractNewRecordStateConfigDefinition"))
                .as("no Debezium jar on this worker").isInstanceOf(ClassNotFoundException.class);
        try (TestingMariaDb mariaDb = TestingMariaDb.create(); TestingKafka kafka = TestingKafka.create();
                TestingConnect connect = TestingConnect.create(kafka)) {
            mariaDb.execute("CREATE DATABASE salesdb",
                    "CREATE TABLE salesdb.SALES_ORDER (ORDER_ID INT PRIMARY KEY, SITE_ID INT NOT NULL)",
                    "INSERT INTO salesdb.SALES_ORDER VALUES (1, 10), (2, 20)");
            Map<String, String> config = new HashMap<>();
            config.put("connector.class", MySqlSourceConnector.class.getName());
            config.put("database.hostname", mariaDb.host());
            config.put("database.port", String.valueOf(mariaDb.port()));
            config.put("database.user", TestingMariaDb.CDC_USER);
            config.put("database.password", TestingMariaDb.CDC_PASSWORD);
            config.put("database.server.id", "123456");
            config.put("database.server.name", "salesdb");
            config.put("database.include.list", "salesdb");
            config.put("include.schema.changes", "false");
            config.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
            config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
            config.put("value.converter.schemas.enable", "false");
            config.put("transforms", "unwrap");
            config.put("transforms.unwrap.type", "io.debezium.transforms.ExtractNewRecordState");
            config.put("transforms.unwrap.delete.tombstone.handling.mode", "rewrite");
            connect.rest().putConnector("salesdb-source", config);

            String topic = "salesdb.salesdb.SALES_ORDER";
            Awaitility.await().atMost(TIMEOUT).ignoreExceptions().until(() -> kafka.readAll(topic).size() >= 2);
            mariaDb.execute("DELETE FROM salesdb.SALES_ORDER WHERE ORDER_ID = 2");
            Awaitility.await().atMost(TIMEOUT).until(() -> kafka.readAll(topic).size() >= 3);

            List<ConsumerRecord<String, String>> records = kafka.readAll(topic);
            assertThat(records).extracting(ConsumerRecord::key)
                    .containsExactly("Struct{ORDER_ID=1}", "Struct{ORDER_ID=2}", "Struct{ORDER_ID=2}");
            List<JsonNode> values = records.stream().map(record -> read(record.value())).toList();
            assertThat(values).extracting(value -> value.toString()).containsExactly(
                    "{\"ORDER_ID\":1,\"SITE_ID\":10,\"__deleted\":\"false\"}",
                    "{\"ORDER_ID\":2,\"SITE_ID\":20,\"__deleted\":\"false\"}",
                    "{\"ORDER_ID\":2,\"SITE_ID\":20,\"__deleted\":\"true\"}");
        }
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
