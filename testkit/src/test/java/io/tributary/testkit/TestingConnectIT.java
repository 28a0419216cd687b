package io.tributary.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestingConnectIT {

    @Test
    void connectorDeployedThroughRestRunsOnATwoWorkerCluster(@TempDir Path directory) throws IOException {
        Path input = Files.writeString(directory.resolve("lines.txt"), "first line\nsecond line\n");
        try (TestingKafka kafka = TestingKafka.create();
                TestingConnect first = TestingConnect.create(kafka);
                TestingConnect second = TestingConnect.joining(first)) {

            first.rest().putConnector("lines", Map.of(
                    "connector.class", "org.apache.kafka.connect.file.FileStreamSourceConnector",
                    "tasks.max", "1",
                    "file", input.toString(),
                    "topic", "lines"));

            // the second worker answers for a connector it was never told about: one cluster, shared config topic
            Awaitility.await().atMost(Duration.ofSeconds(60))
                    .until(() -> second.rest().isRunning("lines", 1));
            assertThat(second.rest().connectors()).containsExactly("lines");
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> kafka.readAll("lines").size() == 2);
            List<ConsumerRecord<String, String>> records = kafka.readAll("lines");
            assertThat(records).extracting(ConsumerRecord::value).containsExactly(
                    "{\"schema\":{\"type\":\"string\",\"optional\":false},\"payload\":\"first line\"}",
                    "{\"schema\":{\"type\":\"string\",\"optional\":false},\"payload\":\"second line\"}");
        }
    }

    @Test
    void validateEndpointReportsMissingSettings() {
        try (TestingKafka kafka = TestingKafka.create(); TestingConnect worker = TestingConnect.create(kafka)) {
            var result = worker.rest().validate("org.apache.kafka.connect.file.FileStreamSourceConnector",
                    Map.of("connector.class", "org.apache.kafka.connect.file.FileStreamSourceConnector",
                            "name", "broken"));

            assertThat(result.path("error_count").asInt()).isPositive();
        }
    }
}
