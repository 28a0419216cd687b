package io.tributary.compat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.debezium.embedded.Connect;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import io.debezium.engine.format.ChangeEventFormat;
import io.tributary.compat.OffsetInterchangeIT.Captured;
import io.tributary.compat.OffsetInterchangeIT.Change;
import io.tributary.testkit.TestingBinlogServer;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.runtime.standalone.StandaloneConfig;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.storage.FileOffsetBackingStore;
import org.apache.kafka.connect.storage.OffsetStorageWriter;
import org.awaitility.Awaitility;

/**
 * Debezium's connector in an embedded engine with its offsets: each change with the source offset Debezium stores
 * after it; or started from an offset written, as Kafka Connect writes it, into the engine's offset file.
 */
final class DebeziumOffsetsCapture {
    private static final String ENGINE = "debezium-swap";

    private DebeziumOffsetsCapture() {
    }

    /** Debezium from scratch: the snapshot, then the workload run, until {@code count} changes arrived. */
    static List<Captured> capture(TestingBinlogServer server, String prefix, Map<String, String> overrides,
            int count, Duration timeout) throws IOException {
        return capture(server, prefix, overrides, count, timeout, Files.createTempDirectory("debezium-offsets"));
    }

    /** The same, with the engine's offset file ({@code offsets.dat}) in {@code directory}. */
    static List<Captured> capture(TestingBinlogServer server, String prefix, Map<String, String> overrides,
            int count, Duration timeout, Path directory) {
        Properties properties = properties(server, prefix, directory);
        properties.putAll(overrides);
        return run(properties, count, timeout, captured -> {
            if (captured == OffsetInterchangeIT.snapshotRows()) {
                OffsetInterchangeIT.afterSnapshot(server);
            }
        });
    }

    /** Debezium resuming after {@code offset} (its schema rebuilt with snapshot.mode=recovery). */
    static List<Captured> captureFrom(TestingBinlogServer server, String prefix, Map<String, ?> offset, int count,
            Duration timeout) throws IOException {
        Path directory = Files.createTempDirectory("debezium-offsets");
        Properties properties = properties(server, prefix, directory);
        properties.setProperty("snapshot.mode", "recovery");
        storeOffset(directory.resolve("offsets.dat"), Map.of("server", prefix), offset);
        return run(properties, count, timeout, captured -> {
        });
    }

    private static Properties properties(TestingBinlogServer server, String prefix, Path directory) {
        Properties properties = DebeziumCapture.engineProperties(server, ENGINE, prefix);
        properties.setProperty("offset.storage", FileOffsetBackingStore.class.getName());
        properties.setProperty("offset.storage.file.filename", directory.resolve("offsets.dat").toString());
        properties.setProperty("database.include.list", "swap");
        properties.setProperty("include.schema.changes", "false");
        return properties;
    }

    /** Writes {@code offset} for {@code partition} into a file offset store as Kafka Connect's writer does. */
    private static void storeOffset(Path file, Map<String, ?> partition, Map<String, ?> offset) {
        Map<String, String> worker = new HashMap<>();
        worker.put("bootstrap.servers", "127.0.0.1:9");
        worker.put("key.converter", JsonConverter.class.getName());
        worker.put("value.converter", JsonConverter.class.getName());
        worker.put("offset.storage.file.filename", file.toString());
        FileOffsetBackingStore store = new FileOffsetBackingStore(jsonConverter(true));
        store.configure(new StandaloneConfig(worker));
        store.start();
        try {
            OffsetStorageWriter writer = new OffsetStorageWriter(store, ENGINE, jsonConverter(true),
                    jsonConverter(false));
            writer.offset(partition, offset);
            writer.beginFlush();
            writer.doFlush((error, ignored) -> {
                if (error != null) {
                    throw new IllegalStateException(error);
                }
            }).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot write Debezium's offset file " + file, e);
        } finally {
            store.stop();
        }
    }

    private static JsonConverter jsonConverter(boolean key) {
        JsonConverter converter = new JsonConverter();
        converter.configure(Collections.singletonMap("schemas.enable", "false"), key);
        return converter;
    }

    private interface Progress {
        void captured(int count);
    }

    private static List<Captured> run(Properties properties, int count, Duration timeout, Progress progress) {
        List<Captured> captured = Collections.synchronizedList(new ArrayList<>());
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (DebeziumEngine<RecordChangeEvent<SourceRecord>> engine = DebeziumEngine.create(ChangeEventFormat.of(Connect.class))
                .using(properties)
                .using((success, message, error) -> {
                    if (!success) {
                        failures.add(error != null ? error : new IllegalStateException(message));
                    }
                })
                .notifying(event -> {
                    SourceRecord record = event.record();
                    if (record.value() instanceof Struct value) {
                        captured.add(new Captured(change(value), record.sourceOffset()));
                        progress.captured(captured.size());
                    }
                })
                .build()) {
            executor.execute(engine);
            Awaitility.await().atMost(timeout).until(() -> {
                if (!failures.isEmpty()) {
                    throw new IllegalStateException("Debezium failed", failures.get(0));
                }
                return captured.size() >= count;
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            executor.shutdown();
        }
        synchronized (captured) {
            return List.copyOf(captured.subList(0, count));
        }
    }

    private static Change change(Struct value) {
        String op = value.getString("op");
        Struct row = value.getStruct(op.equals("d") ? "before" : "after");
        return new Change(op, row.getInt32("id"), row.getInt32("version"));
    }
}
