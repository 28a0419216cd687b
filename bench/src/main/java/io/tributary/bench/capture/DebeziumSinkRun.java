package io.tributary.bench.capture;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.debezium.embedded.EmbeddedEngineChangeEvent;
import io.debezium.engine.ChangeEvent;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.format.JsonByteArray;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Debezium 3.5 embedded doing what {@code tributary run} does in the product benchmark, in a JVM of its own: the
 * engine's JsonConverter bytes written as the same JSON lines to {@code <directory>/<topic>.jsonl} (one write per
 * batch and file), or sent by a KafkaProducer with a Kafka Connect worker's producer settings; with the same
 * durability — every {@code offset.flush.interval.ms} the files are forced to disk (or the producer flushed) and only
 * then are the records before that point marked processed, so Debezium's offsets (a file, flushed on the same
 * interval) never pass what is durable. Or, as a Connect worker's exactly-once source task with
 * {@code transaction.boundary=interval} on the same interval, in Kafka transactions, each ending with an offset record
 * in an offsets topic. Runs until the benchmark stops it.
 *
 * <p>Arguments: a properties file of the engine's settings (the source's keys plus the embedded engine's), the sink
 * ({@code file}, {@code kafka} or {@code kafka-exactly-once}), the output directory or Kafka's bootstrap servers, and
 * for {@code kafka-exactly-once} the offsets topic.
 */
public final class DebeziumSinkRun {
    private DebeziumSinkRun() {
    }

    public static void main(String[] args) throws Exception {
        Properties properties = new Properties();
        try (var in = java.nio.file.Files.newInputStream(Path.of(args[0]))) {
            properties.load(in);
        }
        long intervalNanos = Long.parseLong(properties.getProperty("offset.flush.interval.ms")) * 1_000_000L;
        Output output = switch (args[1]) {
            case "kafka" -> new KafkaOutput(args[2]);
            case "kafka-exactly-once" -> new TransactionalKafkaOutput(args[2], args[3], intervalNanos);
            default -> new FileOutput(Path.of(args[2]));
        };
        List<ChangeEvent<byte[], byte[]>> unmarked = new ArrayList<>();
        long[] committedAt = {System.nanoTime()};
        ExecutorService executor = Executors.newSingleThreadExecutor();
        DebeziumEngine<ChangeEvent<byte[], byte[]>> engine = DebeziumEngine.create(JsonByteArray.class)
                .using(properties)
                .notifying((List<ChangeEvent<byte[], byte[]>> records,
                        DebeziumEngine.RecordCommitter<ChangeEvent<byte[], byte[]>> committer) -> {
                    try {
                        output.write(records);
                        unmarked.addAll(records);
                        if (System.nanoTime() - committedAt[0] >= intervalNanos) {
                            output.commit();
                            for (ChangeEvent<byte[], byte[]> record : unmarked) {
                                committer.markProcessed(record);
                            }
                            unmarked.clear();
                            committer.markBatchFinished();
                            committedAt[0] = System.nanoTime();
                        }
                    } catch (InterruptedException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new IllegalStateException("the benchmark's Debezium output failed", e);
                    }
                })
                .build();
        executor.execute(engine);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                engine.close();
                output.close();
            } catch (Exception e) {
                e.printStackTrace();
            }
        }));
        executor.shutdown();
    }

    /** Where the engine's records go. */
    private interface Output extends AutoCloseable {
        void write(List<ChangeEvent<byte[], byte[]>> records) throws IOException;

        /** Makes everything written durable. */
        void commit() throws Exception;
    }

    /** The file sink's lines, {@code {"key":..,"value":..}}, one write per batch and file, forced at commit. */
    private static final class FileOutput implements Output {
        private static final byte[] KEY = "{\"key\":".getBytes(StandardCharsets.US_ASCII);
        private static final byte[] VALUE = ",\"value\":".getBytes(StandardCharsets.US_ASCII);
        private static final byte[] END = "}\n".getBytes(StandardCharsets.US_ASCII);
        private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);

        private final Path directory;
        private final Map<String, FileChannel> files = new HashMap<>();
        private final Map<String, ByteArrayOutputStream> lines = new HashMap<>();

        FileOutput(Path directory) {
            this.directory = directory;
        }

        @Override
        public void write(List<ChangeEvent<byte[], byte[]>> records) throws IOException {
            for (ChangeEvent<byte[], byte[]> record : records) {
                ByteArrayOutputStream out = lines.computeIfAbsent(record.destination(),
                        topic -> new ByteArrayOutputStream(1 << 20));
                out.write(KEY);
                out.write(record.key() == null ? NULL : record.key());
                out.write(VALUE);
                out.write(record.value() == null ? NULL : record.value());
                out.write(END);
            }
            for (Map.Entry<String, ByteArrayOutputStream> topic : lines.entrySet()) {
                FileChannel file = files.get(topic.getKey());
                if (file == null) {
                    file = FileChannel.open(directory.resolve(topic.getKey() + ".jsonl"), StandardOpenOption.CREATE,
                            StandardOpenOption.WRITE, StandardOpenOption.APPEND);
                    files.put(topic.getKey(), file);
                }
                ByteBuffer bytes = ByteBuffer.wrap(topic.getValue().toByteArray());
                while (bytes.hasRemaining()) {
                    file.write(bytes);
                }
                topic.getValue().reset();
            }
        }

        @Override
        public void commit() throws IOException {
            for (FileChannel file : files.values()) {
                file.force(false);
            }
        }

        @Override
        public void close() throws IOException {
            for (FileChannel file : files.values()) {
                file.close();
            }
        }
    }

    /**
     * The settings a Kafka Connect worker gives its source tasks' producers ({@code Worker.baseProducerConfigs}):
     * everything else is the producer's default (linger.ms 5, batch.size 16384, no compression).
     */
    static Map<String, Object> workerProducerSettings(String bootstrapServers) {
        return workerProducerSettings(bootstrapServers, false);
    }

    /**
     * With {@code exactlyOnce}, as the worker gives an exactly-once source task's producer
     * ({@code Worker.exactlyOnceSourceTaskProducerConfigs}): idempotent, with a transactional id.
     */
    static Map<String, Object> workerProducerSettings(String bootstrapServers, boolean exactlyOnce) {
        Map<String, Object> settings = new HashMap<>(Map.of("bootstrap.servers", bootstrapServers, "acks", "all",
                "max.in.flight.requests.per.connection", "1", "max.block.ms", String.valueOf(Long.MAX_VALUE),
                "delivery.timeout.ms", String.valueOf(Integer.MAX_VALUE),
                "key.serializer", ByteArraySerializer.class.getName(),
                "value.serializer", ByteArraySerializer.class.getName()));
        if (exactlyOnce) {
            settings.put("enable.idempotence", "true");
            settings.put("transactional.id", "bench-debezium");
        }
        return Map.copyOf(settings);
    }

    /**
     * A Connect worker's exactly-once source task with {@code transaction.boundary=interval}: the records of each
     * interval in one transaction with a record of the source offset reached in the offsets topic; a timer commits a
     * transaction that has been open for the interval when no batch comes to commit it, as the worker's does.
     */
    private static final class TransactionalKafkaOutput implements Output {
        private final KafkaProducer<byte[], byte[]> producer;
        private final String offsetsTopic;
        private final long intervalNanos;
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        private boolean open;
        private long openedAt;
        private ChangeEvent<byte[], byte[]> last;

        TransactionalKafkaOutput(String bootstrapServers, String offsetsTopic, long intervalNanos) {
            this.producer = new KafkaProducer<>(workerProducerSettings(bootstrapServers, true));
            this.offsetsTopic = offsetsTopic;
            this.intervalNanos = intervalNanos;
            producer.initTransactions();
            long period = Math.max(1, intervalNanos / 10);
            timer.scheduleAtFixedRate(this::commitIfDue, period, period, TimeUnit.NANOSECONDS);
        }

        @Override
        public synchronized void write(List<ChangeEvent<byte[], byte[]>> records) {
            if (!open && !records.isEmpty()) {
                producer.beginTransaction();
                open = true;
                openedAt = System.nanoTime();
            }
            for (ChangeEvent<byte[], byte[]> record : records) {
                producer.send(new ProducerRecord<>(record.destination(), record.key(), record.value()));
                last = record;
            }
        }

        @Override
        public synchronized void commit() {
            if (open) {
                Object offset = last instanceof EmbeddedEngineChangeEvent<?, ?, ?> event
                        ? event.sourceRecord().sourceOffset() : null;
                producer.send(new ProducerRecord<>(offsetsTopic, "bench-debezium".getBytes(StandardCharsets.UTF_8),
                        String.valueOf(offset).getBytes(StandardCharsets.UTF_8)));
                producer.commitTransaction();
                open = false;
            }
        }

        private synchronized void commitIfDue() {
            if (open && System.nanoTime() - openedAt >= intervalNanos) {
                commit();
            }
        }

        @Override
        public void close() throws InterruptedException {
            timer.shutdownNow();
            timer.awaitTermination(1, TimeUnit.MINUTES);
            producer.close();
        }
    }

    /** A KafkaProducer with the settings a Kafka Connect worker gives its source tasks' producers. */
    private static final class KafkaOutput implements Output {
        private final KafkaProducer<byte[], byte[]> producer;
        private final AtomicReference<Exception> failure = new AtomicReference<>();

        KafkaOutput(String bootstrapServers) {
            producer = new KafkaProducer<>(workerProducerSettings(bootstrapServers));
        }

        @Override
        public void write(List<ChangeEvent<byte[], byte[]>> records) {
            for (ChangeEvent<byte[], byte[]> record : records) {
                producer.send(new ProducerRecord<>(record.destination(), record.key(), record.value()),
                        (metadata, error) -> {
                            if (error != null) {
                                failure.compareAndSet(null, error);
                            }
                        });
            }
        }

        @Override
        public void commit() throws Exception {
            producer.flush();
            Exception error = failure.get();
            if (error != null) {
                throw error;
            }
        }

        @Override
        public void close() {
            producer.close();
        }
    }
}
