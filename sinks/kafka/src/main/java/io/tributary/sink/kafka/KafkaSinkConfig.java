package io.tributary.sink.kafka;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.tributary.api.config.ConfigDefinition;
import io.tributary.api.config.ConfigException;
import io.tributary.api.config.ConfigOption;
import io.tributary.api.config.ConfigProblem;
import io.tributary.api.config.ParsedConfig;
import io.tributary.api.config.UndeclaredKeys;
import io.tributary.converter.avro.AvroConverterConfig;
import io.tributary.core.convert.Converters;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The Kafka sink's settings. Keys it does not define itself are Kafka producer properties ({@code acks},
 * {@code security.protocol}, {@code sasl.*}, {@code ssl.*}, {@code compression.type}, ...) and go to the producer
 * unchanged.
 */
record KafkaSinkConfig(
        String bootstrapServers,
        boolean exactlyOnce,
        String transactionalId,
        String offsetsTopic,
        int partitions,
        short replicationFactor,
        String keyConverter,
        boolean keySchemas,
        Optional<AvroConverterConfig> keyAvro,
        String valueConverter,
        boolean valueSchemas,
        Optional<AvroConverterConfig> valueAvro,
        long connectTimeoutMs,
        Map<String, Object> producer) {

    static final ConfigOption<String> BOOTSTRAP_SERVERS = ConfigOption.string("bootstrap.servers").asRequired()
            .withDoc("the Kafka brokers, host:port,...");
    static final ConfigOption<Boolean> EXACTLY_ONCE = ConfigOption.bool("exactly.once").withDefault(false)
            .withDoc("write events and source offsets in one Kafka transaction per offset commit");
    static final ConfigOption<String> TRANSACTIONAL_ID = ConfigOption.string("transactional.id")
            .withDoc("the producer's transactional id under exactly.once; default tributary-<pipeline>");
    static final ConfigOption<String> OFFSETS_TOPIC = ConfigOption.string("offsets.topic")
            .withDefault("tributary-offsets").withDoc("where exactly.once keeps source offsets");
    static final ConfigOption<Integer> PARTITIONS = ConfigOption.integer("topic.creation.default.partitions")
            .withDefault(1).validatedBy(n -> n > 0, "a positive integer").withDoc("partitions of topics it creates");
    static final ConfigOption<Integer> REPLICATION_FACTOR =
            ConfigOption.integer("topic.creation.default.replication.factor").withDefault(-1)
                    .withDoc("replication factor of topics it creates; -1 for the broker's default");
    static final ConfigOption<Boolean> KEY_SCHEMAS = ConfigOption.bool("key.converter.schemas.enable")
            .withDefault(true).withDoc("keys as JsonConverter with schemas (true) or without (JsonConverter only)");
    static final ConfigOption<Boolean> VALUE_SCHEMAS = ConfigOption.bool("value.converter.schemas.enable")
            .withDefault(true).withDoc("values as JsonConverter with schemas (true) or without (JsonConverter only)");
    static final ConfigOption<Long> CONNECT_TIMEOUT = ConfigOption.longInteger("connect.timeout.ms")
            .withDefault(60_000L).withDoc("how long to keep trying to reach Kafka, or the schema registry, before "
                    + "giving up");

    private static final Set<String> AVRO = Set.of(AvroConverterConfig.CONFLUENT, AvroConverterConfig.APICURIO);
    private static final String AVRO_EXPECTED = AvroConverterConfig.CONFLUENT + " or " + AvroConverterConfig.APICURIO
            + " (Avro with a schema registry)";
    static final ConfigOption<String> KEY_CONVERTER = Converters.option("key.converter", AVRO, AVRO_EXPECTED);
    static final ConfigOption<String> VALUE_CONVERTER = Converters.option("value.converter", AVRO, AVRO_EXPECTED);

    static final ConfigDefinition DEFINITION = new ConfigDefinition(options(), Set.of())
            .withUndeclaredKeys(new ProducerKeys());

    private static List<ConfigOption<?>> options() {
        List<ConfigOption<?>> options = new ArrayList<>(List.of(BOOTSTRAP_SERVERS, EXACTLY_ONCE, TRANSACTIONAL_ID,
                OFFSETS_TOPIC, PARTITIONS, REPLICATION_FACTOR, KEY_SCHEMAS, VALUE_SCHEMAS, CONNECT_TIMEOUT,
                KEY_CONVERTER, VALUE_CONVERTER));
        options.addAll(AvroConverterConfig.KEY_OPTIONS.all());
        options.addAll(AvroConverterConfig.VALUE_OPTIONS.all());
        return options;
    }

    /** Every problem of a sink configuration: each key's, and those of the converters' settings together. */
    static List<ConfigProblem> validate(Map<String, String> raw) {
        List<ConfigProblem> problems = new ArrayList<>(DEFINITION.validate(raw));
        // the converters' settings together, of the keys that are right on their own
        Map<String, String> valid = new HashMap<>(raw);
        problems.forEach(problem -> valid.remove(problem.key()));
        if (DEFINITION.validate(valid).isEmpty()) {
            ParsedConfig parsed = DEFINITION.parse(valid);
            avro(parsed, valid, KEY_CONVERTER, KEY_SCHEMAS, AvroConverterConfig.KEY_OPTIONS, problems);
            avro(parsed, valid, VALUE_CONVERTER, VALUE_SCHEMAS, AvroConverterConfig.VALUE_OPTIONS, problems);
        }
        return problems;
    }

    /**
     * The Avro settings of one converter when it is an Avro converter; its problems (a JsonConverter setting on an
     * Avro converter, an Avro setting on another converter, what the Avro settings lack) are added to
     * {@code problems}.
     */
    private static Optional<AvroConverterConfig> avro(ParsedConfig parsed, Map<String, String> raw,
            ConfigOption<String> converterOption, ConfigOption<Boolean> schemasOption,
            AvroConverterConfig.Options options, List<ConfigProblem> problems) {
        String converter = parsed.get(converterOption);
        if (AvroConverterConfig.isAvro(converter)) {
            if (raw.containsKey(schemasOption.key())) {
                problems.add(new ConfigProblem(schemasOption.key(), "is a setting of JsonConverter; " + converter
                        + " keeps schemas in the registry: remove it"));
            }
            return AvroConverterConfig.from(converter, options, parsed, raw, problems);
        }
        for (ConfigOption<?> option : options.all()) {
            if (raw.containsKey(option.key())) {
                problems.add(new ConfigProblem(option.key(), "is a setting of the Avro converters, and "
                        + converterOption.key() + " is " + converter));
            }
        }
        return Optional.empty();
    }

    /**
     * Keys the sink does not declare go to the Kafka producer: a producer setting, or any other key (an interceptor's
     * or a custom callback's, say), is accepted; one that looks like a misspelling of the sink's keys or of a
     * producer setting is an error with a did-you-mean.
     */
    private static final class ProducerKeys implements UndeclaredKeys {
        @Override
        public Optional<String> check(String key, Map<String, String> config, Optional<String> suggestion) {
            if (key.startsWith("key.converter.") || key.startsWith("value.converter.")) {
                return Optional.of("is not a setting of a converter this sink writes"
                        + suggestion.map(known -> "; did you mean " + known + "?").orElse(""));
            }
            if (ProducerConfig.configNames().contains(key)) {
                return Optional.empty();
            }
            return suggestion.map(known -> "is not a key of the Kafka sink or a Kafka producer setting; did you mean "
                    + known + "?");
        }

        @Override
        public Collection<String> knownKeys() {
            return ProducerConfig.configNames();
        }
    }

    /** Producer settings Tributary decides: they carry its guarantees. */
    private static final Set<String> FIXED = Set.of("key.serializer", "value.serializer");

    static KafkaSinkConfig parse(String pipeline, Map<String, String> raw) {
        List<ConfigProblem> problems = validate(raw);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        ParsedConfig parsed = DEFINITION.parse(raw);
        Optional<AvroConverterConfig> keyAvro = avro(parsed, raw, KEY_CONVERTER, KEY_SCHEMAS,
                AvroConverterConfig.KEY_OPTIONS, problems);
        Optional<AvroConverterConfig> valueAvro = avro(parsed, raw, VALUE_CONVERTER, VALUE_SCHEMAS,
                AvroConverterConfig.VALUE_OPTIONS, problems);
        Set<String> own = Set.copyOf(DEFINITION.options().stream().map(ConfigOption::key).toList());
        Map<String, Object> producer = new HashMap<>();
        raw.forEach((key, value) -> {
            if (!own.contains(key) && !FIXED.contains(key) && !key.equals("type")) {
                producer.put(key, value);
            }
        });
        producer.put("bootstrap.servers", parsed.get(BOOTSTRAP_SERVERS));
        producer.putIfAbsent("acks", "all");
        producer.putIfAbsent("linger.ms", "5");
        // change events repeat their schema and field names: lz4 shrinks them several-fold for little CPU, and
        // batches of up to 256 KB carry many events per request (the producer's 16 KB holds four with schemas)
        producer.putIfAbsent("compression.type", "lz4");
        producer.putIfAbsent("batch.size", "262144");
        if (parsed.get(EXACTLY_ONCE)) {
            producer.put("enable.idempotence", "true");
        } else {
            // as a Kafka Connect worker's source producer: order kept by one request in flight, retries may
            // repeat a record (at-least-once) but never reorder; no idempotent-producer sequence state to lose
            producer.putIfAbsent("enable.idempotence", "false");
            producer.putIfAbsent("max.in.flight.requests.per.connection", "1");
        }
        producer.put("key.serializer", "org.apache.kafka.common.serialization.ByteArraySerializer");
        producer.put("value.serializer", "org.apache.kafka.common.serialization.ByteArraySerializer");
        String transactionalId = parsed.find(TRANSACTIONAL_ID).orElse("tributary-" + pipeline);
        if (parsed.get(EXACTLY_ONCE)) {
            producer.put("transactional.id", transactionalId);
        }
        return new KafkaSinkConfig(parsed.get(BOOTSTRAP_SERVERS), parsed.get(EXACTLY_ONCE), transactionalId,
                parsed.get(OFFSETS_TOPIC), parsed.get(PARTITIONS), parsed.get(REPLICATION_FACTOR).shortValue(),
                parsed.get(KEY_CONVERTER), parsed.get(KEY_SCHEMAS), keyAvro, parsed.get(VALUE_CONVERTER),
                parsed.get(VALUE_SCHEMAS), valueAvro, parsed.get(CONNECT_TIMEOUT), producer);
    }

    /** Producer settings for an admin client or consumer: connection and security only. */
    Map<String, Object> clientSettings() {
        Map<String, Object> client = new HashMap<>();
        producer.forEach((key, value) -> {
            if (key.equals("bootstrap.servers") || key.startsWith("security.") || key.startsWith("sasl.")
                    || key.startsWith("ssl.") || key.equals("client.dns.lookup")) {
                client.put(key, value);
            }
        });
        return client;
    }
}
