package io.tributary.bench.capture;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.tributary.sink.kafka.KafkaSink;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The floor a Kafka row shares between the engines: the CPU a bare {@link KafkaProducer} spends sending the same
 * records to the same broker with an engine's producer settings — batching, compressing, framing and sending them —
 * measured in this (warm) JVM as the CPU of the sending thread inside {@code send} and {@code flush} and of the
 * producer's network thread. Start-up, the JIT, the garbage collector and reading the records are left out, so the
 * floor is what producing those bytes costs at the least; both engines pay it, each with its own settings.
 */
final class ProduceFloor {
    /** Records sent, unmeasured, before the measured pass, so that the producer's code runs compiled. */
    private static final int WARM_UP = 100_000;
    private static final int CHUNK = 10_000;
    /** Records per transaction of a transactional floor. */
    private static final int TRANSACTION = 100_000;

    /** Whose producer settings the bare producer sends with. */
    enum Settings {
        /** Tributary's Kafka sink's defaults ({@link KafkaSink#producerSettings}). */
        TRIBUTARY,
        /** A Kafka Connect worker's source producer ({@link DebeziumSinkRun#workerProducerSettings}). */
        CONNECT
    }

    private ProduceFloor() {
    }

    /** Copies the first {@code count} records of partition 0 of {@code topic} into {@code file}. */
    static void record(String bootstrapServers, String topic, long count, Path file) throws IOException {
        TopicPartition partition = new TopicPartition(topic, 0);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers",
                bootstrapServers, "key.deserializer", ByteArrayDeserializer.class.getName(),
                "value.deserializer", ByteArrayDeserializer.class.getName(), "max.poll.records", "5000"));
                DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file),
                        1 << 20))) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long copied = 0;
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            while (copied < count) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("read " + copied + " of " + count + " records of " + topic);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    if (copied++ < count) {
                        write(out, record.key());
                        write(out, record.value());
                    }
                }
            }
        }
    }

    /**
     * CPU nanoseconds a producer with these settings spends sending the records of {@code records} to
     * {@code topic}, after sending up to {@value #WARM_UP} of them to {@code warmUpTopic}. Transactional: in
     * transactions of {@value #TRANSACTION} records each (about what either engine commits a second).
     */
    static long measure(Path records, String bootstrapServers, String topic, String warmUpTopic, Settings settings,
            boolean transactional) throws Exception {
        Map<String, Object> config = new HashMap<>(settings == Settings.TRIBUTARY
                ? KafkaSink.producerSettings("floor", Map.of("bootstrap.servers", bootstrapServers,
                        "exactly.once", String.valueOf(transactional)))
                : DebeziumSinkRun.workerProducerSettings(bootstrapServers, transactional));
        send(records, config, warmUpTopic, WARM_UP);
        return send(records, config, topic, Long.MAX_VALUE);
    }

    /** Sends up to {@code limit} records; the CPU of the sending thread in the producer and of its network thread. */
    private static long send(Path records, Map<String, Object> config, String topic, long limit) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        String clientId = "floor-" + UUID.randomUUID();
        config.put("client.id", clientId);
        AtomicReference<Exception> failure = new AtomicReference<>();
        Callback callback = (metadata, error) -> {
            if (error != null) {
                failure.compareAndSet(null, error);
            }
        };
        long sending = 0;
        long network;
        boolean transactional = config.containsKey("transactional.id");
        if (transactional) {
            config.put("transactional.id", clientId);
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(records),
                1 << 20)); KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config)) {
            if (transactional) {
                producer.initTransactions();
            }
            Thread networkThread = Thread.getAllStackTraces().keySet().stream()
                    .filter(thread -> thread.getName().endsWith(clientId)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no network thread of producer " + clientId));
            long networkBefore = threads.getThreadCpuTime(networkThread.getId());
            List<ProducerRecord<byte[], byte[]>> chunk = new ArrayList<>(CHUNK);
            long sent = 0;
            while (sent < limit) {
                chunk.clear();
                byte[][] record;
                while (chunk.size() < CHUNK && sent + chunk.size() < limit && (record = next(in)) != null) {
                    chunk.add(new ProducerRecord<>(topic, record[0], record[1]));
                }
                if (chunk.isEmpty()) {
                    break;
                }
                long before = threads.getCurrentThreadCpuTime();
                if (transactional && sent % TRANSACTION == 0) {
                    producer.beginTransaction();
                }
                for (ProducerRecord<byte[], byte[]> each : chunk) {
                    producer.send(each, callback);
                }
                sent += chunk.size();
                if (transactional && sent % TRANSACTION == 0) {
                    producer.commitTransaction();
                }
                sending += threads.getCurrentThreadCpuTime() - before;
            }
            long before = threads.getCurrentThreadCpuTime();
            if (transactional && sent % TRANSACTION != 0) {
                producer.commitTransaction();
            }
            producer.flush();
            sending += threads.getCurrentThreadCpuTime() - before;
            network = threads.getThreadCpuTime(networkThread.getId()) - networkBefore;
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return sending + network;
    }

    /** The next record's key and value, or null at the end of the file. */
    private static byte[][] next(DataInputStream in) throws IOException {
        byte[] key;
        try {
            key = read(in);
        } catch (EOFException end) {
            return null;
        }
        return new byte[][] {key, read(in)};
    }

    /** A length (-1 for null) and the bytes. */
    private static void write(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeInt(bytes == null ? -1 : bytes.length);
        if (bytes != null) {
            out.write(bytes);
        }
    }

    private static byte[] read(DataInputStream in) throws IOException {
        int length = in.readInt();
        return length < 0 ? null : in.readNBytes(length);
    }
}
