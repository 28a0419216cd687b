package io.tributary.bench.capture;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.debezium.embedded.Connect;
import io.debezium.embedded.EmbeddedEngineChangeEvent;
import io.debezium.engine.ChangeEvent;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import io.debezium.engine.format.ChangeEventFormat;
import io.debezium.engine.format.JsonByteArray;
import io.tributary.testkit.TestingDynamoDb;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Debezium 3.5 embedded doing what {@code tributary run} does in the product benchmark, in a JVM of its own: the
 * engine's JsonConverter bytes written as the same JSON lines to {@code <directory>/<topic>.jsonl} (one write per
 * batch and file), or sent by a KafkaProducer with a Kafka Connect worker's producer settings; with the same
 * durability — every {@code offset.flush.interval.ms} the files are forced to disk (or the producer flushed) and only
 * then are the records before that point marked processed, so Debezium's offsets (a file, flushed on the same
 * interval) never pass what is durable. Or, as a Connect worker's exactly-once source task with
 * {@code transaction.boundary=interval} on the same interval, in Kafka transactions, each ending with an offset record
 * in an offsets topic. Or into DynamoDB tables, as Tributary's DynamoDB sink writes them ({@link DynamoDbOutput}).
 * Runs until the benchmark stops it.
 *
 * <p>Arguments: a properties file of the engine's settings (the source's keys plus the embedded engine's), the sink
 * ({@code file}, {@code kafka}, {@code kafka-exactly-once} or {@code dynamodb}), the output directory, Kafka's
 * bootstrap servers or DynamoDB's endpoint, and for {@code kafka-exactly-once} the offsets topic.
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
        if (args[1].equals("dynamodb")) {
            // items are made from the records themselves: no converter runs (Connect's format)
            run(DebeziumEngine.create(ChangeEventFormat.of(Connect.class)), properties, intervalNanos,
                    new DynamoDbOutput(args[2]));
            return;
        }
        Output<ChangeEvent<byte[], byte[]>> output = switch (args[1]) {
            case "kafka" -> new KafkaOutput(args[2]);
            case "kafka-exactly-once" -> new TransactionalKafkaOutput(args[2], args[3], intervalNanos);
            default -> new FileOutput(Path.of(args[2]));
        };
        run(DebeziumEngine.create(JsonByteArray.class), properties, intervalNanos, output);
    }

    /**
     * Runs the engine into the output: every batch written, and once per interval the output committed and only
     * then the records before that point marked processed.
     */
    private static <E> void run(DebeziumEngine.Builder<E> builder, Properties properties, long intervalNanos,
            Output<E> output) {
        List<E> unmarked = new ArrayList<>();
        long[] committedAt = {System.nanoTime()};
        ExecutorService executor = Executors.newSingleThreadExecutor();
        DebeziumEngine<E> engine = builder
                .using(properties)
                .notifying((List<E> records, DebeziumEngine.RecordCommitter<E> committer) -> {
                    try {
                        output.write(records);
                        unmarked.addAll(records);
                        if (System.nanoTime() - committedAt[0] >= intervalNanos) {
                            output.commit();
                            for (E record : unmarked) {
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
    private interface Output<E> extends AutoCloseable {
        void write(List<E> records) throws Exception;

        /** Makes everything written durable. */
        void commit() throws Exception;
    }

    /** The file sink's lines, {@code {"key":..,"value":..}}, one write per batch and file, forced at commit. */
    private static final class FileOutput implements Output<ChangeEvent<byte[], byte[]>> {
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
    private static final class TransactionalKafkaOutput implements Output<ChangeEvent<byte[], byte[]>> {
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

    /**
     * DynamoDB as the product benchmark's Tributary sink writes it ({@code DynamoDbSink}): an item of the row after
     * each create, read or update (its columns as attributes: numbers, decimals and timestamps as {@code N}, text as
     * {@code S}, null as {@code NULL}), a delete by key for a delete or tombstone; at the end of each batch the engine
     * hands over, the last write of each key sent with BatchWriteItem, 25 a call, unprocessed items sent again.
     */
    private static final class DynamoDbOutput implements Output<RecordChangeEvent<SourceRecord>> {
        private static final int PER_CALL = 25;

        private final DynamoDbClient client;
        /** Per table, the last write of each key, in the order of their last change. */
        private final Map<String, Map<Struct, WriteRequest>> pending = new LinkedHashMap<>();

        DynamoDbOutput(String endpoint) {
            client = TestingDynamoDb.clientBuilder(URI.create(endpoint)).build();
        }

        @Override
        public void write(List<RecordChangeEvent<SourceRecord>> records) {
            for (RecordChangeEvent<SourceRecord> event : records) {
                SourceRecord record = event.record();
                Struct key = (Struct) record.key();
                Struct value = (Struct) record.value();
                Struct after = value == null ? null : value.getStruct("after");
                WriteRequest write = after == null
                        ? WriteRequest.builder().deleteRequest(delete -> delete.key(item(key))).build()
                        : WriteRequest.builder().putRequest(put -> put.item(item(after))).build();
                Map<Struct, WriteRequest> table = pending.computeIfAbsent(record.topic(),
                        ignored -> new LinkedHashMap<>());
                table.remove(key);
                table.put(key, write);
            }
            // a Connect sink's put: the batch written before the next is taken (the engine hands over up to 2,048)
            commit();
        }

        @Override
        public void commit() {
            pending.forEach((table, writes) -> {
                List<WriteRequest> latest = new ArrayList<>(writes.values());
                for (int from = 0; from < latest.size(); from += PER_CALL) {
                    Map<String, List<WriteRequest>> request = Map.of(table,
                            latest.subList(from, Math.min(latest.size(), from + PER_CALL)));
                    while (!request.isEmpty()) {
                        Map<String, List<WriteRequest>> calling = request;
                        request = client.batchWriteItem(call -> call.requestItems(calling)).unprocessedItems();
                    }
                }
            });
            pending.clear();
        }

        private static Map<String, AttributeValue> item(Struct struct) {
            Map<String, AttributeValue> item = new LinkedHashMap<>();
            for (Field field : struct.schema().fields()) {
                Object value = struct.get(field);
                item.put(field.name(), value == null ? AttributeValue.fromNul(true)
                        : value instanceof String text ? AttributeValue.fromS(text)
                        : value instanceof BigDecimal decimal ? AttributeValue.fromN(decimal.toPlainString())
                        : AttributeValue.fromN(value.toString()));
            }
            return item;
        }

        @Override
        public void close() {
            client.close();
        }
    }

    /** A KafkaProducer with the settings a Kafka Connect worker gives its source tasks' producers. */
    private static final class KafkaOutput implements Output<ChangeEvent<byte[], byte[]>> {
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
