package io.tributary.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The registry as Confluent's clients see it: its ccompat API, ids, and the BACKWARD rule it starts with. */
class TestingSchemaRegistryIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String ORDERS = "{\"type\":\"record\",\"name\":\"Value\",\"namespace\":\"shop.orders\","
            + "\"fields\":[{\"name\":\"id\",\"type\":\"int\"}]}";

    private static TestingSchemaRegistry registry;

    @BeforeAll
    static void start() {
        registry = TestingSchemaRegistry.create();
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    @Test
    void aSchemaRegisteredUnderTwoSubjectsHasOneIdAndIsReadBackByIt() throws Exception {
        HttpResponse<String> first = register("orders-value", ORDERS);
        HttpResponse<String> second = register("orders-copy-value", ORDERS);

        assertThat(first.statusCode()).isEqualTo(200);
        int id = JSON.readTree(first.body()).get("id").asInt();
        assertThat(JSON.readTree(second.body()).get("id").asInt()).isEqualTo(id);
        JsonNode byId = JSON.readTree(get("/schemas/ids/" + id).body());
        assertThat(JSON.readTree(byId.get("schema").asText())).isEqualTo(JSON.readTree(ORDERS));
        assertThat(JSON.readTree(get("/subjects").body())).extracting(JsonNode::asText)
                .contains("orders-value", "orders-copy-value");
    }

    @Test
    void aChangeTheBackwardRuleRefusesIsAConflictAndOneItAllowsIsANewVersion() throws Exception {
        register("customers-value", ORDERS.replace("shop.orders", "shop.customers"));
        String required = "{\"type\":\"record\",\"name\":\"Value\",\"namespace\":\"shop.customers\",\"fields\":["
                + "{\"name\":\"id\",\"type\":\"int\"},{\"name\":\"email\",\"type\":\"string\"}]}";
        String optional = required.replace("\"type\":\"string\"}", "\"type\":[\"null\",\"string\"],\"default\":null}");

        HttpResponse<String> refused = register("customers-value", required);
        HttpResponse<String> allowed = register("customers-value", optional);

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("Incompatible");
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(get("/subjects/customers-value/versions").body())).hasSize(2);
    }

    private static HttpResponse<String> register(String subject, String schema) throws Exception {
        String body = JSON.writeValueAsString(JSON.createObjectNode().put("schema", schema));
        return HTTP.send(HttpRequest.newBuilder(URI.create(registry.confluentUrl() + "/subjects/" + subject
                + "/versions")).header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(registry.confluentUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
