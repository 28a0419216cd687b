package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.tributary.testkit.FreePorts;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the runtime says when its surroundings are wrong: each error names what was expected and what to do. */
class RuntimeErrorsIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void unreachableKafkaIsRetriedThenReportedClearlyInStatusAndHealth(@TempDir Path directory) throws Exception {
        Map<String, String> pipeline = pipeline(directory);
        pipeline.put("sinks", "kafka,files");
        pipeline.put("sink.kafka.type", "kafka");
        pipeline.put("sink.kafka.bootstrap.servers", "127.0.0.1:" + FreePorts.next());
        pipeline.put("sink.kafka.connect.timeout.ms", "2000");

        try (TributaryServer server = TributaryServer.start("shop.properties", pipeline)) {
            Awaitility.await().atMost(TIMEOUT).until(() -> server.pipeline().state() == Pipeline.State.FAILED);

            assertThat(server.pipeline().error().orElseThrow())
                    .contains("cannot reach Kafka at 127.0.0.1:")
                    .containsPattern("after [2-9] attempts in 2000 ms")
                    .contains("check bootstrap.servers");
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> status = http.send(HttpRequest.newBuilder(
                    URI.create(server.restUrl() + "/connectors/shop/status")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(status.body()).contains("\"state\":\"FAILED\"").contains("cannot reach Kafka");
            assertThat(http.send(HttpRequest.newBuilder(URI.create(server.restUrl() + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(503);
        }
    }

    @Test
    void aTakenRestPortIsRefusedAndReleasesTheOffsetStore(@TempDir Path directory) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Map<String, String> pipeline = pipeline(directory);
            pipeline.put("rest.port", String.valueOf(taken.getLocalPort()));

            assertThatThrownBy(() -> TributaryServer.start("shop.properties", pipeline))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("the REST port 127.0.0.1:" + taken.getLocalPort() + " is in use")
                    .hasMessageContaining("set rest.port");
            pipeline.put("rest.port", "-1");
            TributaryServer.start("shop.properties", pipeline).close();
        }
    }

    @Test
    void aSecondInstanceOnTheSameOffsetStoreIsRefused(@TempDir Path directory) {
        Map<String, String> pipeline = pipeline(directory);
        pipeline.put("rest.port", "-1");
        try (TributaryServer first = TributaryServer.start("shop.properties", pipeline)) {
            assertThatThrownBy(() -> TributaryServer.start("shop.properties", pipeline))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("shop.offsets.json is in use by another Tributary process")
                    .hasMessageContaining("offset.storage.dir");
        }
    }

    /** A pipeline whose source is never reached in these tests: a file sink, a free port for the database. */
    private static Map<String, String> pipeline(Path directory) {
        Map<String, String> pipeline = new HashMap<>();
        pipeline.put("name", "shop");
        pipeline.put("database.hostname", "127.0.0.1");
        pipeline.put("database.port", String.valueOf(FreePorts.next()));
        pipeline.put("database.user", "cdc");
        pipeline.put("database.password", "secret-password");
        pipeline.put("topic.prefix", "shop");
        pipeline.put("sinks", "files");
        pipeline.put("sink.files.type", "file");
        pipeline.put("sink.files.directory", directory.resolve("events").toString());
        pipeline.put("offset.storage.dir", directory.resolve("offsets").toString());
        pipeline.put("rest.port", "0");
        return pipeline;
    }
}
