package io.tributary.connect;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import io.tributary.api.SourceException;
import io.tributary.source.mysql.MySqlSourceConfig.HistoryTopic;
import io.tributary.source.mysql.SchemaHistoryStore;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tributary's schema history in a Kafka topic, for a source task on Kafka Connect, whose next start may be on any
 * worker: a record per line, in one partition, kept forever ({@code retention.ms=-1}). The topic is created when
 * missing; replacing or clearing the lines deletes the records before the new ones ({@code deleteRecords}), so the
 * topic holds what a history file would. Each line is acknowledged by every in-sync replica before it counts as
 * written.
 */
final class KafkaSchemaHistoryStore implements SchemaHistoryStore {
    /** Room for a base line that describes many tables; lines are compressed on the way. */
    private static final int MAX_LINE_BYTES = 16 * 1024 * 1024;
    private static final Duration POLL = Duration.ofSeconds(1);
    /** How long reading the topic may go without a record before it fails rather than hang. */
    private static final Duration READ_STALL = Duration.ofMinutes(2);
    private static final Logger LOG = LoggerFactory.getLogger(KafkaSchemaHistoryStore.class);

    private final HistoryTopic settings;
    private final TopicPartition partition;
    private Admin admin;
    private KafkaProducer<String, String> producer;
    private boolean topicReady;

    KafkaSchemaHistoryStore(HistoryTopic settings) {
        this.settings = settings;
        this.partition = new TopicPartition(settings.topic(), 0);
    }

    @Override
    public String describe() {
        return "the schema history topic " + settings.topic() + " on " + settings.bootstrapServers();
    }

    @Override
    public String remedyForUnreadable() {
        return "The topic is Tributary's alone (schema.history.internal.kafka.topic with " + HistoryTopic.SUFFIX
                + " added): restore it, or delete it together with the connector's offsets (or give the connector a "
                + "new name) so that it takes a new snapshot";
    }

    @Override
    public List<String> read() {
        try {
            if (!topicExists()) {
                return List.of();
            }
            List<String> lines = new ArrayList<>();
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerSettings(),
                    new StringDeserializer(), new StringDeserializer())) {
                consumer.assign(List.of(partition));
                consumer.seekToBeginning(List.of(partition));
                long end = consumer.endOffsets(List.of(partition)).get(partition);
                long lastProgress = System.nanoTime();
                while (consumer.position(partition) < end) {
                    long before = consumer.position(partition);
                    for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                        if (record.offset() < end && record.value() != null) {
                            lines.add(record.value());
                        }
                    }
                    if (consumer.position(partition) > before) {
                        lastProgress = System.nanoTime();
                    } else if (System.nanoTime() - lastProgress > READ_STALL.toNanos()) {
                        throw failure("cannot read", new KafkaException("no record arrived for " + READ_STALL
                                + " at offset " + before + " of " + end));
                    }
                }
            }
            return lines;
        } catch (KafkaException e) {
            throw failure("cannot read", e);
        }
    }

    @Override
    public void append(String line) {
        send(line);
    }

    @Override
    public void replace(String line) {
        deleteBefore(send(line));
    }

    @Override
    public void clear() {
        try {
            if (!topicExists()) {
                return;
            }
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerSettings(),
                    new StringDeserializer(), new StringDeserializer())) {
                deleteBefore(consumer.endOffsets(List.of(partition)).get(partition));
            }
        } catch (KafkaException e) {
            throw failure("cannot clear", e);
        }
    }

    /** Sends a line and waits until it is written; returns its offset. */
    private long send(String line) {
        try {
            ensureTopic();
            if (producer == null) {
                producer = new KafkaProducer<>(producerSettings(), new StringSerializer(), new StringSerializer());
            }
            return producer.send(new ProducerRecord<>(settings.topic(), 0, null, line)).get().offset();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RecordTooLargeException) {
                throw SourceException.fatal("Tributary cannot write a schema history line of "
                        + line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + " bytes to " + describe()
                        + ": " + e.getCause().getMessage() + ". Raise the topic's max.message.bytes and "
                        + "schema.history.internal.producer.max.request.size above it, then restart the task",
                        e.getCause());
            }
            throw failure("cannot write", e.getCause());
        } catch (KafkaException e) {
            throw failure("cannot write", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("was interrupted writing", e);
        }
    }

    private void deleteBefore(long offset) {
        if (offset <= 0) {
            return;
        }
        try {
            admin().deleteRecords(Map.of(partition, RecordsToDelete.beforeOffset(offset))).all().get();
        } catch (ExecutionException e) {
            throw failure("cannot delete the lines before offset " + offset + " of", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("was interrupted deleting old lines of", e);
        }
    }

    private boolean topicExists() {
        try {
            TopicDescription description = admin().describeTopics(Set.of(settings.topic())).allTopicNames().get()
                    .get(settings.topic());
            if (description.partitions().size() != 1) {
                throw SourceException.fatal(describe() + " has " + description.partitions().size()
                        + " partitions: a schema history keeps its order in one. Give the connector a topic of one "
                        + "partition in schema.history.internal.kafka.topic (Tributary creates it when missing)");
            }
            if (!topicReady) {
                checkSettings();
            }
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return false;
            }
            throw failure("cannot look up", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("was interrupted looking up", e);
        }
    }

    /**
     * Fails on a topic that cannot keep a history (compacted: its records have no key) and warns of one that drops
     * old lines (time or size retention), which a restart may need.
     */
    private void checkSettings() throws ExecutionException, InterruptedException {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, settings.topic());
        Config config = admin().describeConfigs(Set.of(resource)).all().get().get(resource);
        String cleanup = value(config, TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE);
        if (cleanup.contains(TopicConfig.CLEANUP_POLICY_COMPACT)) {
            throw SourceException.fatal(describe() + " has cleanup.policy=" + cleanup + ", expected delete: a "
                    + "schema history's lines have no key and must all be kept. Set cleanup.policy=delete and "
                    + "retention.ms=-1 on the topic, or let Tributary create it (remove it while the connector is "
                    + "stopped, together with its offsets)");
        }
        String retentionMs = value(config, TopicConfig.RETENTION_MS_CONFIG, "-1");
        String retentionBytes = value(config, TopicConfig.RETENTION_BYTES_CONFIG, "-1");
        if (!retentionMs.equals("-1") || !retentionBytes.equals("-1")) {
            LOG.warn("{} keeps records for retention.ms={} and retention.bytes={}: lines older than that are deleted, "
                    + "and a restart that needs them would find the history incomplete. Set both to -1 on the topic",
                    describe(), retentionMs, retentionBytes);
        }
    }

    private static String value(Config config, String name, String otherwise) {
        ConfigEntry entry = config.get(name);
        return entry == null || entry.value() == null ? otherwise : entry.value();
    }

    private void ensureTopic() {
        if (topicReady || topicExists()) {
            topicReady = true;
            return;
        }
        NewTopic topic = new NewTopic(settings.topic(), Optional.of(1), Optional.empty()).configs(Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                TopicConfig.RETENTION_MS_CONFIG, "-1",
                TopicConfig.RETENTION_BYTES_CONFIG, "-1",
                TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(MAX_LINE_BYTES)));
        try {
            admin().createTopics(List.of(topic)).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw failure("cannot create", e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("was interrupted creating", e);
        }
        topicReady = true;
    }

    private Admin admin() {
        if (admin == null) {
            Map<String, Object> adminSettings = new HashMap<>(settings.consumer()); // the cluster's security, say
            adminSettings.keySet().retainAll(AdminClientConfig.configNames());
            adminSettings.putAll(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                    ConsumerConfig.CLIENT_ID_CONFIG, "tributary-schema-history-admin-" + settings.topic()));
            admin = Admin.create(adminSettings);
        }
        return admin;
    }

    private Map<String, Object> producerSettings() {
        Map<String, Object> producerSettings = new HashMap<>();
        producerSettings.put(ProducerConfig.ACKS_CONFIG, "all");
        producerSettings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        producerSettings.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        producerSettings.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(MAX_LINE_BYTES));
        producerSettings.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        producerSettings.putAll(settings.producer());
        producerSettings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        producerSettings.put(ProducerConfig.CLIENT_ID_CONFIG, "tributary-schema-history-" + settings.topic());
        return producerSettings;
    }

    private Map<String, Object> consumerSettings() {
        Map<String, Object> consumerSettings = new HashMap<>();
        consumerSettings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumerSettings.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(MAX_LINE_BYTES));
        consumerSettings.putAll(settings.consumer());
        consumerSettings.remove(ConsumerConfig.GROUP_ID_CONFIG); // assigned, never subscribed: no group
        // lines deleted while they are read (another task's compaction) fail the read, never skip to the end
        consumerSettings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
        consumerSettings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        consumerSettings.put(ConsumerConfig.CLIENT_ID_CONFIG, "tributary-schema-history-reader-" + settings.topic());
        return consumerSettings;
    }

    private SourceException failure(String what, Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String reason = root == cause ? String.valueOf(cause.getMessage())
                : cause.getMessage() + " (" + root.getMessage() + ")";
        return SourceException.fatal("Tributary " + what + " " + describe() + ": " + reason
                + ". Check that the cluster is reachable with the settings under schema.history.internal.producer.* "
                + "and .consumer.*, then restart the task; nothing after the last stored offset was lost", cause);
    }

    /**
     * Closes the clients, each whatever the other does; a stop interrupts the reader thread, and Kafka's clients
     * refuse to close on an interrupted thread, so the interrupt waits until they are closed.
     */
    @Override
    public void close() {
        boolean interrupted = Thread.interrupted();
        try {
            if (producer != null) {
                closeQuietly(producer, "producer");
            }
            if (admin != null) {
                closeQuietly(admin, "admin client");
            }
        } finally {
            producer = null;
            admin = null;
            topicReady = false;
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void closeQuietly(AutoCloseable client, String what) {
        try {
            if (client instanceof KafkaProducer<?, ?> kafkaProducer) {
                kafkaProducer.close(Duration.ofSeconds(5));
            } else if (client instanceof Admin kafkaAdmin) {
                kafkaAdmin.close(Duration.ofSeconds(5));
            }
        } catch (Exception e) {
            LOG.warn("The {} of {} did not close: {}", what, describe(), e.toString());
        }
    }
}
