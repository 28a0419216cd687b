package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.testkit.LogCapture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The REST API without authentication: Connect's shapes and errors, the origin rule, content types, body limits. */
class RestServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VALIDATE = "/connector-plugins/MySqlSourceConnector/config/validate";

    @TempDir
    Path directory;
    private RestFixture api;

    @BeforeEach
    void start() {
        api = new RestFixture(directory, Map.of("rest.request.max.bytes", "65536"));
        await().atMost(Duration.ofSeconds(30)).until(() -> api.pipeline().state() == Pipeline.State.RUNNING);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void answersConnectsShapesWithSecretsHidden() throws Exception {
        assertThat(json(api.get("/connectors"))).isEqualTo(JSON.readTree("[\"shop\"]"));
        JsonNode status = json(api.get("/connectors/shop/status"));
        assertThat(status.at("/tasks/0/state").asText()).isEqualTo("RUNNING");
        assertThat(status.at("/tasks/0/worker_id").asText()).isEqualTo("127.0.0.1:" + api.rest().port());
        HttpResponse<String> config = api.get("/connectors/shop/config");
        assertThat(json(config).get("database.password").asText()).isEqualTo("[hidden]");
        assertThat(config.body()).doesNotContain(RestFixture.PASSWORD);
        assertThat(json(config).get("database.user").asText()).as("a config provider reference, shown unresolved")
                .startsWith("${file:").endsWith(":user}");
        assertThat(config.body()).doesNotContain(RestFixture.USER_FROM_FILE);
        assertThat(api.pipeline().config().source()).containsEntry("database.user", RestFixture.USER_FROM_FILE);
        assertThat(json(api.get("/health")).get("status").asText()).isEqualTo("UP");
        HttpResponse<String> metrics = api.get("/metrics");
        assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/plain").contains("version=0.0.4"));
        assertThat(metrics.body()).contains("tributary_up{pipeline=\"shop\"} 1.0")
                .contains("tributary_events_delivered_total{pipeline=\"shop\"} 0.0", "jvm_memory_used_bytes");
        assertThat(api.get("/").headers().firstValue("Server")).as("no server version advertised").isEmpty();
    }

    @Test
    void errorsComeInConnectsShapeWithConnectsStatusCodes() throws Exception {
        assertError(api.get("/connectors/nope/status"), 404, "No status found for connector nope");
        assertError(api.get("/no/such/endpoint"), 404, "Not Found");
        assertError(api.get("/connectors/shop/restart"), 405, "Method Not Allowed");
    }

    @Test
    void pauseResumeAndRestartAnswerAsConnectDoes() throws Exception {
        assertThat(api.call("PUT", "/connectors/shop/pause").statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> api.pipeline().state() == Pipeline.State.PAUSED);
        assertThat(api.call("PUT", "/connectors/shop/resume").statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> api.pipeline().state() == Pipeline.State.RUNNING);

        assertThat(api.call("POST", "/connectors/shop/restart").statusCode()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(30)).until(() -> api.sourceStarts() == 2);
    }

    @Test
    void listsExpandedAndShowsItsTaskAsConnectDoes() throws Exception {
        JsonNode expanded = json(api.get("/connectors?expand=status&expand=info&expand=other"));
        assertThat(expanded.at("/shop/status")).isEqualTo(json(api.get("/connectors/shop/status")));
        assertThat(expanded.at("/shop/info")).isEqualTo(json(api.get("/connectors/shop")));
        assertThat(expanded.get("shop").size()).as("an unknown expansion left out").isEqualTo(2);
        assertThat(json(api.get("/connectors?expand=status")).get("shop").fieldNames()).toIterable()
                .containsExactly("status");

        JsonNode tasks = json(api.get("/connectors/shop/tasks"));
        assertThat(tasks).hasSize(1);
        assertThat(tasks.at("/0/id")).isEqualTo(JSON.readTree("{\"connector\":\"shop\",\"task\":0}"));
        assertThat(tasks.at("/0/config/task.class").asText()).isEqualTo("io.tributary.connect.MySqlSourceTask");
        assertThat(tasks.at("/0/config/database.password").asText()).isEqualTo("[hidden]");
        assertThat(json(api.get("/connectors/shop/tasks/0/status"))).isEqualTo(
                json(api.get("/connectors/shop/status")).at("/tasks/0"));
        assertError(api.get("/connectors/shop/tasks/1/status"), 404, "No status found for task shop-1");
        assertError(api.call("POST", "/connectors/shop/tasks/1/restart"), 404, "Unknown task: shop-1");
        assertError(api.get("/connectors/nope/tasks"), 404, "Connector nope not found");

        assertThat(api.call("POST", "/connectors/shop/tasks/0/restart").statusCode()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(30)).until(() -> api.sourceStarts() == 2);
        assertThat(api.call("PUT", "/connectors/shop/stop").statusCode()).isEqualTo(204);
        assertThat(json(api.get("/connectors/shop/tasks"))).as("a stopped connector has no tasks").isEmpty();
        assertError(api.get("/connectors/shop/tasks/0/status"), 404, "No status found for task shop-0");
    }

    @Test
    void restartsOnlyWhatConnectsRestartParametersAskFor() throws Exception {
        HttpResponse<String> nothingFailed = api.call("POST",
                "/connectors/shop/restart?includeTasks=true&onlyFailed=true");
        assertThat(nothingFailed.statusCode()).isEqualTo(202);
        assertThat(json(nothingFailed).at("/connector/state").asText()).isEqualTo("RUNNING");
        assertThat(json(nothingFailed).at("/tasks/0/state").asText()).isEqualTo("RUNNING");
        assertThat(api.sourceStarts()).as("nothing had failed").isEqualTo(1);

        api.failing(true);
        await().atMost(Duration.ofSeconds(30)).until(() -> api.pipeline().state() == Pipeline.State.FAILED);
        api.failing(false);
        HttpResponse<String> connectorOnly = api.call("POST", "/connectors/shop/restart?onlyFailed=true");
        assertThat(json(connectorOnly).at("/tasks/0/state").asText()).as("tasks not included").isEqualTo("FAILED");
        HttpResponse<String> failedTask = api.call("POST", "/connectors/shop/restart?includeTasks=true&onlyFailed=true");
        assertThat(failedTask.statusCode()).isEqualTo(202);
        assertThat(json(failedTask).at("/connector/state").asText()).as("the connector had not failed")
                .isEqualTo("RUNNING");
        assertThat(json(failedTask).at("/tasks/0/state").asText()).isEqualTo("RESTARTING");
        await().atMost(Duration.ofSeconds(30)).until(() -> api.pipeline().state() == Pipeline.State.RUNNING);
        assertThat(api.sourceStarts()).isEqualTo(2);

        HttpResponse<String> everything = api.call("POST", "/connectors/shop/restart?includeTasks=true");
        assertThat(json(everything).at("/connector/state").asText()).isEqualTo("RESTARTING");
        assertThat(json(everything).at("/tasks/0/state").asText()).isEqualTo("RESTARTING");
        await().atMost(Duration.ofSeconds(30)).until(() -> api.sourceStarts() == 3);
    }

    @Test
    void offsetsAreReadAndChangedOnlyWhileStoppedAsConnectDoes() throws Exception {
        String path = "/connectors/shop/offsets";
        assertThat(json(api.get(path))).isEqualTo(JSON.readTree("{\"offsets\":[]}"));
        String partition = "{\"server\":\"shop\"}";
        String offsets = "{\"offsets\":[{\"partition\":" + partition + ",\"offset\":{\"file\":\"binlog.000002\","
                + "\"pos\":1424}}]}";
        assertError(api.callWithBody("PATCH", path, "application/json", offsets), 400,
                "Connectors must be in the STOPPED state before their offsets can be modified. This can be done for "
                        + "the specified connector by issuing a 'PUT' request to the '/connectors/shop/stop' endpoint");

        assertThat(api.call("PUT", "/connectors/shop/stop").statusCode()).isEqualTo(204);
        assertThat(json(api.get("/connectors/shop/status")).at("/connector/state").asText()).isEqualTo("STOPPED");
        assertThat(json(api.get("/connectors/shop/status")).get("tasks")).as("no tasks, as in Connect").isEmpty();
        assertError(api.callWithBody("PATCH", path, "application/json", offsets.replace("1424", "\"x\"")), 400,
                "at least \"file\"");
        assertError(api.callWithBody("PATCH", path, "application/json", offsets.replace("1424", "1424,\"gtids\":[1]")),
                400, "a key of another type");
        assertError(api.callWithBody("PATCH", path, "application/json", offsets.replace("shop", "other")), 400,
                "the pipeline's source has one partition, {\"server\":\"shop\"}");
        assertError(api.callWithBody("PATCH", path, "application/json", offsets.replace("\"pos\"", "\"position\"")),
                400, "at least \"file\" (a binlog file name) and \"pos\"");
        assertError(api.callWithBody("PATCH", path, "application/json", "{\"offsets\":[]}"), 400,
                "Partitions / offsets need to be provided for an alter offsets request");
        // what the source kept beside the old offset (its schema history) describes the tables there, not at the new one
        Path sourceState = directory.resolve("offsets").resolve("shop.source");
        Files.createDirectories(sourceState);
        Files.writeString(sourceState.resolve("schema-history.jsonl"), "{}\n");
        HttpResponse<String> altered = api.callWithBody("PATCH", path, "application/json", offsets);
        assertThat(sourceState).doesNotExist();
        assertThat(json(altered).get("message").asText()).isEqualTo("The Connect framework-managed offsets for this "
                + "connector have been altered successfully. However, if this connector manages offsets externally, "
                + "they will need to be manually altered in the system that the connector uses.");
        assertThat(json(api.get(path))).isEqualTo(JSON.readTree(offsets));
        assertThat(api.call("POST", "/connectors/shop/restart").statusCode()).isEqualTo(204);
        assertThat(api.sourceStarts()).as("a stopped connector stays stopped on restart, as in Connect").isEqualTo(1);

        assertThat(api.call("PUT", "/connectors/shop/resume").statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> api.sourceStarts() == 2);
        assertThat(api.startedFrom()).contains(Map.of("file", "binlog.000002", "pos", 1424));
        await().atMost(Duration.ofSeconds(30)).until(() -> api.pipeline().state() == Pipeline.State.RUNNING);

        assertThat(api.call("PUT", "/connectors/shop/stop").statusCode()).isEqualTo(204);
        Files.createDirectories(sourceState);
        Files.writeString(sourceState.resolve("schema-history.jsonl"), "{}\n");
        assertThat(json(api.call("DELETE", path)).get("message").asText())
                .startsWith("The Connect framework-managed offsets for this connector have been reset successfully.");
        assertThat(json(api.get(path))).isEqualTo(JSON.readTree("{\"offsets\":[]}"));
        assertThat(sourceState).doesNotExist();
        assertThat(api.call("PUT", "/connectors/shop/resume").statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> api.sourceStarts() == 3);
        assertThat(api.startedFrom()).as("a first start").isEmpty();
    }

    /** The attack of issue 18: a page elsewhere posts text/plain, which a browser sends without a preflight. */
    @Test
    void aStateChangeFromAnotherOriginIsRefusedAndChangesNothing() throws Exception {
        HttpResponse<String> restart = api.callWithBody("POST", "/connectors/shop/restart", "text/plain", "x",
                "Origin", "http://evil.example");
        assertError(restart, 403, "refused a cross-origin POST from Origin http://evil.example");
        assertError(api.call("PUT", "/connectors/shop/pause", "Origin", "null"), 403, "cross-origin");
        assertThat(api.sourceStarts()).as("the pipeline was not restarted").isEqualTo(1);
        assertThat(api.pipeline().state()).isEqualTo(Pipeline.State.RUNNING);

        assertThat(api.get("/connectors/shop/status", "Origin", "http://evil.example").statusCode())
                .as("reads are not state changes; without CORS headers the page cannot read the answer").isEqualTo(200);
        assertThat(api.get("/connectors/shop/status", "Origin", "http://evil.example").headers()
                .firstValue("Access-Control-Allow-Origin")).isEmpty();
        String own = "http://localhost:" + api.rest().port();
        assertThat(api.call("POST", "/connectors/shop/restart", "Origin", own).statusCode()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(30)).until(() -> api.sourceStarts() == 2);
    }

    @Test
    void aBodyMustBeJson() throws Exception {
        assertError(api.callWithBody("PUT", VALIDATE, "text/plain", "{}"), 415,
                "expected a body of Content-Type application/json but found text/plain");
        assertError(api.callWithBody("POST", "/connectors/shop/restart", "application/x-www-form-urlencoded", "a=b"),
                415, "found application/x-www-form-urlencoded");
        assertThat(api.sourceStarts()).isEqualTo(1);

        JsonNode answer = json(api.callWithBody("PUT", VALIDATE, "application/json; charset=utf-8",
                "{\"connector.class\":\"MySqlSourceConnector\",\"sinks\":\"out\",\"sink.out.type\":\"file\"}"));
        assertThat(answer.get("name").asText()).as("the connector's class, as Connect names it")
                .isEqualTo("io.tributary.connect.MySqlSourceConnector");
        assertThat(answer.get("error_count").asInt()).isPositive();
        JsonNode hostname = null;
        for (JsonNode config : answer.get("configs")) {
            if (config.at("/definition/name").asText().equals("database.hostname")) {
                hostname = config;
            }
        }
        assertThat(hostname).as("every source option, with its definition and value").isNotNull();
        assertThat(hostname.at("/definition/required").asBoolean()).isTrue();
        assertThat(hostname.at("/definition/type").asText()).isEqualTo("STRING");
        assertThat(hostname.at("/value/errors")).isNotEmpty();
        assertThat(hostname.at("/value/visible").asBoolean()).isTrue();
        JsonNode definitions = json(api.get("/connector-plugins/MySqlSourceConnector/config"));
        assertThat(definitions.findValuesAsText("name")).contains("database.hostname", "snapshot.mode");
        assertError(api.get("/connector-plugins/Nope/config"), 404, "Unknown plugin Nope.");
    }

    @Test
    void malformedJsonIsAnswered400WithAMessageThatDoesNotQuoteTheBody() throws Exception {
        HttpResponse<String> malformed = api.callWithBody("PUT", VALIDATE, "application/json",
                "{\"database.password\": secret-in-a-typo");
        assertError(malformed, 400, "the request body is not a JSON object of string properties");
        assertThat(malformed.body()).doesNotContain("secret-in-a-typo");
        assertError(api.callWithBody("PUT", VALIDATE, "application/json", "[1, 2]"), 400, "line 1, column 1");
        assertError(api.callWithBody("PUT", VALIDATE, "application/json", "null"), 400, "the request body is null");
    }

    /** A client declares a body of 150 MB and sends a few bytes of it: the answer comes before the rest is sent. */
    @Test
    void aBodyDeclaredLargerThanTheLimitIsRefusedBeforeItIsRead() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", api.rest().port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("PUT " + VALIDATE + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 157286400\r\n\r\n{\"a\":\"").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(answer).isEqualTo("HTTP/1.1 413");
        }
    }

    @Test
    void aChunkedBodyIsReadNoFurtherThanTheLimit() throws Exception {
        byte[] body = ("{\"a\":\"" + "x".repeat(70_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> answer = api.send(HttpRequest.newBuilder(URI.create(api.url(VALIDATE)))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))));
        assertError(answer, 413, "larger than 65536 bytes");
    }

    @Test
    void bindingAnAddressOtherMachinesReachWithoutAuthenticationLogsAWarning(@TempDir Path other) {
        try (LogCapture log = new LogCapture(Level.WARN, RestServer.class.getName())) {
            try (RestFixture loopback = new RestFixture(other.resolve("loopback"), Map.of())) {
                assertThat(log.lines()).as("loopback: only this machine reaches it").isEmpty();
            }
            try (RestFixture exposed = new RestFixture(other.resolve("exposed"), Map.of("rest.host", "0.0.0.0"))) {
                assertThat(log.lines()).singleElement().asString().startsWith("WARN")
                        .contains("0.0.0.0:" + exposed.rest().port(), "without authentication",
                                "rest.extension.classes=" + BasicAuthPreflight.EXTENSION);
            }
        }
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return JSON.readTree(response.body());
    }

    private static void assertError(HttpResponse<String> response, int status, String message) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/json"));
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.get("error_code").asInt()).isEqualTo(status);
        assertThat(error.get("message").asText()).contains(message);
    }
}
