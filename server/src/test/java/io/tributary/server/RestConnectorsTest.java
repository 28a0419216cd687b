package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pipelines created, changed and removed through the REST API as Kafka Connect's connectors are, beside the pipeline
 * file's, kept in the runtime's directory across a restart. Their sources are {@link IdleSource}s (the engine, the
 * offset store and the file sinks are real).
 */
class RestConnectorsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path directory;
    private RestFixture api;

    @BeforeEach
    void start() {
        api = new RestFixture(directory, Map.of());
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void createsChangesAndDeletesPipelinesAsConnectDoesConnectors() throws Exception {
        HttpResponse<String> created = post("orders", config("orders"));
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).endsWith("/connectors/orders"));
        assertThat(json(created).get("name").asText()).isEqualTo("orders");
        assertThat(json(created).at("/config/database.password").asText()).isEqualTo("[hidden]");
        assertThat(json(created).at("/config/sinks").asText()).as("the whole configuration shown").isEqualTo("out");
        assertThat(json(created).get("tasks")).as("not yet made, as Connect answers").isEmpty();
        assertThat(json(api.get("/connectors"))).isEqualTo(JSON.readTree("[\"shop\",\"orders\"]"));
        await().atMost(Duration.ofSeconds(30)).until(() -> state("orders").equals("RUNNING"));

        assertError(post("orders", config("orders")), 409, "Connector orders already exists");
        Map<String, String> changed = config("orders");
        changed.put("offset.flush.interval.ms", "250");
        HttpResponse<String> put = api.callWithBody("PUT", "/connectors/orders/config", "application/json",
                JSON.writeValueAsString(changed));
        assertThat(put.statusCode()).as("changed, not created").isEqualTo(200);
        assertThat(api.pipelines().get("orders")).hasValueSatisfying(pipeline ->
                assertThat(pipeline.config().offsetFlushIntervalMs()).isEqualTo(250));
        HttpResponse<String> patched = api.callWithBody("PATCH", "/connectors/orders/config", "application/json",
                "{\"offset.flush.interval.ms\": null, \"snapshot.mode\": \"no_data\"}");
        assertThat(patched.statusCode()).isEqualTo(200);
        assertThat(json(patched).at("/config/snapshot.mode").asText()).isEqualTo("no_data");
        assertThat(json(patched).at("/config").has("offset.flush.interval.ms")).as("a key patched to null").isFalse();

        HttpResponse<String> createdByPut = api.callWithBody("PUT", "/connectors/items/config", "application/json",
                JSON.writeValueAsString(config("items")));
        assertThat(createdByPut.statusCode()).isEqualTo(201);
        JsonNode expanded = json(api.get("/connectors?expand=status"));
        assertThat(expanded.fieldNames()).toIterable().containsExactly("shop", "orders", "items");

        assertThat(api.call("DELETE", "/connectors/orders").statusCode()).isEqualTo(204);
        assertError(api.get("/connectors/orders"), 404, "Connector orders not found");
        assertError(api.call("DELETE", "/connectors/orders"), 404, "Connector orders not found");
        assertThat(json(api.get("/connectors"))).isEqualTo(JSON.readTree("[\"shop\",\"items\"]"));
    }

    @Test
    void refusesWhatItCannotRunWithEveryProblemAtOnce() throws Exception {
        Map<String, String> bad = config("bad");
        bad.remove("sinks");
        bad.put("rest.port", "9999");
        bad.put("topic.prefix", RestFixture.NAME);
        HttpResponse<String> refused = post("bad", bad);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).get("message").asText()).contains("sinks", "rest.port",
                "topic.prefix: 'shop' is pipeline shop's too");
        assertThat(api.pipelines().names()).containsExactly(RestFixture.NAME);

        assertError(api.callWithBody("POST", "/connectors", "application/json", "{\"name\": \"x\"}"), 400,
                "\"config\"");
        assertError(api.callWithBody("PUT", "/connectors/shop/config", "application/json",
                JSON.writeValueAsString(config("shop"))), 409, "pipeline shop is the pipeline file's");
        assertError(api.call("DELETE", "/connectors/shop"), 409, "pipeline shop is the pipeline file's");
        Map<String, String> first = config("first");
        first.put("database.server.id", "7001");
        assertThat(post("first", first).statusCode()).isEqualTo(201);
        Map<String, String> sameId = config("second");
        sameId.put("database.server.id", "7001");
        assertError(post("second", sameId), 400, "database.server.id: 7001 is pipeline first's replica server id "
                + "on 127.0.0.1:3306 too");
        Map<String, String> otherName = config("one");
        assertError(api.callWithBody("PUT", "/connectors/two/config", "application/json",
                JSON.writeValueAsString(otherName)), 400, "the configuration names 'one', the request 'two'");
    }

    @Test
    void pipelinesCreatedThroughTheApiRunAgainAfterARestart() throws Exception {
        assertThat(post("orders", config("orders")).statusCode()).isEqualTo(201);
        api.close();
        api = new RestFixture(directory, Map.of());
        assertThat(api.pipelines().names()).containsExactly(RestFixture.NAME, "orders");
        await().atMost(Duration.ofSeconds(30)).until(() -> state("orders").equals("RUNNING"));
        assertThat(json(api.get("/connectors/orders/config")).get("database.password").asText())
                .isEqualTo("[hidden]");
        assertThat(api.call("DELETE", "/connectors/orders").statusCode()).isEqualTo(204);
        api.close();
        api = new RestFixture(directory, Map.of());
        assertThat(api.pipelines().names()).as("deleted for good").containsExactly(RestFixture.NAME);
    }

    @Test
    void expiredConfigProviderValuesAreReadAgainByARestartUnlessReloadIsNone() throws Exception {
        TtlConfigProvider.VALUE.set("first");
        Map<String, String> kept = rotating("kept");
        kept.put("config.action.reload", "none");
        assertThat(post("kept", kept).statusCode()).isEqualTo(201);
        assertThat(post("rotated", rotating("rotated")).statusCode()).isEqualTo(201);
        assertThat(user("rotated")).isEqualTo("first");

        TtlConfigProvider.VALUE.set("second");
        await().atMost(Duration.ofSeconds(30)).until(() -> user("rotated").equals("second"));
        assertThat(user("kept")).as("config.action.reload=none").isEqualTo("first");
        await().atMost(Duration.ofSeconds(30)).until(() -> state("rotated").equals("RUNNING"));
        assertThat(json(api.get("/connectors/rotated/config")).get("database.user").asText())
                .as("shown as written").isEqualTo("${ttl:db:user}");
        assertError(post("bad", withReload(rotating("bad"), "sometimes")), 400,
                "config.action.reload: expected restart or none");
    }

    private static Map<String, String> withReload(Map<String, String> config, String action) {
        config.put("config.action.reload", action);
        return config;
    }

    /** A pipeline whose database user comes from a provider whose values live 200 ms. */
    private Map<String, String> rotating(String name) {
        Map<String, String> config = config(name);
        config.put("config.providers", "ttl");
        config.put("config.providers.ttl.class", TtlConfigProvider.class.getName());
        config.put("config.providers.ttl.param.ttl.ms", "200");
        config.put("database.user", "${ttl:db:user}");
        return config;
    }

    private String user(String name) {
        return api.pipelines().get(name).orElseThrow().config().source().get("database.user");
    }

    /** A pipeline of an idle source into a file sink, its offsets beside the file pipeline's. */
    private Map<String, String> config(String name) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("name", name);
        config.put("connector.class", "io.debezium.connector.mysql.MySqlConnector");
        config.put("database.hostname", "127.0.0.1");
        config.put("database.user", "cdc");
        config.put("database.password", "another-secret");
        config.put("topic.prefix", name);
        config.put("sinks", "out");
        config.put("sink.out.type", "file");
        config.put("sink.out.directory", directory.resolve("events-" + name).toString());
        config.put("offset.storage.dir", directory.resolve("offsets").toString());
        return config;
    }

    private HttpResponse<String> post(String name, Map<String, String> config) throws Exception {
        return api.callWithBody("POST", "/connectors", "application/json",
                JSON.writeValueAsString(Map.of("name", name, "config", config)));
    }

    private String state(String name) throws Exception {
        return json(api.get("/connectors/" + name + "/status")).at("/tasks/0/state").asText();
    }

    private void assertError(HttpResponse<String> response, int status, String message) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(json(response).get("error_code").asInt()).isEqualTo(status);
        assertThat(json(response).get("message").asText()).contains(message);
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }
}
