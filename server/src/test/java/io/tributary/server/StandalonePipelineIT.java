package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.testkit.TestingKafka;
import io.tributary.testkit.TestingMariaDb;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** A pipeline file run in-process: snapshot then streaming into Kafka and files, operated through REST. */
class StandalonePipelineIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @ParameterizedTest(name = "exactly.once={0}")
    @ValueSource(booleans = {false, true})
    void snapshotThenStreamingReachKafkaAndFilesAndRestOperatesThePipeline(boolean exactlyOnce,
            @TempDir Path directory) throws Exception {
        try (TestingMariaDb mariaDb = TestingMariaDb.create(); TestingKafka kafka = TestingKafka.create()) {
            mariaDb.execute("CREATE DATABASE shop",
                    "CREATE TABLE shop.items (id INT PRIMARY KEY, name VARCHAR(20), price DECIMAL(8,2))",
                    "INSERT INTO shop.items VALUES (1, 'pen', 1.50), (2, 'ink', 7.25), (3, 'pad', 3.00)");
            Map<String, String> pipeline = pipeline(mariaDb, kafka, directory, String.valueOf(exactlyOnce));

            try (TributaryServer server = TributaryServer.start("shop.properties", pipeline)) {
                Awaitility.await().atMost(TIMEOUT).until(() -> values(kafka, "shop.shop.items").size() == 3);
                mariaDb.execute("INSERT INTO shop.items VALUES (4, 'cap', 2.00)",
                        "UPDATE shop.items SET price = 1.75 WHERE id = 1", "DELETE FROM shop.items WHERE id = 2");
                // Kafka's sink writes first; the file sink, the metrics and the stored offset follow it
                Path events = directory.resolve("events/shop.shop.items.jsonl");
                Awaitility.await().atMost(TIMEOUT).until(() -> values(kafka, "shop.shop.items").size() == 7
                        && Files.readAllLines(events).size() == 7 && server.pipeline().metrics().events() == 7
                        && (exactlyOnce || Files.exists(server.pipeline().offsetFile())));

                List<ConsumerRecord<String, String>> records = kafka.readAll("shop.shop.items");
                assertThat(records).extracting(record -> record.value() == null ? null
                        : JSON.readTree(record.value()).at("/payload/op").asText())
                        .containsExactly("r", "r", "r", "c", "u", "d", null);
                assertThat(JSON.readTree(records.get(0).key()).at("/payload/id").asInt()).isEqualTo(1);
                // the file sink writes the same bytes, a line per record
                List<String> lines = Files.readAllLines(events);
                assertThat(lines).hasSize(7);
                for (int i = 0; i < lines.size(); i++) {
                    JsonNode line = JSON.readTree(lines.get(i));
                    assertThat(line.get("key")).isEqualTo(JSON.readTree(records.get(i).key()));
                    assertThat(line.get("value")).isEqualTo(records.get(i).value() == null
                            ? JSON.nullNode() : JSON.readTree(records.get(i).value()));
                }
                // exactly-once keeps offsets in Kafka, in the events' transactions; otherwise they are in the file
                assertThat(Files.exists(server.pipeline().offsetFile())).isEqualTo(!exactlyOnce);

                String url = server.restUrl();
                assertThat(get(url + "/connectors")).isEqualTo(JSON.readTree("[\"shop\"]"));
                assertThat(get(url + "/connectors/shop/status").at("/tasks/0/state").asText()).isEqualTo("RUNNING");
                JsonNode config = get(url + "/connectors/shop/config");
                assertThat(config.get("database.password").asText()).isEqualTo("[hidden]");
                assertThat(config.toString()).doesNotContain(TestingMariaDb.CDC_PASSWORD);
                assertThat(get(url + "/connectors/shop/progress").at("/tables/shop.items/rows_read").asLong())
                        .isEqualTo(3);
                assertThat(get(url + "/connectors/shop/metrics").get("events").asLong()).isEqualTo(7);
                assertThat(get(url + "/health").get("status").asText()).isEqualTo("UP");
                assertThat(text(url + "/metrics")).contains("tributary_events_delivered_total{pipeline=\"shop\"} 7.0")
                        .contains("tributary_snapshot_rows_read{pipeline=\"shop\",table=\"shop.items\"} 3.0");
                assertThat(status(url + "/connectors/nope/status")).isEqualTo(404);

                assertThat(send("PUT", url + "/connectors/shop/pause", null)).isEqualTo(202);
                Awaitility.await().atMost(TIMEOUT).until(() -> get(url + "/connectors/shop/status")
                        .at("/tasks/0/state").asText().equals("PAUSED"));
                mariaDb.execute("INSERT INTO shop.items VALUES (5, 'mug', 9.00)");
                assertThat(values(kafka, "shop.shop.items")).as("nothing delivered while paused").hasSize(7);
                assertThat(send("PUT", url + "/connectors/shop/resume", null)).isEqualTo(202);
                Awaitility.await().atMost(TIMEOUT).until(() -> values(kafka, "shop.shop.items").size() == 8);

                assertThat(send("POST", url + "/connectors/shop/restart", null)).isEqualTo(204);
                mariaDb.execute("INSERT INTO shop.items VALUES (6, 'cup', 4.00)");
                Awaitility.await().atMost(TIMEOUT).until(() -> values(kafka, "shop.shop.items").size() == 9);
                assertThat(kafka.readAll("shop.shop.items")).extracting(record -> record.value() == null ? null
                        : JSON.readTree(record.value()).at("/payload/after/id").asInt())
                        .as("after a restart, streaming resumes where it stopped: nothing twice")
                        .containsExactly(1, 2, 3, 4, 1, 0, null, 5, 6);

                Map<String, String> bad = new HashMap<>(pipeline);
                bad.put("snapshot.mode", "sometimes");
                bad.put("sink.kafka.type", "kafak");
                JsonNode validation = JSON.readTree(sendForBody("PUT",
                        url + "/connector-plugins/MySqlSourceConnector/config/validate", JSON.writeValueAsString(bad)));
                assertThat(validation.get("error_count").asInt()).isEqualTo(2);
                assertThat(validation.toString()).contains("snapshot.mode").contains("unknown sink type 'kafak'");
            }
        }
    }

    @Test
    void transformsInConnectSyntaxRunBetweenSourceAndSinks(@TempDir Path directory) throws Exception {
        try (TestingMariaDb mariaDb = TestingMariaDb.create()) {
            mariaDb.execute("CREATE DATABASE shop", "CREATE TABLE shop.items (id INT PRIMARY KEY, name VARCHAR(20))",
                    "INSERT INTO shop.items VALUES (1, 'pen')");
            Map<String, String> pipeline = pipeline(mariaDb, null, directory, "false");
            pipeline.keySet().removeIf(key -> key.startsWith("sink.kafka"));
            pipeline.put("sinks", "files");
            pipeline.put("rest.port", "-1");
            pipeline.put("transforms", "route,dropTombstones,unwrap");
            pipeline.put("transforms.route.type", "org.apache.kafka.connect.transforms.RegexRouter");
            pipeline.put("transforms.route.regex", "shop\\.shop\\.(.*)");
            pipeline.put("transforms.route.replacement", "$1-changes");
            pipeline.put("transforms.dropTombstones.type", "org.apache.kafka.connect.transforms.Filter");
            pipeline.put("transforms.dropTombstones.predicate", "isTombstone");
            pipeline.put("transforms.unwrap.type", "io.debezium.transforms.ExtractNewRecordState");
            pipeline.put("transforms.unwrap.delete.tombstone.handling.mode", "rewrite");
            pipeline.put("transforms.unwrap.add.headers", "op,db");
            pipeline.put("predicates", "isTombstone");
            pipeline.put("predicates.isTombstone.type",
                    "org.apache.kafka.connect.transforms.predicates.RecordIsTombstone");
            Path events = directory.resolve("events/items-changes.jsonl");

            try (TributaryServer server = TributaryServer.start("shop.properties", pipeline)) {
                Awaitility.await().atMost(TIMEOUT).until(() -> Files.exists(events));
                mariaDb.execute("INSERT INTO shop.items VALUES (2, 'ink')", "DELETE FROM shop.items WHERE id = 1");
                Awaitility.await().atMost(TIMEOUT).until(() -> Files.exists(events)
                        && Files.readAllLines(events).size() >= 3);

                assertThat(Files.readAllLines(events)).extracting(line -> JSON.readTree(line).at("/value/payload/id")
                        .asInt()).containsExactly(1, 2, 1);
                assertThat(Files.readAllLines(events)).extracting(line -> JSON.readTree(line).at("/headers").toString())
                        .containsExactly("[{\"key\":\"__op\",\"value\":\"r\"},{\"key\":\"__db\",\"value\":\"shop\"}]",
                                "[{\"key\":\"__op\",\"value\":\"c\"},{\"key\":\"__db\",\"value\":\"shop\"}]",
                                "[{\"key\":\"__op\",\"value\":\"d\"},{\"key\":\"__db\",\"value\":\"shop\"}]");
                assertThat(directory.resolve("events/shop.shop.items.jsonl")).doesNotExist();
            }
        }
    }

    /**
     * A second pipeline created through the REST API, as a Connect connector is: it snapshots and streams its own
     * database beside the file's pipeline, shows in the runtime's metrics, runs again after a restart of the runtime,
     * and stops for good when deleted.
     */
    @Test
    void pipelinesCreatedThroughRestRunBesideTheFilesAndSurviveARestart(@TempDir Path directory) throws Exception {
        try (TestingMariaDb mariaDb = TestingMariaDb.create()) {
            mariaDb.execute("CREATE DATABASE shop", "CREATE TABLE shop.items (id INT PRIMARY KEY, name VARCHAR(20))",
                    "CREATE DATABASE crm", "CREATE TABLE crm.people (id INT PRIMARY KEY, name VARCHAR(20))",
                    "INSERT INTO shop.items VALUES (1, 'pen')", "INSERT INTO crm.people VALUES (1, 'Ada')");
            Map<String, String> pipeline = pipeline(mariaDb, null, directory, "false");
            pipeline.keySet().removeIf(key -> key.startsWith("sink.kafka"));
            pipeline.put("sinks", "files");
            Map<String, String> crm = new HashMap<>(pipeline);
            crm.keySet().removeIf(key -> key.startsWith("rest."));
            crm.put("name", "crm");
            crm.put("topic.prefix", "crm");
            crm.put("database.server.id", "6102");
            crm.put("database.include.list", "crm");
            crm.put("sink.files.directory", directory.resolve("crm-events").toString());
            Path people = directory.resolve("crm-events/crm.crm.people.jsonl");

            try (TributaryServer server = TributaryServer.start("shop.properties", pipeline)) {
                String url = server.restUrl();
                assertThat(send("POST", url + "/connectors", JSON.writeValueAsString(Map.of("name", "crm",
                        "config", crm)))).isEqualTo(201);
                Awaitility.await().atMost(TIMEOUT).until(() -> lines(people) == 1);
                mariaDb.execute("INSERT INTO crm.people VALUES (2, 'Grace')");
                Awaitility.await().atMost(TIMEOUT).until(() -> lines(people) == 2);
                assertThat(get(url + "/connectors")).isEqualTo(JSON.readTree("[\"shop\",\"crm\"]"));
                assertThat(text(url + "/metrics")).contains("tributary_events_delivered_total{pipeline=\"crm\"} 2.0");
            }
            mariaDb.execute("INSERT INTO crm.people VALUES (3, 'Edsger')");
            try (TributaryServer server = TributaryServer.start("shop.properties", pipeline)) {
                Awaitility.await().atMost(TIMEOUT).until(() -> lines(people) == 3);
                assertThat(Files.readAllLines(people)).extracting(line -> JSON.readTree(line)
                        .at("/value/payload/after/id").asInt()).as("resumed where it stopped: nothing twice")
                        .containsExactly(1, 2, 3);
                assertThat(send("DELETE", server.restUrl() + "/connectors/crm", null)).isEqualTo(204);
                assertThat(server.pipelines().names()).containsExactly("shop");
            }
            try (TributaryServer server = TributaryServer.start("shop.properties", pipeline)) {
                assertThat(server.pipelines().names()).as("deleted for good").containsExactly("shop");
            }
        }
    }

    /**
     * A runtime file's runtime ({@code tributary serve}): no pipeline of its own; one created through the API
     * captures, is kept in the runtime's directory with its offsets, and resumes after a restart.
     */
    @Test
    void aRuntimeFileRunsThePipelinesItsApiCreates(@TempDir Path directory) throws Exception {
        try (TestingMariaDb mariaDb = TestingMariaDb.create()) {
            mariaDb.execute("CREATE DATABASE crm", "CREATE TABLE crm.people (id INT PRIMARY KEY, name VARCHAR(20))",
                    "INSERT INTO crm.people VALUES (1, 'Ada')");
            Map<String, String> runtime = Map.of("rest.port", "0", "offset.storage.dir",
                    directory.resolve("runtime").toString());
            Map<String, String> crm = pipeline(mariaDb, null, directory, "false");
            crm.keySet().removeIf(key -> key.startsWith("sink.kafka") || key.startsWith("rest.")
                    || key.equals("offset.storage.dir"));
            crm.put("sinks", "files");
            crm.put("topic.prefix", "crm");
            crm.put("database.include.list", "crm");
            crm.remove("name");
            Path people = directory.resolve("events/crm.crm.people.jsonl");

            try (TributaryServer server = TributaryServer.serve("runtime.properties", runtime)) {
                assertThat(get(server.restUrl() + "/connectors")).isEmpty();
                assertThat(send("PUT", server.restUrl() + "/connectors/crm/config", JSON.writeValueAsString(crm)))
                        .isEqualTo(201);
                Awaitility.await().atMost(TIMEOUT).until(() -> lines(people) == 1);
            }
            assertThat(directory.resolve("runtime/connectors/crm.json")).exists();
            assertThat(directory.resolve("runtime/crm.offsets.json")).as("offsets in the runtime's directory").exists();
            mariaDb.execute("INSERT INTO crm.people VALUES (2, 'Grace')");
            try (TributaryServer server = TributaryServer.serve("runtime.properties", runtime)) {
                Awaitility.await().atMost(TIMEOUT).until(() -> lines(people) == 2);
                assertThat(get(server.restUrl() + "/connectors")).isEqualTo(JSON.readTree("[\"crm\"]"));
            }
        }
    }

    private static long lines(Path file) throws java.io.IOException {
        return Files.exists(file) ? Files.readAllLines(file).size() : 0;
    }

    static Map<String, String> pipeline(TestingMariaDb mariaDb, TestingKafka kafka, Path directory,
            String exactlyOnce) {
        Map<String, String> pipeline = new HashMap<>();
        pipeline.put("name", "shop");
        pipeline.put("connector.class", "io.debezium.connector.mysql.MySqlConnector");
        pipeline.put("database.hostname", mariaDb.host());
        pipeline.put("database.port", String.valueOf(mariaDb.port()));
        pipeline.put("database.user", TestingMariaDb.CDC_USER);
        pipeline.put("database.password", TestingMariaDb.CDC_PASSWORD);
        pipeline.put("database.server.id", "6101");
        pipeline.put("topic.prefix", "shop");
        pipeline.put("database.include.list", "shop");
        pipeline.put("include.schema.changes", "false");
        pipeline.put("sinks", "kafka,files");
        pipeline.put("sink.kafka.type", "kafka");
        pipeline.put("sink.kafka.bootstrap.servers", kafka == null ? "127.0.0.1:9" : kafka.bootstrapServers());
        pipeline.put("sink.kafka.exactly.once", exactlyOnce);
        pipeline.put("sink.files.type", "file");
        pipeline.put("sink.files.directory", directory.resolve("events").toString());
        pipeline.put("offset.storage.dir", directory.resolve("offsets").toString());
        pipeline.put("rest.port", "0");
        return pipeline;
    }

    static List<String> values(TestingKafka kafka, String topic) {
        try {
            return kafka.readAll(topic, new StringDeserializer(), new StringDeserializer(),
                    IsolationLevel.READ_COMMITTED).stream().map(ConsumerRecord::value).toList();
        } catch (RuntimeException notReadable) {
            // the topic may not exist yet; anything else is printed, so a timed-out wait shows why
            System.err.println("reading " + topic + " read_committed failed: " + notReadable);
            return List.of();
        }
    }

    private JsonNode get(String url) throws Exception {
        return JSON.readTree(sendForBody("GET", url, null));
    }

    private String text(String url) throws Exception {
        return sendForBody("GET", url, null);
    }

    private int status(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private int send(String method, String url, String body) throws Exception {
        return exchange(method, url, body).statusCode();
    }

    private String sendForBody(String method, String url, String body) throws Exception {
        return exchange(method, url, body).body();
    }

    private HttpResponse<String> exchange(String method, String url, String body) throws Exception {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8);
        return http.send(HttpRequest.newBuilder(URI.create(url)).method(method, publisher)
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    }
}
