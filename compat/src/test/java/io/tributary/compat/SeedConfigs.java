package io.tributary.compat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import io.tributary.testkit.TestingBinlogServer;
import io.tributary.testkit.TestingKafka;
import io.tributary.testkit.TestingMySql;

/** The connector configurations printed in the seeds, with only the connector class and endpoints swapped. */
final class SeedConfigs {
    private SeedConfigs() {
    }

    static Map<String, String> load(String name) {
        Properties properties = new Properties();
        try (InputStream in = SeedConfigs.class.getResourceAsStream("/seeds/" + name)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> config = new HashMap<>();
        properties.stringPropertyNames().forEach(key -> config.put(key, properties.getProperty(key)));
        return config;
    }

    /** The seed's configuration pointed at test servers, with another connector class. */
    static Map<String, String> pointedAt(String name, String connectorClass, TestingBinlogServer server,
            TestingKafka kafka) {
        Map<String, String> config = pointedAtKeepingCredentials(name, connectorClass, server, kafka);
        config.put("database.user", TestingBinlogServer.CDC_USER);
        config.put("database.password", TestingBinlogServer.CDC_PASSWORD);
        return config;
    }

    /** As {@link #pointedAt}, keeping the credentials as written (config provider references, say). */
    static Map<String, String> pointedAtKeepingCredentials(String name, String connectorClass,
            TestingBinlogServer server, TestingKafka kafka) {
        Map<String, String> config = load(name);
        config.put("connector.class", connectorClass);
        config.put("database.hostname", server.host());
        config.put("database.port", String.valueOf(server.port()));
        config.replace("database.history.kafka.bootstrap.servers", kafka.bootstrapServers());
        // the history's clients log in to MSK with IAM over TLS; the test broker speaks plaintext and no MSK can be
        // reached from here, so those endpoint settings go (Debezium 3 reads none of the 1.x spellings anyway)
        config.keySet().removeIf(key -> key.startsWith("database.history.producer.")
                || key.startsWith("database.history.consumer."));
        return config;
    }

    /** Debezium's connector for the server: 3.5's MariaDB connector, or 3.6's MySQL connector. */
    static String debeziumConnector(TestingBinlogServer server) {
        return server instanceof TestingMySql ? "io.debezium.connector.mysql.MySqlConnector"
                : "io.debezium.connector.mariadb.MariaDbConnector";
    }

    /**
     * The same configuration for Debezium 3.x itself, which no longer reads the 1.x spellings the seeds use:
     * {@code database.server.name} becomes {@code topic.prefix}, {@code database.history.kafka.*} becomes
     * {@code schema.history.internal.kafka.*}. It also needs a replica id of its own.
     */
    static Map<String, String> inDebezium3Dialect(Map<String, String> seedConfig, TestingBinlogServer server) {
        Map<String, String> config = new HashMap<>(seedConfig);
        config.put("connector.class", debeziumConnector(server));
        config.put("topic.prefix", seedConfig.get("database.server.name"));
        config.put("schema.history.internal.kafka.topic", seedConfig.get("database.history.kafka.topic"));
        config.put("schema.history.internal.kafka.bootstrap.servers",
                seedConfig.get("database.history.kafka.bootstrap.servers"));
        config.put("database.server.id", String.valueOf(Long.parseLong(seedConfig.get("database.server.id")) + 1));
        return config;
    }
}
