package io.tributary.bench.capture;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.debezium.engine.ChangeEvent;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.format.Json;
import io.tributary.api.ChangeRecord;
import io.tributary.core.json.ConnectJsonEncoder;
import io.tributary.source.mysql.MySqlSource;
import io.tributary.testkit.TestingMariaDb;

/**
 * One run of a {@link Phase} in a JVM of its own: the engine captures the workload's database into a counter of
 * JSON-encoded change events — Debezium's embedded engine with its {@code Json} format (JsonConverter), Tributary's
 * source with its JsonConverter-identical encoder — until {@code events} change events arrived; then it writes its
 * {@link Measurement} to the result file and exits.
 *
 * <p>Arguments: engine, workload, schemas, host, port, events, server id, result file.
 */
public final class CaptureRun {
    private static final String PREFIX = "bench";

    private final Phase phase;
    private final long expected;
    private final CountDownLatch done = new CountDownLatch(1);
    private long count;
    private volatile Measurement measurement;
    private long startNanos;
    private long startCpu;
    private long startGc;
    private long startBusy;

    private CaptureRun(Phase phase, long expected) {
        this.phase = phase;
        this.expected = expected;
    }

    public static void main(String[] args) throws Exception {
        Phase phase = new Phase(Phase.Engine.valueOf(args[0]), Phase.Workload.valueOf(args[1]),
                Boolean.parseBoolean(args[2]));
        Map<String, String> source = new HashMap<>();
        source.put("database.hostname", args[3]);
        source.put("database.port", args[4]);
        source.put("database.user", TestingMariaDb.CDC_USER);
        source.put("database.password", TestingMariaDb.CDC_PASSWORD);
        source.put("database.server.id", args[6]);
        source.put("topic.prefix", PREFIX);
        source.put("database.include.list", phase.workload().database);
        source.put("snapshot.mode", phase.workload().snapshotMode);
        source.put("include.schema.changes", "false");
        CaptureRun run = new CaptureRun(phase, Long.parseLong(args[5]));
        if (phase.engine() == Phase.Engine.DEBEZIUM) {
            run.debezium(source);
        } else {
            run.tributary(source);
        }
        Files.writeString(Path.of(args[7]), run.measurement.toLine());
        System.exit(0);
    }

    private void begin() {
        startBusy = ProcessStats.machineBusyNanos();
        startGc = ProcessStats.gcMillis();
        startCpu = ProcessStats.cpuNanos();
        startNanos = System.nanoTime();
    }

    /** Counts one change event; the last one expected ends the measurement. */
    private void counted() {
        if (++count == expected) {
            long wall = System.nanoTime() - startNanos;
            long cpu = ProcessStats.cpuNanos() - startCpu;
            long gc = ProcessStats.gcMillis() - startGc;
            long busy = ProcessStats.machineBusyNanos() - startBusy;
            measurement = new Measurement(count, wall, cpu, gc, ProcessStats.peakRssKib(), Math.max(0, busy - cpu));
            done.countDown();
        }
    }

    private void debezium(Map<String, String> source) throws Exception {
        Properties properties = new Properties();
        properties.putAll(source);
        properties.setProperty("name", "bench-debezium");
        properties.setProperty("connector.class", "io.debezium.connector.mariadb.MariaDbConnector");
        properties.setProperty("bootstrap.servers", "127.0.0.1:9"); // required by WorkerConfig, never used
        properties.setProperty("offset.storage", "org.apache.kafka.connect.storage.MemoryOffsetBackingStore");
        properties.setProperty("offset.flush.interval.ms", "60000");
        properties.setProperty("schema.history.internal", "io.debezium.relational.history.MemorySchemaHistory");
        properties.setProperty("converter.schemas.enable", String.valueOf(phase.schemas()));
        String table = PREFIX + "." + phase.workload().database + ".orders";
        ExecutorService executor = Executors.newSingleThreadExecutor();
        begin();
        try (DebeziumEngine<ChangeEvent<String, String>> engine = DebeziumEngine.create(Json.class)
                .using(properties)
                .notifying((List<ChangeEvent<String, String>> records,
                        DebeziumEngine.RecordCommitter<ChangeEvent<String, String>> committer) -> {
                    for (ChangeEvent<String, String> record : records) {
                        if (record.value() != null && table.equals(record.destination())) {
                            counted();
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

    private void tributary(Map<String, String> source) throws Exception {
        String table = PREFIX + "." + phase.workload().database + ".orders";
        ConnectJsonEncoder keys = new ConnectJsonEncoder(phase.schemas());
        ConnectJsonEncoder values = new ConnectJsonEncoder(phase.schemas());
        MySqlSource capture = new MySqlSource();
        begin();
        capture.start(source, Optional.empty());
        try {
            long bytes = 0;
            while (done.getCount() > 0) {
                for (ChangeRecord record : capture.poll()) {
                    byte[] key = keys.encode(record.keySchema(), record.key());
                    byte[] value = values.encode(record.valueSchema(), record.value());
                    bytes += key.length + (value == null ? 0 : value.length);
                    if (value != null && table.equals(record.topic())) {
                        counted();
                    }
                }
            }
            if (bytes == 0) {
                throw new IllegalStateException("nothing encoded");
            }
        } finally {
            capture.close();
        }
    }
}
