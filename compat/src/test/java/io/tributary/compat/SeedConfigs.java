package io.tributary.compat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import io.tributary.testkit.TestingKafka;
import io.tributary.testkit.TestingMariaDb;

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
    static Map<String, String> pointedAt(String name, String connectorClass, TestingMariaDb mariaDb, TestingKafka kafka) {
        Map<String, String> config = load(name);
        config.put("connector.class", connectorClass);
        config.put("database.hostname", mariaDb.host());
        config.put("database.port", String.valueOf(mariaDb.port()));
        config.put("database.user", TestingMariaDb.CDC_USER);
        config.put("database.password", TestingMariaDb.CDC_PASSWORD);
        config.replace("database.history.kafka.bootstrap.servers", kafka.bootstrapServers());
        return config;
    }
}
