package io.tributary.sink.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import io.tributary.api.ChangeRecord;
import io.tributary.api.ChangeSink;
import io.tributary.api.OffsetStore;
import io.tributary.api.SinkException;
import io.tributary.converter.avro.AvroConverterConfig;
import io.tributary.converter.avro.AvroEncoder;
import io.tributary.core.convert.Converters;
import io.tributary.core.convert.RecordEncoder;
import io.tributary.core.json.HeaderText;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each record to its topic with the key and value bytes Kafka Connect's {@code JsonConverter} would
 * write, so the default partitioner places every key where a Connect worker would. Missing topics are created.
 * Sends are asynchronous and batched by the producer ({@code linger.ms}, {@code batch.size}); {@link #flush} waits for
 * every acknowledgement, which the runtime asks for only before it stores an offset. With {@code exactly.once=true} the
 * records written between two flushes and the source offset after them are one Kafka transaction.
 */
public final class KafkaSink implements ChangeSink {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaSink.class);

    private KafkaSinkConfig config;
    private Producer<byte[], byte[]> producer;
    private Admin admin;
    private RecordEncoder keys;
    private RecordEncoder values;
    private final Set<String> knownTopics = new HashSet<>();
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    /** Every send's callback (one instance, not one per record): keeps the first failure for {@link #flush}. */
    private final Callback acknowledged = (metadata, error) -> {
        if (error != null) {
            failure.compareAndSet(null, error);
        }
    };
    private boolean inTransaction;
    private KafkaOffsets offsets;
    private String pipeline;

    /**
     * The Kafka producer settings this sink gives its producer for a pipeline's sink configuration: its defaults
     * (acks=all, lz4, 256 KB batches, one request in flight) with the configuration's producer keys over them. For
     * tools that send as the sink sends, such as the product benchmark's shared floor.
     */
    public static Map<String, Object> producerSettings(String pipelineName, Map<String, String> raw) {
        return Map.copyOf(KafkaSinkConfig.parse(pipelineName, raw).producer());
    }

    @Override
    public void start(String pipelineName, Map<String, String> raw) {
        this.pipeline = pipelineName;
        this.config = KafkaSinkConfig.parse(pipelineName, raw);
        this.keys = encoder(config.keyConverter(), config.keySchemas(), config.keyAvro(), true);
        this.values = encoder(config.valueConverter(), config.valueSchemas(), config.valueAvro(), false);
        this.admin = Admin.create(config.clientSettings());
        awaitCluster();
        this.producer = new KafkaProducer<>(config.producer());
        if (config.exactlyOnce()) {
            ensureTopics(Set.of(config.offsetsTopic()), Map.of("cleanup.policy", "compact"));
            producer.initTransactions();
            offsets = new KafkaOffsets(this, config, pipeline);
        }
    }

    /** The encoder of keys ({@code key}) or values: Avro with a registry, or JsonConverter's or StringConverter's. */
    private RecordEncoder encoder(String converter, boolean schemas, Optional<AvroConverterConfig> avro, boolean key) {
        return avro.<RecordEncoder>map(settings -> AvroEncoder.create(settings, key,
                Duration.ofMillis(config.connectTimeoutMs()))).orElseGet(() -> Converters.encoder(converter, schemas));
    }

    /** Waits for the cluster to answer, with growing pauses, up to {@code connect.timeout.ms}. */
    private void awaitCluster() {
        long deadline = System.currentTimeMillis() + config.connectTimeoutMs();
        long pause = 250;
        long attemptTimeout = Math.max(500, Math.min(5_000, config.connectTimeoutMs() / 4));
        int attempts = 0;
        while (true) {
            attempts++;
            try {
                admin.describeCluster().nodes().get(attemptTimeout, TimeUnit.MILLISECONDS);
                return;
            } catch (ExecutionException | TimeoutException e) {
                if (e.getCause() instanceof AuthenticationException refused) {
                    close();
                    throw new SinkException("Kafka at " + config.bootstrapServers() + " refused the credentials ("
                            + refused.getMessage() + "): check security.protocol, sasl.mechanism and sasl.jaas.config",
                            refused);
                }
                if (System.currentTimeMillis() + pause > deadline) {
                    close();
                    throw new SinkException("cannot reach Kafka at " + config.bootstrapServers() + " after "
                            + attempts + " attempts in " + config.connectTimeoutMs() + " ms (" + describe(e)
                            + "): check bootstrap.servers, that the brokers are up, and security.protocol/sasl.* "
                            + "settings", e);
                }
                LOG.warn("Kafka at {} does not answer ({}); retrying in {} ms", config.bootstrapServers(),
                        describe(e), pause);
                sleep(pause);
                pause = Math.min(pause * 2, 5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SinkException("interrupted while connecting to Kafka", e);
            }
        }
    }

    @Override
    public void write(List<ChangeRecord> records) {
        ensureTopics(newTopics(records), Map.of());
        if (config.exactlyOnce() && !inTransaction) {
            producer.beginTransaction();
            inTransaction = true;
        }
        for (ChangeRecord record : records) {
            byte[] key = record.keySchema() == null ? null : keys.encode(record.topic(), record.keySchema(),
                    record.key());
            byte[] value = values.encode(record.topic(), record.valueSchema(), record.value());
            ProducerRecord<byte[], byte[]> sent = new ProducerRecord<>(record.topic(), null, key, value, headers(record));
            producer.send(sent, acknowledged);
        }
    }

    /** The topics of {@code records} not known to exist yet (a batch's records mostly share one or a few topics). */
    private Set<String> newTopics(List<ChangeRecord> records) {
        Set<String> topics = Set.of();
        String checked = null;
        for (ChangeRecord record : records) {
            String topic = record.topic();
            if (topic.equals(checked) || knownTopics.contains(topic)) {
                checked = topic;
                continue;
            }
            if (topics.isEmpty()) {
                topics = new HashSet<>();
            }
            topics.add(topic);
        }
        return topics;
    }

    private static List<Header> headers(ChangeRecord record) {
        if (record.headers().isEmpty()) {
            return null;
        }
        List<Header> headers = new ArrayList<>(record.headers().size());
        for (ChangeRecord.Header header : record.headers()) {
            headers.add(new RecordHeader(header.key(), HeaderText.encode(header)));
        }
        return headers;
    }

    @Override
    public void flush() {
        producer.flush();
        Exception error = failure.getAndSet(null);
        if (error != null) {
            if (inTransaction) {
                abort();
            }
            throw new SinkException("Kafka at " + config.bootstrapServers() + " did not accept a record: "
                    + describe(error), error);
        }
    }

    @Override
    public Optional<OffsetStore> transactionalOffsets() {
        return Optional.ofNullable(offsets);
    }

    /** Sends the offset record into the open transaction (opening one if needed) and commits it. */
    void commitWithOffset(ProducerRecord<byte[], byte[]> offsetRecord) {
        if (!inTransaction) {
            producer.beginTransaction();
            inTransaction = true;
        }
        producer.send(offsetRecord);
        try {
            producer.commitTransaction();
        } catch (RuntimeException e) {
            abort();
            throw new SinkException("the Kafka transaction " + config.transactionalId() + " could not commit ("
                    + describe(e) + "); if another instance with the same transactional.id started, this one was "
                    + "fenced: stop one of them", e);
        } finally {
            inTransaction = false;
        }
    }

    private void abort() {
        try {
            producer.abortTransaction();
        } catch (RuntimeException e) {
            LOG.warn("aborting the Kafka transaction failed: {}", describe(e));
        }
        inTransaction = false;
    }

    private void ensureTopics(Set<String> topics, Map<String, String> topicConfig) {
        if (topics.isEmpty()) {
            return;
        }
        List<NewTopic> create = new ArrayList<>();
        for (String topic : topics) {
            create.add(new NewTopic(topic, Optional.of(config.partitions()),
                    Optional.of(config.replicationFactor())).configs(topicConfig));
        }
        admin.createTopics(create).values().forEach((topic, result) -> {
            try {
                result.get(config.connectTimeoutMs(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new SinkException("cannot create topic " + topic + ": " + describe(e)
                            + "; create it yourself or grant this user CREATE on the cluster", e);
                }
            } catch (TimeoutException e) {
                throw new SinkException("creating topic " + topic + " timed out after "
                        + config.connectTimeoutMs() + " ms", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SinkException("interrupted while creating topic " + topic, e);
            }
            awaitLeaders(topic);
            knownTopics.add(topic);
        });
    }

    /** Waits until every partition of a topic has a leader, so the first sends do not race its creation. */
    private void awaitLeaders(String topic) {
        long deadline = System.currentTimeMillis() + config.connectTimeoutMs();
        while (producer != null) {
            var partitions = producer.partitionsFor(topic);
            if (!partitions.isEmpty() && partitions.stream().allMatch(partition -> partition.leader() != null
                    && !partition.leader().isEmpty())) {
                return;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new SinkException("topic " + topic + " has partitions without a leader after "
                        + config.connectTimeoutMs() + " ms: check the Kafka cluster's health");
            }
            sleep(100);
        }
    }

    Producer<byte[], byte[]> producer() {
        return producer;
    }

    @Override
    public void close() {
        if (producer != null) {
            if (inTransaction) {
                abort();
            }
            producer.close(Duration.ofSeconds(10));
            producer = null;
        }
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
            admin = null;
        }
    }

    private static String describe(Throwable e) {
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof TimeoutException && cause.getMessage() == null) {
            return "no answer in time";
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SinkException("interrupted while connecting to Kafka", e);
        }
    }
}
