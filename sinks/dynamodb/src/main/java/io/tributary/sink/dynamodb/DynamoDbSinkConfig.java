package io.tributary.sink.dynamodb;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.tributary.api.config.ConfigDefinition;
import io.tributary.api.config.ConfigOption;
import io.tributary.api.config.ParsedConfig;
import io.tributary.api.config.UndeclaredKeys;

/** The DynamoDB sink's settings, named as the Confluent DynamoDB sink names them (seed 003). */
record DynamoDbSinkConfig(
        String region,
        Optional<URI> endpoint,
        String tableNameFormat,
        KeyPath hashKey,
        Optional<KeyPath> sortKey,
        Optional<String> accessKeyId,
        Optional<String> secretAccessKey,
        boolean createTables,
        java.util.function.Predicate<String> topics,
        boolean tolerateErrors,
        Optional<java.nio.file.Path> deadLetterFile,
        int maxRetries,
        long retryBackoffMs) {

    static final ConfigOption<String> REGION = ConfigOption.string("aws.dynamodb.region").asRequired()
            .withDoc("the AWS region of the tables, e.g. us-east-1");
    static final ConfigOption<URI> ENDPOINT = new ConfigOption<>("aws.dynamodb.endpoint", "a URL",
            URI::create, Optional.empty(), false, false, List.of(), "the DynamoDB endpoint; default: the region's");
    static final ConfigOption<String> TABLE_NAME_FORMAT = ConfigOption.string("table.name.format")
            .withDefault("${topic}").withDoc("the table of a record; ${topic} is replaced by its topic");
    static final ConfigOption<KeyPath> HASH_KEY = new ConfigOption<>("aws.dynamodb.pk.hash",
            "value.<field> or key.<field>", KeyPath::parse, Optional.empty(), true, false, List.of(),
            "where the partition (hash) key attribute comes from");
    static final ConfigOption<KeyPath> SORT_KEY = new ConfigOption<>("aws.dynamodb.pk.sort",
            "value.<field>, key.<field> or empty", KeyPath::parse, Optional.empty(), false, false, List.of(),
            "where the sort (range) key attribute comes from; empty for none");
    static final ConfigOption<String> ACCESS_KEY = ConfigOption.string("aws.access.key.id")
            .withDoc("explicit credentials; default: the AWS SDK's default chain");
    static final ConfigOption<String> SECRET_KEY = ConfigOption.string("aws.secret.access.key").asSensitive();
    static final ConfigOption<Boolean> CREATE_TABLES = ConfigOption.bool("table.auto.create").withDefault(true)
            .withDoc("create a missing table (on-demand billing, key types from the data)");
    static final ConfigOption<Integer> MAX_RETRIES = ConfigOption.integer("max.retries").withDefault(10)
            .withDoc("retries in a row of a batch that was throttled, left unprocessed or failed in a way the AWS SDK "
            + "retries (5xx, DynamoDB out of reach), with exponential backoff and jitter; a call that writes part of "
            + "the batch starts the count over");
    static final ConfigOption<Long> RETRY_BACKOFF = ConfigOption.longInteger("retry.backoff.ms").withDefault(100L)
            .withDoc("the first retry's wait; doubles with each retry");

    /** Keys of the pipeline or of the Confluent connector that this sink accepts and does not need. */
    private static final Set<String> IGNORED = Set.of("key.converter", "value.converter", "header.converter",
            "tasks.max", "confluent.topic", "connector.class", "name", "errors.", "transforms", "predicates",
            "consumer.override.");

    static final ConfigOption<Boolean> TOLERATE_ERRORS = new ConfigOption<>("errors.tolerance", "none or all",
            value -> switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "none" -> false;
                case "all" -> true;
                default -> throw new IllegalArgumentException("not none or all");
            }, Optional.of(false), false, false, List.of(),
            "all: records DynamoDB cannot store (items over 400 KB) go to the dead-letter route (the file below, or "
            + "Kafka Connect's dead-letter queue) instead of stopping the sink");
    static final ConfigOption<java.nio.file.Path> DEAD_LETTER_FILE = new ConfigOption<>(
            "errors.deadletterqueue.file", "a file path", java.nio.file.Path::of, Optional.empty(), false, false,
            List.of(), "where errors.tolerance=all writes the records it sets aside, one JSON line each (standalone; "
            + "on Kafka Connect they go to errors.deadletterqueue.topic.name)");
    static final ConfigOption<List<String>> TOPICS = ConfigOption.list("topics")
            .withDoc("the topics this sink writes; default: every topic (or those topics.regex matches)");
    static final ConfigOption<java.util.regex.Pattern> TOPICS_REGEX = new ConfigOption<>("topics.regex",
            "a Java regular expression", java.util.regex.Pattern::compile, Optional.empty(), false, false, List.of(),
            "the topics this sink writes, as a pattern");

    static final ConfigDefinition DEFINITION = new ConfigDefinition(List.of(REGION, ENDPOINT, TABLE_NAME_FORMAT,
            HASH_KEY, SORT_KEY, ACCESS_KEY, SECRET_KEY, CREATE_TABLES, MAX_RETRIES, RETRY_BACKOFF, TOPICS,
            TOPICS_REGEX, TOLERATE_ERRORS, DEAD_LETTER_FILE), IGNORED)
            .withUndeclaredKeys(UndeclaredKeys.reject("the DynamoDB sink").exceptConnectKeys());

    /**
     * @param routeGiven whether the runtime routes rejected records itself (Connect's dead-letter queue), so that
     *     {@code errors.tolerance=all} needs no dead-letter file
     */
    static DynamoDbSinkConfig parse(Map<String, String> raw, boolean routeGiven) {
        ParsedConfig parsed = DEFINITION.parse(normalized(raw));
        if (parsed.get(TOLERATE_ERRORS) && parsed.find(DEAD_LETTER_FILE).isEmpty() && !routeGiven) {
            throw new io.tributary.api.config.ConfigException(List.of(new io.tributary.api.config.ConfigProblem(
                    DEAD_LETTER_FILE.key(), "required with errors.tolerance=all: where the set-aside records go "
                            + "(on Kafka Connect, set errors.deadletterqueue.topic.name instead)")));
        }
        Optional<KeyPath> sort = parsed.find(SORT_KEY);
        return new DynamoDbSinkConfig(parsed.get(REGION), parsed.find(ENDPOINT), parsed.get(TABLE_NAME_FORMAT),
                parsed.get(HASH_KEY), sort, parsed.find(ACCESS_KEY), parsed.find(SECRET_KEY),
                parsed.get(CREATE_TABLES), topicFilter(parsed), parsed.get(TOLERATE_ERRORS),
                parsed.find(DEAD_LETTER_FILE), parsed.get(MAX_RETRIES), parsed.get(RETRY_BACKOFF));
    }

    private static java.util.function.Predicate<String> topicFilter(ParsedConfig parsed) {
        List<String> topics = parsed.get(TOPICS);
        Optional<java.util.regex.Pattern> regex = parsed.find(TOPICS_REGEX);
        if (topics.isEmpty() && regex.isEmpty()) {
            return topic -> true;
        }
        return topic -> topics.contains(topic) || regex.map(pattern -> pattern.matcher(topic).matches()).orElse(false);
    }

    /** The configuration with an empty sort key taken as none, as the Confluent sink does. */
    static Map<String, String> normalized(Map<String, String> raw) {
        if (raw.getOrDefault(SORT_KEY.key(), "x").isBlank()) {
            Map<String, String> copy = new java.util.HashMap<>(raw);
            copy.remove(SORT_KEY.key());
            return copy;
        }
        return raw;
    }

    String tableFor(String topic) {
        return tableNameFormat.replace("${topic}", topic);
    }

    @Override
    public String toString() {
        return "DynamoDbSinkConfig[region=" + region + ", endpoint=" + endpoint + ", table.name.format="
                + tableNameFormat + ", hash=" + hashKey + ", sort=" + sortKey + "]";
    }
}
