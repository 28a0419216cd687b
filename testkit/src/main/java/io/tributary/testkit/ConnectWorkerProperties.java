package io.tributary.testkit;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The worker properties of the test kit's Kafka Connect clusters, in this JVM ({@link TestingConnect}) or in JVMs of
 * their own ({@link TestingConnectWorker}): distributed mode on a {@link TestingKafka}, topics of replication factor 1,
 * JSON converters with schemas, plugins found through {@code ServiceLoader} manifests.
 */
final class ConnectWorkerProperties {
    private ConnectWorkerProperties() {
    }

    /** A new cluster's worker properties: a group id of its own and config, offset and status topics named after it. */
    static Map<String, String> newCluster(TestingKafka kafka, Map<String, String> overrides) {
        return newCluster(kafka.bootstrapServers(), overrides);
    }

    /** As {@link #newCluster(TestingKafka, Map)}, on the broker at {@code bootstrapServers}. */
    static Map<String, String> newCluster(String bootstrapServers, Map<String, String> overrides) {
        String groupId = "connect-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> properties = new HashMap<>();
        properties.put("bootstrap.servers", bootstrapServers);
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
        // fast, and how a packaged plugin is found too
        properties.put("plugin.discovery", "service_load");
        properties.putAll(overrides);
        return properties;
    }

    /**
     * The properties with the REST API on {@code port} of 127.0.0.1, advertised as such: the worker's id in the
     * cluster (a status's {@code worker_id}) is {@code 127.0.0.1:<port>}.
     */
    static Map<String, String> listeningOn(Map<String, String> properties, int port) {
        Map<String, String> listening = new HashMap<>(properties);
        listening.put("listeners", "http://127.0.0.1:" + port);
        listening.put("rest.advertised.host.name", "127.0.0.1");
        listening.put("rest.advertised.port", String.valueOf(port));
        return listening;
    }
}
