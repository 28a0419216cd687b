package io.tributary.compat;

import java.io.IOException;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.debezium.embedded.Connect;
import io.debezium.engine.ChangeEvent;
import io.debezium.engine.DebeziumEngine;
import io.tributary.testkit.TestingBinlogServer;
import io.tributary.testkit.TestingMySql;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Debezium's connector for the server in an embedded engine, collecting its JSON records: the oracle — 3.5's
 * MariaDB connector in this module, 3.6's MySQL connector in {@code compat-mysql}, whichever is on the class path.
 */
final class DebeziumCapture extends Capture {
    private final DebeziumEngine<ChangeEvent<SourceRecord, SourceRecord>> engine;
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private volatile Throwable failure;

    private DebeziumCapture(Properties properties, JsonForms forms) {
        super(forms.first());
        // Connect's records, converted as the engine's JSON format would, once per form
        Map<Boolean, JsonForms.Converters> converters = forms.converters();
        engine = DebeziumEngine.create(Connect.class)
                .using(properties)
                .using((success, message, error) -> {
                    if (!success) {
                        failure = error != null ? error : new IllegalStateException(message);
                    }
                })
                .notifying(event -> forms.add(event.value(), converters))
                .build();
        executor.execute(engine);
    }

    /**
     * Starts capturing {@code server} with Debezium's defaults, topic prefix {@code prefix}, and the given
     * connector properties on top.
     */
    static DebeziumCapture start(TestingBinlogServer server, String prefix, boolean schemas,
            Map<String, String> overrides, EventLog log) {
        return start(server, prefix, overrides, JsonForms.of(schemas, log));
    }

    /** As {@link #start(TestingBinlogServer, String, boolean, Map, EventLog)}, into a log per JSON form. */
    static DebeziumCapture start(TestingBinlogServer server, String prefix, Map<String, String> overrides,
            JsonForms forms) {
        Properties properties = engineProperties(server, "debezium-oracle", prefix);
        properties.setProperty("offset.storage", "org.apache.kafka.connect.storage.MemoryOffsetBackingStore");
        properties.putAll(overrides);
        return new DebeziumCapture(properties, forms);
    }

    /**
     * An embedded engine named {@code name} running Debezium's connector for {@code server} as its {@code cdc} user,
     * with topic prefix {@code prefix}, its schema history in memory; offsets are the caller's to set.
     */
    static Properties engineProperties(TestingBinlogServer server, String name, String prefix) {
        Properties properties = new Properties();
        properties.setProperty("name", name);
        properties.setProperty("connector.class", server instanceof TestingMySql
                ? "io.debezium.connector.mysql.MySqlConnector" : "io.debezium.connector.mariadb.MariaDbConnector");
        // Kafka 4.3's WorkerConfig requires it; nothing connects to it with in-memory offsets and history
        properties.setProperty("bootstrap.servers", "127.0.0.1:9");
        properties.setProperty("offset.flush.interval.ms", "60000");
        properties.setProperty("schema.history.internal", "io.debezium.relational.history.MemorySchemaHistory");
        properties.setProperty("database.hostname", server.host());
        properties.setProperty("database.port", String.valueOf(server.port()));
        properties.setProperty("database.user", TestingBinlogServer.CDC_USER);
        properties.setProperty("database.password", TestingBinlogServer.CDC_PASSWORD);
        properties.setProperty("database.server.id", "5401");
        properties.setProperty("topic.prefix", prefix);
        return properties;
    }

    @Override
    Throwable failure() {
        return failure;
    }

    @Override
    public void close() throws IOException {
        engine.close();
        executor.shutdown();
        try {
            executor.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
