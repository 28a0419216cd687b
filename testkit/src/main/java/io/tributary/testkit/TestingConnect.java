package io.tributary.testkit;

import static java.util.Objects.requireNonNull;

import java.io.Closeable;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

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
 */
public final class TestingConnect implements Closeable {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private final TestingKafka kafka;
    private final Map<String, String> workerProperties;
    private final Connect<DistributedHerder> connect;
    private final ConnectRest rest;

    private TestingConnect(TestingKafka kafka, Map<String, String> workerProperties, Connect<DistributedHerder> connect) {
        this.kafka = kafka;
        this.workerProperties = Map.copyOf(workerProperties);
        this.connect = connect;
        this.rest = new ConnectRest(connect.rest().advertisedUrl());
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
            worker.rest.awaitReady(READY_TIMEOUT, () -> false);
            return worker;
        } catch (RuntimeException e) {
            worker.close();
            throw e;
        }
    }

    /** The worker's REST API. */
    public ConnectRest rest() {
        return rest;
    }

    public String groupId() {
        return workerProperties.get("group.id");
    }

    @Override
    public void close() {
        ExitCleanup.unregister(this);
        connect.stop();
        connect.awaitStop();
    }

    @Override
    public String toString() {
        return "TestingConnect[" + rest.url() + ", group=" + groupId() + "]";
    }
}
