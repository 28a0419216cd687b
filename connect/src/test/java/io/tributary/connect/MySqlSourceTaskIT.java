package io.tributary.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.tributary.testkit.TestingConnect;
import io.tributary.testkit.TestingKafka;
import io.tributary.testkit.TestingMariaDb;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Kafka Connect never retries a task's start: a source whose server is down when the task starts must not fail for
 * good. The task waits, retrying as errors.max.retries says, and captures once the server is up.
 */
class MySqlSourceTaskIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @Test
    void aTaskStartedWhileTheServerIsDownCapturesOnceItIsUp() {
        try (TestingMariaDb mariaDb = TestingMariaDb.create(); TestingKafka kafka = TestingKafka.create();
                TestingConnect connect = TestingConnect.create(kafka)) {
            mariaDb.execute("CREATE DATABASE shop", "CREATE TABLE shop.items (id INT PRIMARY KEY)",
                    "INSERT INTO shop.items VALUES (1)");
            mariaDb.stopServer();
            Map<String, String> config = new HashMap<>();
            config.put("connector.class", MySqlSourceConnector.class.getName());
            config.put("database.hostname", mariaDb.host());
            config.put("database.port", String.valueOf(mariaDb.port()));
            config.put("database.user", TestingMariaDb.CDC_USER);
            config.put("database.password", TestingMariaDb.CDC_PASSWORD);
            config.put("topic.prefix", "shop");
            config.put("include.schema.changes", "false");
            config.put("connect.timeout.ms", "1000");
            config.put("errors.max.retries", "-1");
            config.put("errors.retry.delay.max.ms", "500");
            connect.rest().putConnector("shop-source", config);
            // the task runs (waiting for the server) rather than failing
            Awaitility.await().atMost(TIMEOUT).until(() -> connect.rest().isRunning("shop-source", 1));

            mariaDb.startServer();
            mariaDb.execute("INSERT INTO shop.items VALUES (2)");
            Awaitility.await().atMost(TIMEOUT).ignoreExceptions()
                    .until(() -> kafka.readAll("shop.shop.items").size() >= 2);
            assertThat(connect.rest().isRunning("shop-source", 1)).isTrue();
        }
    }
}
