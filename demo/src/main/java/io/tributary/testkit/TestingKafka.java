package io.tributary.testkit;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A single-node Kafka broker in KRaft mode (broker and controller in one), running inside this JVM on free
 * ports of 127.0.0.1, with its log in a private temporary directory. Every internal topic (consumer offsets,
 * transaction state, share-group state) has replication factor 1, so transactions and share groups work.
 *
 * <p>The helper methods are thread-safe; each opens and closes its own client.
 */
public final class TestingKafka implements Closeable {
    private static final int NODE_ID = 1;
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(30);

    private final TemporaryDirectory directory;
    private final int brokerPort;
    private final int saslPort;
    private final KafkaConfig config;
    private KafkaRaftServer server;

    private TestingKafka(TemporaryDirectory directory, int brokerPort, int saslPort, KafkaConfig config) {
        this.directory = directory;
        this.brokerPort = brokerPort;
        this.saslPort = saslPort;
        this.config = config;
        this.server = new KafkaRaftServer(config, Time.SYSTEM);
    }

    public static TestingKafka create() {
        return create(Map.of());
    }

    /** A broker with extra or overriding broker properties. */
    public static TestingKafka create(Map<String, String> brokerOverrides) {
        return create(brokerOverrides, null, null);
    }

    /**
     * A broker that also listens with SASL/PLAIN (security.protocol SASL_PLAINTEXT) for one user, on
     * {@link #saslBootstrapServers()}; the plain listener stays for the test's own clients.
     */
    public static TestingKafka withSaslPlain(String user, String password) {
        return create(Map.of(), "PLAIN", "org.apache.kafka.common.security.plain.PlainLoginModule required user_"
                + user + "=\"" + password + "\";");
    }

    /**
     * A broker that also listens with SASL (security.protocol SASL_PLAINTEXT) for {@code mechanism}, on
     * {@link #saslBootstrapServers()}, its server side logged in with {@code jaasConfig}. A mechanism Kafka does not
     * build in is served by the {@code SaslServerFactory} a security provider of this JVM registers for it.
     */
    public static TestingKafka withSasl(String mechanism, String jaasConfig) {
        return create(Map.of(), mechanism, jaasConfig);
    }

    private static TestingKafka create(Map<String, String> brokerOverrides, String saslMechanism, String jaasConfig) {
        TemporaryDirectory directory = TemporaryDirectory.create("kafka");
        int brokerPort = FreePorts.next();
        int controllerPort = FreePorts.next();
        int saslPort = saslMechanism == null ? -1 : FreePorts.next();
        Map<String, String> properties = brokerProperties(directory, brokerPort, controllerPort);
        if (saslMechanism != null) {
            properties.put("listeners", properties.get("listeners") + ",SASL_PLAINTEXT://127.0.0.1:" + saslPort);
            properties.put("advertised.listeners", properties.get("advertised.listeners")
                    + ",SASL_PLAINTEXT://127.0.0.1:" + saslPort);
            properties.put("listener.security.protocol.map", properties.get("listener.security.protocol.map")
                    + ",SASL_PLAINTEXT:SASL_PLAINTEXT");
            properties.put("sasl.enabled.mechanisms", saslMechanism);
            properties.put("listener.name.sasl_plaintext." + saslMechanism.toLowerCase(java.util.Locale.ROOT)
                    + ".sasl.jaas.config", jaasConfig);
        }
        properties.putAll(brokerOverrides);
        KafkaConfig config;
        try {
            config = new KafkaConfig(properties, false);
            format(directory.path().toString());
        } catch (RuntimeException e) {
            directory.close();
            throw e;
        }
        TestingKafka kafka = new TestingKafka(directory, brokerPort, saslPort, config);
        ExitCleanup.register(kafka);
        try {
            kafka.server.startup();
            kafka.awaitReady();
            return kafka;
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
    }

    private static Map<String, String> brokerProperties(TemporaryDirectory directory, int brokerPort, int controllerPort) {
        Map<String, String> properties = new HashMap<>();
        properties.put("process.roles", "broker,controller");
        properties.put("node.id", String.valueOf(NODE_ID));
        properties.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        properties.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        properties.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        properties.put("controller.listener.names", "CONTROLLER");
        properties.put("inter.broker.listener.name", "PLAINTEXT");
        properties.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        properties.put("log.dirs", directory.path().toString());
        properties.put("num.partitions", "1");
        properties.put("default.replication.factor", "1");
        properties.put("offsets.topic.replication.factor", "1");
        properties.put("offsets.topic.num.partitions", "5");
        properties.put("transaction.state.log.replication.factor", "1");
        properties.put("transaction.state.log.min.isr", "1");
        properties.put("transaction.state.log.num.partitions", "5");
        properties.put("share.coordinator.state.topic.replication.factor", "1");
        properties.put("share.coordinator.state.topic.min.isr", "1");
        properties.put("group.initial.rebalance.delay.ms", "0");
        properties.put("log.flush.interval.messages", String.valueOf(Long.MAX_VALUE));
        return properties;
    }

    /** What {@code kafka-storage.sh format --standalone} does: writes meta.properties and the bootstrap snapshot. */
    private static void format(String logDirectory) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (PrintStream printStream = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            new Formatter()
                    .setPrintStream(printStream)
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setDirectories(List.of(logDirectory))
                    .setMetadataLogDirectory(logDirectory)
                    .setControllerListenerName("CONTROLLER")
                    .setReleaseVersion(MetadataVersion.latestProduction())
                    .run();
        } catch (Exception e) {
            throw new TestkitException("cannot format the Kafka log directory " + logDirectory + ": " + e.getMessage()
                    + "\n" + output.toString(StandardCharsets.UTF_8), e);
        }
    }

    private void awaitReady() {
        try (Admin admin = admin()) {
            admin.describeCluster().nodes().get(CLIENT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TestkitException("interrupted while waiting for the Kafka broker", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new TestkitException("the Kafka broker on port " + brokerPort + " did not come up: " + e, e);
        }
    }

    /** {@code bootstrap.servers} for clients. */
    public String bootstrapServers() {
        return "127.0.0.1:" + brokerPort;
    }

    /** The SASL/PLAIN listener of a broker made by {@link #withSaslPlain}. */
    public String saslBootstrapServers() {
        if (saslPort < 0) {
            throw new IllegalStateException("this broker has no SASL listener: make it with withSaslPlain");
        }
        return "127.0.0.1:" + saslPort;
    }

    /** A new admin client; the caller closes it. */
    public Admin admin() {
        return Admin.create(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
    }

    /** Creates a topic with replication factor 1; a topic that already exists is left as it is. */
    public void createTopic(String topic, int partitions) {
        createTopic(topic, partitions, Map.of());
    }

    public void createTopic(String topic, int partitions, Map<String, String> topicConfig) {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1).configs(topicConfig)))
                    .all().get(CLIENT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new TestkitException("cannot create topic " + topic + ": " + e.getCause(), e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TestkitException("interrupted while creating topic " + topic, e);
        } catch (TimeoutException e) {
            throw new TestkitException("timed out creating topic " + topic, e);
        }
    }

    /** Producer properties with string keys and values; add to them as needed. */
    public Properties producerProperties() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        return properties;
    }

    /** Sends one record with a string key and value and waits for the broker's acknowledgement. */
    public void produce(String topic, String key, String value) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProperties())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get(CLIENT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TestkitException("interrupted while producing to " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new TestkitException("cannot produce to " + topic + ": " + e, e);
        }
    }

    /** Every record of a topic, as strings, from the start to the end the topic had when this call began. */
    public List<ConsumerRecord<String, String>> readAll(String topic) {
        return readAll(topic, new StringDeserializer(), new StringDeserializer(), IsolationLevel.READ_UNCOMMITTED);
    }

    /**
     * Every record of a topic, from the start of each partition to the end it had when this call began,
     * partition by partition. With {@link IsolationLevel#READ_COMMITTED} the end is the last stable offset and
     * records of aborted transactions are skipped.
     */
    public <K, V> List<ConsumerRecord<K, V>> readAll(String topic, Deserializer<K> keyDeserializer,
            Deserializer<V> valueDeserializer, IsolationLevel isolationLevel) {
        requireNonNull(topic, "topic is null");
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolationLevel.toString(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<K, V> consumer = new KafkaConsumer<>(config, keyDeserializer, valueDeserializer)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo partition : consumer.partitionsFor(topic, CLIENT_TIMEOUT)) {
                partitions.add(new TopicPartition(topic, partition.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> endOffsets = consumer.endOffsets(partitions, CLIENT_TIMEOUT);
            List<ConsumerRecord<K, V>> records = new ArrayList<>();
            long deadline = System.nanoTime() + CLIENT_TIMEOUT.toNanos();
            while (!reachedEnd(consumer, endOffsets)) {
                if (System.nanoTime() > deadline) {
                    throw new TestkitException("could not read " + topic + " up to " + endOffsets + " within "
                            + CLIENT_TIMEOUT.toSeconds() + " s");
                }
                for (ConsumerRecord<K, V> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() < endOffsets.get(new TopicPartition(record.topic(), record.partition()))) {
                        records.add(record);
                    }
                }
            }
            records.sort((left, right) -> left.partition() != right.partition()
                    ? Integer.compare(left.partition(), right.partition())
                    : Long.compare(left.offset(), right.offset()));
            return records;
        }
    }

    private static boolean reachedEnd(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> endOffsets) {
        return endOffsets.entrySet().stream()
                .allMatch(end -> consumer.position(end.getKey(), CLIENT_TIMEOUT) >= end.getValue());
    }

    @Override
    public synchronized void close() {
        ExitCleanup.unregister(this);
        try {
            stopBroker();
        } finally {
            directory.close();
        }
    }

    /** Shuts the broker down cleanly, keeping its data: clients see it gone until {@link #startBroker}. */
    public synchronized void stopBroker() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    /** Starts the broker again on the same ports and data, and waits until it answers. */
    public synchronized void startBroker() {
        if (server != null) {
            throw new IllegalStateException("the broker is running");
        }
        server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        awaitReady();
    }

    @Override
    public String toString() {
        return "TestingKafka[" + bootstrapServers() + "]";
    }
}
