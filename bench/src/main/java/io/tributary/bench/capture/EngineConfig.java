package io.tributary.bench.capture;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import io.tributary.testkit.TestingBinlogServer;

/** The connector settings both engines capture with, and what Debezium's embedded engine needs on top. */
final class EngineConfig {
    static final String TOPIC_PREFIX = "bench";

    private EngineConfig() {
    }

    /** Debezium's connector keys, which Tributary's source takes as they are. */
    static Map<String, String> source(String host, String port, String serverId, String database,
            String snapshotMode) {
        Map<String, String> source = new HashMap<>();
        source.put("database.hostname", host);
        source.put("database.port", port);
        source.put("database.user", TestingBinlogServer.CDC_USER);
        source.put("database.password", TestingBinlogServer.CDC_PASSWORD);
        source.put("database.server.id", serverId);
        source.put("topic.prefix", TOPIC_PREFIX);
        source.put("database.include.list", database);
        source.put("snapshot.mode", snapshotMode);
        source.put("include.schema.changes", "false");
        // a diagnostic: both engines connect as ssl.mode says (by default, TLS when the server offers it, as MySQL's
        // does with its own certificates and the test MariaDB does not)
        String sslMode = System.getenv("BENCH_SSL_MODE");
        if (sslMode != null) {
            source.put("database.ssl.mode", sslMode);
        }
        return source;
    }

    /**
     * The source settings plus the embedded engine's: the connector {@link BenchServer#CONNECTOR_PROPERTY} names (the
     * MariaDB connector without it), offsets and history in memory.
     */
    static Properties debezium(Map<String, String> source, String name) {
        Properties properties = new Properties();
        properties.putAll(source);
        properties.setProperty("name", name);
        String connector = System.getProperty(BenchServer.CONNECTOR_PROPERTY, BenchServer.MARIADB.connectorClass);
        properties.setProperty("connector.class", connector);
        if ("never".equals(source.get("snapshot.mode")) && connector.equals(BenchServer.MYSQL.connectorClass)) {
            // Debezium 3.6 dropped the mode; this is what it was: no snapshot, streaming from the binlog's start
            properties.setProperty("snapshot.mode", "configuration_based");
            properties.setProperty("snapshot.mode.configuration.based.snapshot.data", "false");
            properties.setProperty("snapshot.mode.configuration.based.snapshot.schema", "false");
            properties.setProperty("snapshot.mode.configuration.based.start.stream", "true");
        }
        properties.setProperty("bootstrap.servers", "127.0.0.1:9"); // required by WorkerConfig, never used
        properties.setProperty("offset.storage", "org.apache.kafka.connect.storage.MemoryOffsetBackingStore");
        properties.setProperty("schema.history.internal", "io.debezium.relational.history.MemorySchemaHistory");
        if (System.getenv("BENCH_SSL_MODE") != null) {
            // without TLS, MySQL's caching_sha2_password needs the driver to fetch the server's RSA key (Tributary's
            // connections allow it)
            properties.setProperty("driver.allowPublicKeyRetrieval", "true");
            properties.setProperty("database.allowPublicKeyRetrieval", "true");
        }
        return properties;
    }
}
