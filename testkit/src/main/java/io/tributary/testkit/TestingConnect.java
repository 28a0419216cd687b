package io.tributary.testkit;

import static java.util.Objects.requireNonNull;

import java.io.Closeable;
import java.time.Duration;
import java.util.Map;

import org.apache.kafka.connect.cli.ConnectDistributed;
import org.apache.kafka.connect.runtime.Connect;
import org.apache.kafka.connect.runtime.distributed.DistributedHerder;

/**
 * One Kafka Connect worker in distributed mode, running inside this JVM on a {@link TestingKafka}, with its REST
 * API on a free port of 127.0.0.1. Workers started with {@link #joining(TestingConnect)} share the group id and
 * the config, offset and status topics, so several of them form one real Connect cluster. For a worker that a test
 * can kill, see {@link TestingConnectWorker}.
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
        return start(kafka, ConnectWorkerProperties.newCluster(kafka, workerOverrides));
    }

    /** Another worker in the same cluster as {@code member}. */
    public static TestingConnect joining(TestingConnect member) {
        return start(member.kafka, member.workerProperties);
    }

    private static TestingConnect start(TestingKafka kafka, Map<String, String> properties) {
        Map<String, String> listening = ConnectWorkerProperties.listeningOn(properties, FreePorts.next());
        Connect<DistributedHerder> connect = new ConnectDistributed().startConnect(listening);
        TestingConnect worker = new TestingConnect(kafka, listening, connect);
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
