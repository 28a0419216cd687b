package io.tributary.testkit;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The REST API of one Kafka Connect worker ({@link TestingConnect} in this JVM, {@link TestingConnectWorker} in a
 * JVM of its own): connectors put, deleted, listed, validated and their status read. A worker restarted on the same
 * port is reached by the same instance.
 *
 * <p>Thread-safe.
 */
public final class ConnectRest {
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI url;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();
    /** Why the worker last did not answer as ready, for the message of a wait that ran out. */
    private volatile String lastUnready = "none";

    /** @param url the worker's REST API, ending in a slash */
    ConnectRest(URI url) {
        this.url = requireNonNull(url, "url is null");
    }

    /** The worker's REST API, ending in a slash. */
    public URI url() {
        return url;
    }

    /** Creates or updates a connector ({@code PUT /connectors/{name}/config}) and returns the response body. */
    public JsonNode putConnector(String name, Map<String, String> config) {
        return request("PUT", "connectors/" + name + "/config", toJson(config));
    }

    public void deleteConnector(String name) {
        request("DELETE", "connectors/" + name, null);
    }

    public List<String> connectors() {
        JsonNode names = request("GET", "connectors", null);
        return JSON.convertValue(names, JSON.getTypeFactory().constructCollectionType(List.class, String.class));
    }

    public ConnectorStatus connectorStatus(String name) {
        return ConnectorStatus.fromJson(request("GET", "connectors/" + name + "/status", null));
    }

    /**
     * Whether the connector and {@code tasks} tasks are RUNNING; false while the cluster has no status for it yet
     * (just after it was put, the status topic may not have it), so that a wait on this never races that.
     */
    public boolean isRunning(String name, int tasks) {
        try {
            return connectorStatus(name).isRunning(tasks);
        } catch (ConnectRestException e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    /** {@code PUT /connector-plugins/{plugin}/config/validate}: every config problem a connector class finds. */
    public JsonNode validate(String pluginClass, Map<String, String> config) {
        String plugin = pluginClass.substring(pluginClass.lastIndexOf('.') + 1);
        return request("PUT", "connector-plugins/" + plugin + "/config/validate", toJson(config));
    }

    /** Sends a request to the REST API and returns the parsed JSON body; fails on any status but 2xx. */
    public JsonNode request(String method, String path, String jsonBody) {
        HttpRequest.BodyPublisher body = jsonBody == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(jsonBody);
        HttpRequest request = HttpRequest.newBuilder(url.resolve(path))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .method(method, body)
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new ConnectRestException(method, path, response.statusCode(), response.body());
            }
            return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new TestkitException(method + " " + url.resolve(path) + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TestkitException("interrupted during " + method + " " + path, e);
        }
    }

    /** Whether the worker answers {@code GET /connectors}: it has joined its group and read its topics. */
    public boolean isReady() {
        try {
            connectors();
            return true;
        } catch (ConnectRestException | TestkitException e) {
            // the herder answers 503 or refuses connections until it has joined the group and read its topics
            lastUnready = e.getMessage();
            return false;
        }
    }

    /**
     * Waits until the worker {@link #isReady is ready}; fails at once when {@code gone} says the worker cannot become
     * ready any more (its process ended).
     */
    void awaitReady(Duration timeout, Callable<Boolean> gone) {
        try {
            Awaitility.await("the Connect worker at " + url).atMost(timeout).pollInterval(Duration.ofMillis(100))
                    .failFast("the Connect worker at " + url + " ended", gone)
                    .until(this::isReady);
        } catch (ConditionTimeoutException e) {
            throw new TestkitException("the Connect worker at " + url + " was not ready within "
                    + timeout.toSeconds() + " s; its last answer: " + lastUnready, e);
        }
    }

    private static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value + " as JSON", e);
        }
    }

    @Override
    public String toString() {
        return "ConnectRest[" + url + "]";
    }
}
