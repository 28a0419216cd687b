package io.tributary.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.tributary.server.TributaryServer;
import io.tributary.testkit.TestingMariaDb;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same requests, as a script written for Kafka Connect sends them, to a real Connect 4.3.1 worker running
 * Tributary's connector and to Tributary's own runtime, both capturing one MariaDB: the same status codes, the same
 * errors word for word, and answers of the same shape — the same keys and types, the same states, names and task ids;
 * configurations, worker ids, traces and offset values aside, which differ by nature. A connector is created,
 * changed and deleted on both; the one each starts with is stopped, paused and restarted.
 */
class RestApiParityIT {
    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Values that differ by nature, compared by type only. */
    private static final Set<String> BY_TYPE = Set.of("config", "worker_id", "trace", "offset");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** One answer: its status and body. */
    private record Answer(int status, JsonNode body) {
    }

    @Test
    void aConnectClientGetsTheSameAnswersFromTributaryAsFromAConnectWorker(@TempDir Path directory) throws Exception {
        try (TestingMariaDb mariaDb = TestingMariaDb.create();
                ConnectPipeline connect = ConnectPipeline.start(Map.of())) {
            mariaDb.execute("CREATE DATABASE shop", "CREATE TABLE shop.items (id INT PRIMARY KEY, name VARCHAR(20))",
                    "INSERT INTO shop.items VALUES (1, 'pen')", "CREATE DATABASE crm",
                    "CREATE TABLE crm.people (id INT PRIMARY KEY, name VARCHAR(20))");
            String worker = connect.connect().rest().url().toString().replaceFirst("/$", "");
            Map<String, String> shopOnConnect = source(mariaDb, "shop", 7101);
            assertThat(call(worker, "POST", "/connectors", JSON.writeValueAsString(Map.of("name", "shop",
                    "config", shopOnConnect))).status()).isEqualTo(201);
            Map<String, String> file = new LinkedHashMap<>(source(mariaDb, "shop", 7102));
            file.put("name", "shop");
            file.putAll(sinkAndOffsets(directory, "shop"));
            file.put("rest.port", "0");

            try (TributaryServer server = TributaryServer.start("shop.properties", file)) {
                String tributary = server.restUrl();
                List<String> both = List.of(worker, tributary);
                for (String url : both) {
                    Awaitility.await().atMost(TIMEOUT).until(() -> taskState(url, "shop").equals("RUNNING"));
                }
                Map<String, String> crm = source(mariaDb, "crm", 7103);
                Map<String, String> crmOnTributary = new LinkedHashMap<>(source(mariaDb, "crm", 7104));
                crmOnTributary.putAll(sinkAndOffsets(directory, "crm"));

                same(both, "GET", "/connectors", null);
                assertThat(plugin(worker)).as("the plugin as the worker lists it").isEqualTo(plugin(tributary));
                validatesAlike(worker, tributary, shopOnConnect);
                same(both, "GET", "/connectors?expand=status&expand=info", null);
                same(both, "GET", "/connectors/shop", null);
                same(both, "GET", "/connectors/shop/status", null);
                same(both, "GET", "/connectors/shop/tasks", null);
                same(both, "GET", "/connectors/shop/tasks/0/status", null);
                same(both, "GET", "/connectors/shop/tasks/5/status", null);
                same(both, "POST", "/connectors/shop/tasks/5/restart", null);
                same(both, "GET", "/connectors/nope", null);
                same(both, "GET", "/connectors/nope/status", null);
                same(both, "PUT", "/connectors/nope/pause", null);
                same(both, "PATCH", "/connectors/shop/offsets", "{\"offsets\":[{\"partition\":{\"server\":\"shop\"},"
                        + "\"offset\":{\"file\":\"binlog.000001\",\"pos\":4}}]}");
                same(both, "POST", "/connectors", JSON.writeValueAsString(Map.of("name", "shop", "config",
                        shopOnConnect)));
                same(both, "POST", "/connectors/shop/restart?includeTasks=true&onlyFailed=true", null);

                same(both, "PUT", "/connectors/shop/pause", null);
                for (String url : both) {
                    Awaitility.await().atMost(TIMEOUT).until(() -> taskState(url, "shop").equals("PAUSED"));
                }
                same(both, "GET", "/connectors/shop/status", null);
                same(both, "PUT", "/connectors/shop/resume", null);
                for (String url : both) {
                    Awaitility.await().atMost(TIMEOUT).until(() -> taskState(url, "shop").equals("RUNNING"));
                }
                for (String url : both) {
                    Awaitility.await("an offset stored by " + url).atMost(TIMEOUT).until(() -> !call(url, "GET",
                            "/connectors/shop/offsets", null).body().path("offsets").isEmpty());
                }
                same(both, "GET", "/connectors/shop/offsets", null);
                same(both, "PUT", "/connectors/shop/stop", null);
                for (String url : both) {
                    Awaitility.await().atMost(TIMEOUT).until(() -> call(url, "GET", "/connectors/shop/status", null)
                            .body().at("/connector/state").asText().equals("STOPPED"));
                }
                same(both, "GET", "/connectors/shop/status", null);
                same(both, "GET", "/connectors/shop/tasks", null);
                same(both, "PUT", "/connectors/shop/resume", null);

                sameAnswer(List.of(call(worker, "POST", "/connectors", JSON.writeValueAsString(Map.of("name", "crm",
                        "config", crm))), call(tributary, "POST", "/connectors", JSON.writeValueAsString(Map.of(
                        "name", "crm", "config", crmOnTributary)))), "POST /connectors crm");
                for (String url : both) {
                    Awaitility.await().atMost(TIMEOUT).until(() -> taskState(url, "crm").equals("RUNNING"));
                }
                crm.put("snapshot.mode", "no_data");
                crmOnTributary.put("snapshot.mode", "no_data");
                sameAnswer(List.of(call(worker, "PUT", "/connectors/crm/config", JSON.writeValueAsString(crm)),
                        call(tributary, "PUT", "/connectors/crm/config", JSON.writeValueAsString(crmOnTributary))),
                        "PUT /connectors/crm/config");
                same(both, "PATCH", "/connectors/crm/config", "{\"snapshot.mode\": \"initial\"}");
                same(both, "DELETE", "/connectors/crm", null);
                for (String url : both) {
                    Awaitility.await().atMost(TIMEOUT).until(() -> call(url, "GET", "/connectors/crm", null)
                            .status() == 404);
                }
                same(both, "GET", "/connectors/crm", null);
                same(both, "GET", "/connectors", null);
            }
        }
    }

    private static Map<String, String> source(TestingMariaDb mariaDb, String database, int serverId) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("connector.class", "io.tributary.connect.MySqlSourceConnector");
        config.put("database.hostname", mariaDb.host());
        config.put("database.port", String.valueOf(mariaDb.port()));
        config.put("database.user", TestingMariaDb.CDC_USER);
        config.put("database.password", TestingMariaDb.CDC_PASSWORD);
        config.put("database.server.id", String.valueOf(serverId));
        config.put("topic.prefix", database);
        config.put("database.include.list", database);
        config.put("include.schema.changes", "false");
        return config;
    }

    private static Map<String, String> sinkAndOffsets(Path directory, String name) {
        return Map.of("sinks", "files", "sink.files.type", "file", "sink.files.directory",
                directory.resolve("events-" + name).toString(), "offset.storage.dir",
                directory.resolve("offsets").toString());
    }

    /** Sends the request to each and asserts the answers alike. */
    private void same(List<String> urls, String method, String path, String body) throws Exception {
        sameAnswer(urls.stream().map(url -> {
            try {
                return call(url, method, path, body);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList(), method + " " + path);
    }

    private static void sameAnswer(List<Answer> answers, String request) {
        Answer connect = answers.get(0);
        Answer tributary = answers.get(1);
        assertThat(tributary.status()).as("%s: status (Connect answered %s)", request, connect.body())
                .isEqualTo(connect.status());
        assertThat(shape(tributary.body(), null)).as("%s: the answer's shape", request)
                .isEqualTo(shape(connect.body(), null));
    }

    /** The answer with what differs by nature reduced to its type, and object keys in order of name. */
    private static JsonNode shape(JsonNode node, String key) {
        if (node == null) {
            return null;
        }
        if (key != null && BY_TYPE.contains(key)) {
            return TextNode.valueOf("<" + node.getNodeType() + ">");
        }
        if (node.isObject()) {
            ObjectNode shaped = JSON.createObjectNode();
            java.util.List<String> names = new java.util.ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.stream().sorted().forEach(name -> shaped.set(name, shape(node.get(name), name)));
            return shaped;
        }
        if (node.isArray()) {
            ArrayNode shaped = JSON.createArrayNode();
            for (Iterator<JsonNode> elements = node.elements(); elements.hasNext();) {
                shaped.add(shape(elements.next(), null));
            }
            return shaped;
        }
        return node;
    }

    /**
     * A source configuration with mistakes validated by both: the same plugin name, and for each key of the source
     * the same definition and the same errors (the worker adds its own common keys, Tributary a pipeline's sinks).
     */
    private void validatesAlike(String worker, String tributary, Map<String, String> source) throws Exception {
        Map<String, String> wrong = new LinkedHashMap<>(source);
        wrong.put("snapshot.mode", "sometimes");
        wrong.remove("database.hostname");
        String path = "/connector-plugins/MySqlSourceConnector/config/validate";
        Answer connect = call(worker, "PUT", path, JSON.writeValueAsString(wrong));
        Answer ours = call(tributary, "PUT", path, JSON.writeValueAsString(wrong));
        assertThat(ours.status()).isEqualTo(connect.status()).isEqualTo(200);
        assertThat(ours.body().get("name")).isEqualTo(connect.body().get("name"));
        Map<String, JsonNode> connectConfigs = configsByName(connect.body());
        Map<String, JsonNode> ourConfigs = configsByName(ours.body());
        assertThat(ourConfigs.get("snapshot.mode").at("/value/errors")).as("errors found").isNotEmpty();
        for (String key : new java.util.TreeSet<>(connect.body().findValuesAsText("name"))) {
            JsonNode theirs = connectConfigs.get(key);
            if (theirs == null || !ourConfigs.containsKey(key) || theirs.at("/definition/group").isTextual()) {
                continue; // a worker's own key (grouped: Common, Transforms, ...), not the source's
            }
            assertThat(ourConfigs.get(key)).as("validate: %s", key).isEqualTo(theirs);
        }
        assertThat(ourConfigs.keySet()).as("every key of the source the worker shows")
                .containsAll(connectConfigs.entrySet().stream().filter(entry -> !entry.getValue()
                        .at("/definition/group").isTextual()).map(Map.Entry::getKey).toList());
    }

    private static Map<String, JsonNode> configsByName(JsonNode answer) {
        Map<String, JsonNode> configs = new LinkedHashMap<>();
        answer.get("configs").forEach(config -> configs.put(config.at("/definition/name").asText(), config));
        return configs;
    }

    /** The entry of Tributary's source connector in {@code GET /connector-plugins}. */
    private JsonNode plugin(String url) throws Exception {
        for (JsonNode plugin : call(url, "GET", "/connector-plugins", null).body()) {
            if (plugin.get("class").asText().equals("io.tributary.connect.MySqlSourceConnector")) {
                return plugin;
            }
        }
        return null;
    }

    private String taskState(String url, String connector) throws Exception {
        return call(url, "GET", "/connectors/" + connector + "/status", null).body().at("/tasks/0/state").asText();
    }

    private Answer call(String url, String method, String path, String body) throws Exception {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url + path))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .header("Accept", "application/json").method(method, publisher).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body().isEmpty() ? null : JSON.readTree(response.body()));
    }
}
