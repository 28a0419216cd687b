package io.tributary.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.tributary.testkit.TestingBinlogServer;
import io.tributary.testkit.TestingConnect;
import io.tributary.testkit.TestingKafka;
import io.tributary.testkit.TestingSchemaRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Tributary's source connector on a real Kafka Connect worker with Apicurio Registry's {@code AvroConverter} (2.6, in
 * Confluent's wire format) for keys and values, set on the connector as Connect users set it: the topic holds what
 * Debezium 3.5's connector gives through the same converter — the same registered schemas and values, snapshot and
 * streaming, including a column added while streaming. Each writes into a registry of its own (two converters
 * registering one schema at the same moment race in Apicurio 2.6's client, and the worker's task would die of it),
 * so records are compared by schema and value, not id; {@code AvroDifferentialIT} compares ids in one registry.
 */
class AvroOnConnectIT {
    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    private static final String TOPIC = "avro.shop.items";

    @Test
    void theSourceOnAWorkerWithApicuriosConverterWritesWhatDebeziumDoes() throws Exception {
        try (TestingBinlogServer database = TestServer.MARIADB.start();
                TestingKafka kafka = TestingKafka.create();
                TestingSchemaRegistry registry = TestingSchemaRegistry.create();
                TestingSchemaRegistry debeziumRegistry = TestingSchemaRegistry.create();
                TestingConnect connect = TestingConnect.create(kafka)) {
            database.execute("CREATE DATABASE shop",
                    "CREATE TABLE shop.items (id INT PRIMARY KEY, name VARCHAR(20) NOT NULL, price DECIMAL(8,2), "
                            + "added DATETIME(3) DEFAULT '2026-01-01 00:00:00', tag ENUM('a','b') DEFAULT 'a')",
                    "INSERT INTO shop.items (id, name, price) VALUES (1, 'pen', 1.50), (2, 'ink', NULL)");
            Map<String, String> converters = new HashMap<>();
            for (String side : new String[] {"key", "value"}) {
                converters.put(side + ".converter", "io.apicurio.registry.utils.converter.AvroConverter");
                registry.apicurioConfluentSettings().forEach((key, value) ->
                        converters.put(side + ".converter." + key, value));
            }
            Map<String, String> config = new HashMap<>(converters);
            config.put("connector.class", "io.tributary.connect.MySqlSourceConnector");
            config.put("database.hostname", database.host());
            config.put("database.port", String.valueOf(database.port()));
            config.put("database.user", TestingBinlogServer.CDC_USER);
            config.put("database.password", TestingBinlogServer.CDC_PASSWORD);
            config.put("database.server.id", "5411");
            config.put("topic.prefix", "avro");
            config.put("database.include.list", "shop");
            config.put("include.schema.changes", "false");

            AvroForm debeziumAvro = new AvroForm("avro-on-connect-debezium", debeziumRegistry, false);
            EventLog debeziumJson = new EventLog("avro-on-connect-debezium-json");
            try (DebeziumCapture debezium = DebeziumCapture.start(database, "avro",
                    Map.of("database.include.list", "shop", "include.schema.changes", "false"),
                    JsonForms.of(true, debeziumJson).withAvro(debeziumAvro))) {
                connect.rest().putConnector("avro-items", config);
                Awaitility.await().atMost(TIMEOUT).until(() -> connect.rest().isRunning("avro-items", 1));
                Awaitility.await().atMost(TIMEOUT).until(() -> records(kafka).size() == 2);
                database.execute("INSERT INTO shop.items (id, name) VALUES (3, 'nib')",
                        "ALTER TABLE shop.items ADD COLUMN note VARCHAR(10) NULL",
                        "UPDATE shop.items SET note = 'blue', price = 2.25 WHERE id = 1",
                        "DELETE FROM shop.items WHERE id = 2");
                // 2 reads, a create, an update, a delete and its tombstone
                Awaitility.await().atMost(TIMEOUT).until(() -> records(kafka).size() == 6);
                debezium.awaitEvents(TOPIC, 6, TIMEOUT);
            }

            AvroForm tributaryAvro = new AvroForm("avro-on-connect-tributary", registry, false);
            for (ConsumerRecord<byte[], byte[]> record : records(kafka)) {
                tributaryAvro.addWritten(record.topic(), record.key(), record.value());
            }
            assertThat(tributaryAvro.log().size()).isEqualTo(6);
            DifferentialReport.compare(debeziumAvro.log().onlyTopic(TOPIC), tributaryAvro.log());
            debeziumJson.close();
        }
    }

    private static java.util.List<ConsumerRecord<byte[], byte[]>> records(TestingKafka kafka) {
        try {
            return kafka.readAll(TOPIC, new ByteArrayDeserializer(), new ByteArrayDeserializer(),
                    IsolationLevel.READ_UNCOMMITTED);
        } catch (RuntimeException notYet) {
            return java.util.List.of();
        }
    }
}
