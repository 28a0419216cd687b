package io.tributary.bench.capture;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
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
        Map<String, String> source = EngineConfig.source(args[1], args[2], args[3], DATABASE, "no_data");
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
        OptionalLong stamp = insertStamp(json);
        if (stamp.isEmpty() || done.getCount() == 0) {
            return;
        }
        if (seen++ >= warmUp) {
            latencies[(int) (seen - 1 - warmUp)] = now - stamp.getAsLong();
            if (seen - warmUp == latencies.length) {
                done.countDown();
            }
        }
    }

    /**
     * The client's stamp ({@code created_at}, epoch milliseconds) of an insert's JSON event, with or without
     * schema; empty for any other event.
     */
    static OptionalLong insertStamp(byte[] json) {
        try {
            JsonNode event = JSON.readTree(json);
            JsonNode payload = event.has("payload") ? event.get("payload") : event;
            return "c".equals(payload.path("op").asText())
                    ? OptionalLong.of(payload.path("after").path("created_at").asLong()) : OptionalLong.empty();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void debezium(Map<String, String> source) throws Exception {
        Properties properties = EngineConfig.debezium(source, "bench-latency");
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

    private void tributary(Map<String, String> source) throws Exception {
        ConnectJsonEncoder values = new ConnectJsonEncoder(true);
        MySqlSource capture = new MySqlSource();
        capture.start(source, Optional.empty());
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
