package io.tributary.bench.capture;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.debezium.engine.ChangeEvent;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.format.JsonByteArray;
import io.tributary.api.ChangeRecord;
import io.tributary.core.json.ConnectJsonEncoder;
import io.tributary.source.mysql.MySqlSource;
import io.tributary.testkit.TestingMariaDb;

/**
 * One latency run in a JVM of its own: the engine, with its default settings, streams the {@code lat} database
 * while {@link LatencyWriter} inserts rows stamped with the client's clock; each insert's latency is the time from
 * that stamp to the moment its JSON-encoded event reaches the consumer. After {@code warm-up} events it records
 * {@code events} latencies and writes them, sorted, to the result file.
 *
 * <p>Arguments: engine, host, port, server id, warm-up events, events, result file.
 */
public final class LatencyRun {
    static final String DATABASE = "lat";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final long warmUp;
    private final long[] latencies;
    private final CountDownLatch done = new CountDownLatch(1);
    private long seen;

    private LatencyRun(long warmUp, int events) {
        this.warmUp = warmUp;
        this.latencies = new long[events];
    }

    public static void main(String[] args) throws Exception {
        Phase.Engine engine = Phase.Engine.valueOf(args[0]);
        Properties source = new Properties();
        source.put("database.hostname", args[1]);
        source.put("database.port", args[2]);
        source.put("database.user", TestingMariaDb.CDC_USER);
        source.put("database.password", TestingMariaDb.CDC_PASSWORD);
        source.put("database.server.id", args[3]);
        source.put("topic.prefix", "bench");
        source.put("database.include.list", DATABASE);
        source.put("snapshot.mode", "no_data");
        source.put("include.schema.changes", "false");
        LatencyRun run = new LatencyRun(Long.parseLong(args[4]), Integer.parseInt(args[5]));
        if (engine == Phase.Engine.DEBEZIUM) {
            run.debezium(source);
        } else {
            run.tributary(source);
        }
        Arrays.sort(run.latencies);
        Files.writeString(Path.of(args[6]), String.join(" ",
                Arrays.stream(run.latencies).mapToObj(Long::toString).toList()));
        System.exit(0);
    }

    /** Takes the latency of one delivered event (its JSON, with or without schema), when it is an insert. */
    private void delivered(byte[] json) {
        long now = System.currentTimeMillis();
        try {
            JsonNode event = JSON.readTree(json);
            JsonNode payload = event.has("payload") ? event.get("payload") : event;
            if (!"c".equals(payload.path("op").asText()) || done.getCount() == 0) {
                return;
            }
            long stamp = payload.path("after").path("created_at").asLong();
            if (seen++ >= warmUp) {
                latencies[(int) (seen - 1 - warmUp)] = now - stamp;
                if (seen - warmUp == latencies.length) {
                    done.countDown();
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void debezium(Properties source) throws Exception {
        Properties properties = new Properties();
        properties.putAll(source);
        properties.setProperty("name", "bench-latency");
        properties.setProperty("connector.class", "io.debezium.connector.mariadb.MariaDbConnector");
        properties.setProperty("bootstrap.servers", "127.0.0.1:9"); // required by WorkerConfig, never used
        properties.setProperty("offset.storage", "org.apache.kafka.connect.storage.MemoryOffsetBackingStore");
        properties.setProperty("schema.history.internal", "io.debezium.relational.history.MemorySchemaHistory");
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (DebeziumEngine<ChangeEvent<byte[], byte[]>> engine = DebeziumEngine.create(JsonByteArray.class)
                .using(properties)
                .notifying((List<ChangeEvent<byte[], byte[]>> records,
                        DebeziumEngine.RecordCommitter<ChangeEvent<byte[], byte[]>> committer) -> {
                    for (ChangeEvent<byte[], byte[]> record : records) {
                        if (record.value() != null && record.destination().endsWith(".orders")) {
                            delivered(record.value());
                        }
                        committer.markProcessed(record);
                    }
                    committer.markBatchFinished();
                })
                .build()) {
            executor.execute(engine);
            done.await();
        }
        executor.shutdownNow();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }

    private void tributary(Properties source) throws Exception {
        ConnectJsonEncoder values = new ConnectJsonEncoder(true);
        MySqlSource capture = new MySqlSource();
        java.util.Map<String, String> config = new java.util.HashMap<>();
        source.forEach((key, value) -> config.put((String) key, (String) value));
        capture.start(config, Optional.empty());
        try {
            while (done.getCount() > 0) {
                for (ChangeRecord record : capture.poll()) {
                    if (record.value() != null && record.topic().endsWith(".orders")) {
                        delivered(values.encode(record.valueSchema(), record.value()));
                    }
                }
            }
        } finally {
            capture.close();
        }
    }
}
