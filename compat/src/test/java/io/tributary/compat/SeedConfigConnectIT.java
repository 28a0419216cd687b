package io.tributary.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.tributary.testkit.TestingConnect;
import io.tributary.testkit.TestingKafka;
import io.tributary.testkit.TestingBinlogServer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Seed 001's connector configuration, with only the class and endpoints changed, runs on a Kafka Connect worker
 * and fills {@code ecommerce-server.ecommerce.orders} with the same events Debezium produces (3.5 on MariaDB, 3.6 on
 * MySQL, the seed's own server).
 */
abstract class SeedConfigConnectIT {
    private static final String TOPIC = "ecommerce-server.ecommerce.orders";
    private static final String SCHEMA_TOPIC = "ecommerce-server";
    // a ceiling: Debezium's MySQL snapshot beside a Connect worker took over 90 s on a loaded 2-core machine
    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    abstract TestServer server();

    @Test
    void seed001ConfigOnConnectProducesDebeziumsEvents() throws Exception {
        try (TestingBinlogServer database = server().start();
                TestingKafka kafka = TestingKafka.create();
                TestingConnect connect = TestingConnect.create(kafka)) {
            database.execute("CREATE DATABASE ecommerce",
                    "CREATE TABLE ecommerce.orders (order_id INT PRIMARY KEY, customer VARCHAR(40) NOT NULL, "
                            + "total DECIMAL(10,2), created_at DATETIME NOT NULL, status ENUM('new','paid','sent'))",
                    "INSERT INTO ecommerce.orders VALUES (1, 'Ann', 19.99, '2026-11-20 10:00:00', 'new'), "
                            + "(2, 'Bob', 5.00, '2026-11-21 11:30:00', 'paid')");
            Map<String, String> tributaryConfig = SeedConfigs.pointedAt("001-aurora-msk-connect.properties",
                    "io.tributary.connect.MySqlSourceConnector", database, kafka);
            Map<String, String> debeziumConfig = new HashMap<>(SeedConfigs.pointedAt(
                    "001-aurora-msk-connect.properties", SeedConfigs.debeziumConnector(database), database, kafka));
            debeziumConfig.put("database.server.id", "123457");

            EventLog debeziumLog = new EventLog("seed-001-debezium");
            try (DebeziumCapture debezium = DebeziumCapture.start(database, "ecommerce-server", true, debeziumConfig,
                    debeziumLog)) {
                connect.rest().putConnector("aurora-ecommerce", tributaryConfig);
                Awaitility.await().atMost(TIMEOUT).until(() -> connect.rest().isRunning("aurora-ecommerce", 1));
                Awaitility.await().atMost(TIMEOUT).until(() -> kafka.readAll(TOPIC).size() == 2);

                database.execute("INSERT INTO ecommerce.orders VALUES (3, 'Cy', NULL, '2026-11-22 09:15:00', 'new')",
                        "UPDATE ecommerce.orders SET status = 'sent', total = 21.00 WHERE order_id = 1",
                        "DELETE FROM ecommerce.orders WHERE order_id = 2");
                // 2 reads, a create, an update, a delete and its tombstone
                Awaitility.await().atMost(TIMEOUT).until(() -> kafka.readAll(TOPIC).size() == 6);
                debezium.awaitEvents(TOPIC, 6, TIMEOUT);
            }

            EventLog tributaryLog = logOf(kafka, TOPIC, "seed-001-tributary");
            assertThat(tributaryLog.size()).isEqualTo(6);
            DifferentialReport.compare(debeziumLog.onlyTopic(TOPIC), tributaryLog);
            // include.schema.changes=true: the DDL of the snapshot on the topic named after the server
            EventLog tributarySchemaLog = logOf(kafka, SCHEMA_TOPIC, "seed-001-schema-tributary");
            assertThat(tributarySchemaLog.size()).isPositive();
            DifferentialReport.compare(debeziumLog.onlyTopic(SCHEMA_TOPIC), tributarySchemaLog);
        }
    }

    private static EventLog logOf(TestingKafka kafka, String topic, String name) {
        EventLog log = new EventLog(name);
        for (ConsumerRecord<String, String> record : kafka.readAll(topic)) {
            log.add(new CapturedEvent(record.topic(), record.key(), record.value()));
        }
        return log;
    }
}
