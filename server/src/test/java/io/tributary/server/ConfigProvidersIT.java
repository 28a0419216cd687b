package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import ch.qos.logback.classic.Level;
import io.tributary.api.config.ConfigException;
import io.tributary.testkit.LogCapture;
import io.tributary.testkit.TestingMariaDb;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pipeline file whose database password comes from Kafka's FileConfigProvider runs against a real MariaDB; the
 * password is in no log line, REST answer or error.
 */
class ConfigProvidersIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String USER = "vaulted";
    private static final String PASSWORD = "Pr0vided-By-A-File-7x";

    @Test
    void aPasswordFromAFileProviderConnectsAndIsNeverShown(@TempDir Path directory) throws Exception {
        try (TestingMariaDb mariaDb = TestingMariaDb.create();
                LogCapture log = new LogCapture(Level.DEBUG, "io.tributary", "org.apache.kafka")) {
            mariaDb.execute("CREATE DATABASE shop",
                    "CREATE TABLE shop.items (id INT PRIMARY KEY, name VARCHAR(20))",
                    "INSERT INTO shop.items VALUES (1, 'pen'), (2, 'ink')",
                    "CREATE USER '" + USER + "'@'%' IDENTIFIED BY '" + PASSWORD + "'",
                    "GRANT " + TestingMariaDb.CDC_PRIVILEGES + " ON *.* TO '" + USER + "'@'%'");
            Path credentials = Files.writeString(directory.resolve("db.properties"), "password=" + PASSWORD + "\n");
            Path pipelineFile = pipelineFile(mariaDb, directory, "${file:" + credentials + ":password}");
            assertThat(Files.readString(pipelineFile)).doesNotContain(PASSWORD);
            Path events = directory.resolve("events/shop.shop.items.jsonl");

            try (TributaryServer server = TributaryServer.start(pipelineFile)) {
                Awaitility.await().atMost(TIMEOUT).until(() -> Files.exists(events)
                        && Files.readAllLines(events).size() == 2);
                mariaDb.execute("INSERT INTO shop.items VALUES (3, 'cap')");
                Awaitility.await().atMost(TIMEOUT).until(() -> Files.readAllLines(events).size() == 3);

                String config = get(server.restUrl() + "/connectors/shop/config");
                assertThat(config).contains("${file:" + credentials + ":password}").doesNotContain(PASSWORD);
                assertThat(get(server.restUrl() + "/connectors/shop")).doesNotContain(PASSWORD);
            }
            assertThat(log.lines()).as("log lines").isNotEmpty().noneMatch(line -> line.contains(PASSWORD));
        }
    }

    @Test
    void aReferenceThatDoesNotResolveStopsTheStartBeforeAnythingConnects(@TempDir Path directory) throws Exception {
        Path credentials = Files.writeString(directory.resolve("db.properties"), "password=" + PASSWORD + "\n");
        try (TestingMariaDb mariaDb = TestingMariaDb.create()) {
            Path pipelineFile = pipelineFile(mariaDb, directory, "${file:" + credentials + ":passwd}");

            assertThatThrownBy(() -> TributaryServer.start(pipelineFile)).isInstanceOf(ConfigException.class)
                    .hasMessageContaining("database.password: ${file:" + credentials + ":passwd} did not resolve")
                    .hasMessageNotContaining(PASSWORD);
            assertThat(directory.resolve("offsets")).as("no offset store was opened").doesNotExist();
        }
    }

    @Test
    void aFailureShowsTheReferenceOfAProvidedUserNotTheUser(@TempDir Path directory) throws Exception {
        Path credentials = Files.writeString(directory.resolve("db.properties"), "user=" + USER + "\n");
        try (TestingMariaDb mariaDb = TestingMariaDb.create()) {
            Path pipelineFile = pipelineFile(mariaDb, directory, "not-the-password");
            String userReference = "${file:" + credentials + ":user}";
            Files.writeString(pipelineFile, Files.readString(pipelineFile).replace("database.user=" + USER,
                    "database.user=" + userReference));

            try (TributaryServer server = TributaryServer.start(pipelineFile)) {
                Awaitility.await().atMost(TIMEOUT).until(() -> server.pipeline().state() == Pipeline.State.FAILED);
                assertThat(server.pipeline().error()).hasValueSatisfying(error -> assertThat(error)
                        .contains("refused user '" + userReference + "'").doesNotContain("'" + USER + "'"));
                assertThat(server.pipeline().trace()).hasValueSatisfying(trace -> assertThat(trace)
                        .doesNotContain("'" + USER + "'"));
            }
        }
    }

    /** A pipeline file on disk into a file sink, connecting as {@link #USER} with {@code password} as written. */
    private static Path pipelineFile(TestingMariaDb mariaDb, Path directory, String password) throws Exception {
        Map<String, String> pipeline = new java.util.TreeMap<>(StandalonePipelineIT.pipeline(mariaDb, null,
                directory, "false"));
        pipeline.keySet().removeIf(key -> key.startsWith("sink.kafka."));
        pipeline.put("sinks", "files");
        pipeline.put("database.user", USER);
        pipeline.put("database.password", password);
        pipeline.put("config.providers", "file");
        pipeline.put("config.providers.file.class", "org.apache.kafka.common.config.provider.FileConfigProvider");
        pipeline.put("config.providers.file.param.allowed.paths", directory.toString());
        return Files.writeString(directory.resolve("shop.properties"), pipeline.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue()).collect(Collectors.joining("\n")));
    }

    private static String get(String url) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return response.body();
    }
}
