package io.tributary.bench.capture;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.apicurio.registry.utils.converter.AvroConverter;
import io.debezium.embedded.Connect;
import io.debezium.engine.ChangeEvent;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.format.JsonByteArray;
import io.tributary.api.ChangeRecord;
import io.tributary.core.json.ConnectJsonEncoder;
import io.tributary.sink.kafka.KafkaSink;
import io.tributary.source.mysql.MySqlSource;
import io.tributary.testkit.TestingSchemaRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * One run of a {@link Phase} in a JVM of its own: the engine captures the workload's database into JSON-encoded
 * change events — Debezium's embedded engine with its {@code JsonByteArray} format (JsonConverter), Tributary's
 * source with its JsonConverter-identical encoder — delivered to a counter or to Kafka, until {@code events} change
 * events arrived; then it writes its {@link Measurement} to the result file and exits.
 *
 * <p>Arguments: engine, workload, schemas, delivery, host, port, events, server id, result file, Kafka's bootstrap
 * servers (for delivery to Kafka), and for Avro the registry's Confluent-compatible URL and Apicurio's v2 URL.
 */
public final class CaptureRun {
    private final Phase phase;
    private final long expected;
    private final CountDownLatch done = new CountDownLatch(1);
    private long count;
    private volatile Measurement measurement;
    private Meter meter;

    private CaptureRun(Phase phase, long expected) {
        this.phase = phase;
        this.expected = expected;
    }

    public static void main(String[] args) throws Exception {
        Phase phase = new Phase(Phase.Engine.valueOf(args[0]), Phase.Workload.valueOf(args[1]),
                Boolean.parseBoolean(args[2]), Phase.Delivery.valueOf(args[3]));
        Map<String, String> source = EngineConfig.source(args[4], args[5], args[7], phase.workload().database,
                phase.workload().snapshotMode);
        CaptureRun run = new CaptureRun(phase, Long.parseLong(args[6]));
        String bootstrapServers = args.length > 9 ? args[9] : null;
        // for Avro: the registry's Confluent-compatible API (Tributary's) and Apicurio's v2 API (its converter's)
        String registry = args.length > 10 ? args[10] : null;
        String apicurioRegistry = args.length > 11 ? args[11] : null;
        if (phase.engine() == Phase.Engine.DEBEZIUM) {
            if (registry == null) {
                run.debezium(source, bootstrapServers);
            } else {
                run.debeziumAvro(source, bootstrapServers, apicurioRegistry);
            }
        } else {
            run.tributary(source, bootstrapServers, registry);
        }
        Files.writeString(Path.of(args[8]), run.measurement.toLine());
        System.exit(0);
    }

    private void begin() {
        meter = Meter.start();
    }

    /** Counts change events delivered; the last one expected ends the measurement. */
    private void counted(int events) {
        count += events;
        if (count >= expected && done.getCount() > 0) {
            measurement = meter.stop(count);
            done.countDown();
        }
    }

    private void debezium(Map<String, String> source, String bootstrapServers) throws Exception {
        Properties properties = EngineConfig.debezium(source, "bench-debezium");
        properties.setProperty("offset.flush.interval.ms", "60000");
        properties.setProperty("converter.schemas.enable", String.valueOf(phase.schemas()));
        String table = EngineConfig.TOPIC_PREFIX + "." + phase.workload().database + ".orders";
        KafkaProducer<byte[], byte[]> producer = bootstrapServers == null ? null
                : new KafkaProducer<>(producerSettings(bootstrapServers));
        ExecutorService executor = Executors.newSingleThreadExecutor();
        begin();
        try (DebeziumEngine<ChangeEvent<byte[], byte[]>> engine = DebeziumEngine.create(JsonByteArray.class)
                .using(properties)
                .notifying((List<ChangeEvent<byte[], byte[]>> records,
                        DebeziumEngine.RecordCommitter<ChangeEvent<byte[], byte[]>> committer) -> {
                    int changes = 0;
                    for (ChangeEvent<byte[], byte[]> record : records) {
                        if (producer != null) {
                            producer.send(new ProducerRecord<>(record.destination(), record.key(), record.value()));
                        }
                        if (record.value() != null && table.equals(record.destination())) {
                            changes++;
                        }
                        committer.markProcessed(record);
                    }
                    if (producer != null) {
                        producer.flush(); // every send acknowledged before the batch counts as done
                    }
                    counted(changes);
                    committer.markBatchFinished();
                })
                .build()) {
            executor.execute(engine);
            done.await();
        } finally {
            if (producer != null) {
                producer.close();
            }
        }
        executor.shutdownNow();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }

    /**
     * Debezium's engine handing over Connect records, converted to Avro by Apicurio Registry's {@code AvroConverter}
     * (in Confluent's wire format) as a Connect worker converts a source task's records, then sent as
     * {@link #debezium} sends them.
     */
    private void debeziumAvro(Map<String, String> source, String bootstrapServers, String apicurioRegistry)
            throws Exception {
        Properties properties = EngineConfig.debezium(source, "bench-debezium");
        properties.setProperty("offset.flush.interval.ms", "60000");
        String table = EngineConfig.TOPIC_PREFIX + "." + phase.workload().database + ".orders";
        Map<String, String> converterSettings = TestingSchemaRegistry.apicurioConfluentSettings(apicurioRegistry);
        AvroConverter<?> keys = new AvroConverter<>();
        keys.configure(converterSettings, true);
        AvroConverter<?> values = new AvroConverter<>();
        values.configure(converterSettings, false);
        KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerSettings(bootstrapServers));
        ExecutorService executor = Executors.newSingleThreadExecutor();
        begin();
        try (DebeziumEngine<ChangeEvent<SourceRecord, SourceRecord>> engine = DebeziumEngine.create(Connect.class)
                .using(properties)
                .notifying((List<ChangeEvent<SourceRecord, SourceRecord>> records,
                        DebeziumEngine.RecordCommitter<ChangeEvent<SourceRecord, SourceRecord>> committer) -> {
                    int changes = 0;
                    for (ChangeEvent<SourceRecord, SourceRecord> event : records) {
                        SourceRecord record = event.value();
                        String topic = record.topic();
                        producer.send(new ProducerRecord<>(topic,
                                keys.fromConnectData(topic, record.keySchema(), record.key()),
                                values.fromConnectData(topic, record.valueSchema(), record.value())));
                        if (record.value() != null && table.equals(topic)) {
                            changes++;
                        }
                        committer.markProcessed(event);
                    }
                    producer.flush(); // every send acknowledged before the batch counts as done
                    counted(changes);
                    committer.markBatchFinished();
                })
                .build()) {
            executor.execute(engine);
            done.await();
        } finally {
            producer.close();
        }
        executor.shutdownNow();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }

    /** The producer settings Tributary's Kafka sink defaults to (at-least-once), for Debezium's producer. */
    private static Map<String, Object> producerSettings(String bootstrapServers) {
        return Map.of("bootstrap.servers", bootstrapServers, "acks", "all", "linger.ms", "5",
                "compression.type", "lz4", "batch.size", "262144",
                "enable.idempotence", "false", "max.in.flight.requests.per.connection", "1",
                "key.serializer", ByteArraySerializer.class.getName(),
                "value.serializer", ByteArraySerializer.class.getName());
    }

    private void tributary(Map<String, String> source, String bootstrapServers, String registry) throws Exception {
        String table = EngineConfig.TOPIC_PREFIX + "." + phase.workload().database + ".orders";
        MySqlSource capture = new MySqlSource();
        Delivery delivery = bootstrapServers == null ? new EncodingCounter(phase.schemas())
                : new KafkaDelivery(bootstrapServers, phase.schemas(), registry);
        begin();
        try (delivery) { // a failure of capture is the error reported, not what closing the delivery says of it
            capture.start(source, Optional.empty());
            try {
                while (done.getCount() > 0) {
                    List<ChangeRecord> batch = capture.poll();
                    delivery.deliver(batch);
                    int changes = 0;
                    for (ChangeRecord record : batch) {
                        if (record.value() != null && table.equals(record.topic())) {
                            changes++;
                        }
                    }
                    counted(changes);
                }
            } finally {
                capture.close();
            }
        }
    }

    /** Where Tributary's runs deliver a batch; it returns once the batch is delivered. */
    private interface Delivery extends AutoCloseable {
        void deliver(List<ChangeRecord> batch) throws InterruptedException;

        @Override
        void close();
    }

    /** Encodes each record's key and value as the Kafka sink does, and keeps only the byte count. */
    private static final class EncodingCounter implements Delivery {
        private final ConnectJsonEncoder keys;
        private final ConnectJsonEncoder values;
        private long bytes;

        EncodingCounter(boolean schemas) {
            keys = new ConnectJsonEncoder(schemas);
            values = new ConnectJsonEncoder(schemas);
        }

        @Override
        public void deliver(List<ChangeRecord> batch) {
            for (ChangeRecord record : batch) {
                byte[] key = keys.encode(record.keySchema(), record.key());
                byte[] value = values.encode(record.valueSchema(), record.value());
                bytes += (key == null ? 0 : key.length) + (value == null ? 0 : value.length);
            }
        }

        @Override
        public void close() {
            if (bytes == 0) {
                throw new IllegalStateException("nothing encoded");
            }
        }
    }

    /** Tributary's Kafka sink, written and flushed (acknowledged) batch by batch, as its runtime does. */
    private static final class KafkaDelivery implements Delivery {
        private final KafkaSink sink = new KafkaSink();

        /** JSON with or without schemas; Avro with {@code registry}'s Confluent-compatible API when it is not null. */
        KafkaDelivery(String bootstrapServers, boolean schemas, String registry) {
            sink.start("bench", registry == null
                    ? Map.of("bootstrap.servers", bootstrapServers,
                            "key.converter.schemas.enable", String.valueOf(schemas),
                            "value.converter.schemas.enable", String.valueOf(schemas))
                    : Map.of("bootstrap.servers", bootstrapServers,
                            "key.converter", "io.confluent.connect.avro.AvroConverter",
                            "key.converter.schema.registry.url", registry,
                            "value.converter", "io.confluent.connect.avro.AvroConverter",
                            "value.converter.schema.registry.url", registry));
        }

        @Override
        public void deliver(List<ChangeRecord> batch) throws InterruptedException {
            sink.write(batch);
            sink.flush();
        }

        @Override
        public void close() {
            sink.close();
        }
    }
}
