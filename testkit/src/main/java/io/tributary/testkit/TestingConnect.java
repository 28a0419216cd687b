package io.tributary.testkit;

import static java.util.Objects.requireNonNull;

import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.connect.cli.ConnectDistributed;
import org.apache.kafka.connect.runtime.Connect;
import org.apache.kafka.connect.runtime.distributed.DistributedHerder;

/**
 * One Kafka Connect worker in distributed mode, running inside this JVM on a {@link TestingKafka}, with its REST
 * API on a free port of 127.0.0.1. Workers started with {@link #joining(TestingConnect)} share the group id and
 * the config, offset and status topics, so several of them form one real Connect cluster.
 *
 * <p>Connectors and converters are found on the class path through {@code ServiceLoader} manifests
 * ({@code plugin.discovery=service_load}), which is fast and is how a packaged plugin is found too.
 *
 * <p>The REST helpers are thread-safe.
 */
public final class TestingConnect implements Closeable {
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestingKafka kafka;
    private final Map<String, String> workerProperties;
    private final Connect<DistributedHerder> connect;
    private final URI restUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();

    private TestingConnect(TestingKafka kafka, Map<String, String> workerProperties, Connect<DistributedHerder> connect) {
        this.kafka = kafka;
        this.workerProperties = Map.copyOf(workerProperties);
        this.connect = connect;
        this.restUrl = connect.rest().advertisedUrl();
    }

    /** The first worker of a new Connect cluster, with JSON converters that include schemas. */
    public static TestingConnect create(TestingKafka kafka) {
        return create(kafka, Map.of());
    }

    /** The first worker of a new cluster, with extra or overriding worker properties. */
    public static TestingConnect create(TestingKafka kafka, Map<String, String> workerOverrides) {
        requireNonNull(kafka, "kafka is null");
        String groupId = "connect-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> properties = new HashMap<>();
        properties.put("bootstrap.servers", kafka.bootstrapServers());
        properties.put("group.id", groupId);
        properties.put("config.storage.topic", groupId + "-configs");
        properties.put("offset.storage.topic", groupId + "-offsets");
        properties.put("status.storage.topic", groupId + "-status");
        properties.put("config.storage.replication.factor", "1");
        properties.put("offset.storage.replication.factor", "1");
        properties.put("offset.storage.partitions", "5");
        properties.put("status.storage.replication.factor", "1");
        properties.put("status.storage.partitions", "1");
        properties.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
        properties.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        properties.put("offset.flush.interval.ms", "1000");
        // a worker that leaves gets its tasks reassigned after 5 s rather than Connect's default 5 minutes
        properties.put("scheduled.rebalance.max.delay.ms", "5000");
        properties.put("plugin.discovery", "service_load");
        properties.putAll(workerOverrides);
        return start(kafka, properties);
    }

    /** Another worker in the same cluster as {@code member}. */
    public static TestingConnect joining(TestingConnect member) {
        return start(member.kafka, new HashMap<>(member.workerProperties));
    }

    private static TestingConnect start(TestingKafka kafka, Map<String, String> properties) {
        int port = FreePorts.next();
        properties.put("listeners", "http://127.0.0.1:" + port);
        properties.put("rest.advertised.host.name", "127.0.0.1");
        properties.put("rest.advertised.port", String.valueOf(port));
        Connect<DistributedHerder> connect = new ConnectDistributed().startConnect(properties);
        TestingConnect worker = new TestingConnect(kafka, properties, connect);
        ExitCleanup.register(worker);
        try {
            worker.awaitReady();
            return worker;
        } catch (RuntimeException e) {
            worker.close();
            throw e;
        }
    }

    /** The worker's REST API, ending in a slash. */
    public URI restUrl() {
        return restUrl;
    }

    public String groupId() {
        return workerProperties.get("group.id");
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
        HttpRequest request = HttpRequest.newBuilder(restUrl.resolve(path))
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
            throw new TestkitException(method + " " + restUrl.resolve(path) + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TestkitException("interrupted during " + method + " " + path, e);
        }
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        RuntimeException lastFailure = null;
        while (System.nanoTime() < deadline) {
            try {
                connectors();
                return;
            } catch (ConnectRestException | TestkitException e) {
                // the herder answers 503 or refuses connections until it has joined the group and read its topics
                lastFailure = e;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TestkitException("interrupted while waiting for the Connect worker", e);
            }
        }
        throw new TestkitException("the Connect worker at " + restUrl + " was not ready within "
                + READY_TIMEOUT.toSeconds() + " s: " + lastFailure, lastFailure);
    }

    private static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value + " as JSON", e);
        }
    }

    @Override
    public void close() {
        ExitCleanup.unregister(this);
        connect.stop();
        connect.awaitStop();
    }

    @Override
    public String toString() {
        return "TestingConnect[" + restUrl + ", group=" + groupId() + "]";
    }
}
