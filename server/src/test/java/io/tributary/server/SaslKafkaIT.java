package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.tributary.testkit.TestingKafka;
import io.tributary.testkit.TestingMariaDb;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Producer security settings pass through to Kafka unchanged, as seed 000's SASL connection to MSK needs. */
class SaslKafkaIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String JAAS = "org.apache.kafka.common.security.plain.PlainLoginModule required "
            + "username=\"tributary\" password=\"%s\";";

    @Test
    void eventsReachAKafkaThatRequiresSaslAndAWrongPasswordIsReportedWithoutIt(@TempDir Path directory)
            throws Exception {
        try (TestingMariaDb mariaDb = TestingMariaDb.create();
                TestingKafka kafka = TestingKafka.withSaslPlain("tributary", "kafka-Secret-9")) {
            mariaDb.execute("CREATE DATABASE shop", "CREATE TABLE shop.items (id INT PRIMARY KEY)",
                    "INSERT INTO shop.items VALUES (1), (2)");
            Map<String, String> pipeline = StandalonePipelineIT.pipeline(mariaDb, kafka, directory, "true");
            pipeline.put("sink.kafka.bootstrap.servers", kafka.saslBootstrapServers());
            pipeline.put("sink.kafka.security.protocol", "SASL_PLAINTEXT");
            pipeline.put("sink.kafka.sasl.mechanism", "PLAIN");
            pipeline.put("sink.kafka.sasl.jaas.config", String.format(JAAS, "kafka-Secret-9"));

            try (TributaryServer server = TributaryServer.start("shop.properties", pipeline)) {
                Awaitility.await().atMost(TIMEOUT)
                        .until(() -> StandalonePipelineIT.values(kafka, "shop.shop.items").size() == 2);
            }

            pipeline.put("sink.kafka.sasl.jaas.config", String.format(JAAS, "Wrong-Password-7"));
            pipeline.put("sink.kafka.connect.timeout.ms", "3000");
            pipeline.put("offset.storage.dir", directory.resolve("other-offsets").toString());
            try (TributaryServer server = TributaryServer.start("shop.properties", pipeline)) {
                Awaitility.await().atMost(TIMEOUT).until(() -> server.pipeline().state() == Pipeline.State.FAILED);
                assertThat(server.pipeline().error().orElseThrow())
                        .contains("refused the credentials").contains("Authentication failed")
                        .doesNotContain("Wrong-Password-7");
                assertThat(server.pipeline().trace().orElseThrow()).doesNotContain("Wrong-Password-7");
            }
        }
    }
}
