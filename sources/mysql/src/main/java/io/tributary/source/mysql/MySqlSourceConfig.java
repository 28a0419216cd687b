package io.tributary.source.mysql;

import static io.tributary.source.mysql.MySqlSourceOptions.*;
import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.tributary.api.config.ConfigException;
import io.tributary.api.config.ConfigOption;
import io.tributary.api.config.ConfigProblem;
import io.tributary.api.config.ParsedConfig;
import io.tributary.core.retry.Retry;
import io.tributary.source.mysql.convert.ColumnMapper;
import io.tributary.source.mysql.convert.ColumnRules;
import io.tributary.source.mysql.convert.TinyIntOneToBoolean;

/**
 * The parsed, immutable configuration of a MySQL/MariaDB source. {@link #toString()} never shows the password.
 *
 * @param columnRules Debezium's column mappers: masking, hashing, truncation, source-type propagation
 * @param converters the custom converters configured ({@code converters}), in order
 * @param includeQuery whether row events carry the statement that made them ({@code include.query})
 */
public record MySqlSourceConfig(
        String hostname,
        int port,
        String user,
        String password,
        long serverId,
        String topicPrefix,
        TableFilter filter,
        ColumnRules columnRules,
        List<TinyIntOneToBoolean> converters,
        SnapshotMode snapshotMode,
        int snapshotChunkSize,
        SnapshotLockingMode snapshotLockingMode,
        DecimalHandlingMode decimalHandlingMode,
        BigintUnsignedHandlingMode bigintUnsignedHandlingMode,
        BinaryHandlingMode binaryHandlingMode,
        TimePrecisionMode timePrecisionMode,
        boolean tombstonesOnDelete,
        Set<String> skippedOperations,
        boolean includeSchemaChanges,
        boolean includeQuery,
        boolean provideTransactionMetadata,
        long heartbeatIntervalMs,
        long connectTimeoutMs,
        long keepAliveIntervalMs,
        TlsSettings tls,
        Retry retry,
        int maxQueueSize,
        int maxBatchSize,
        MessageKeyColumns messageKeyColumns,
        NameAdjustmentMode schemaNameAdjustmentMode,
        NameAdjustmentMode fieldNameAdjustmentMode,
        String ddlFilter,
        boolean enableTimeAdjuster,
        Optional<Path> schemaHistoryFile,
        Optional<HistoryTopic> schemaHistoryTopic) {

    /**
     * Where a Kafka Connect task keeps its schema history: a topic, its cluster, and the settings of the producer
     * and the consumer that write and read it ({@code schema.history.internal.producer.*} and {@code .consumer.*},
     * or their 1.x spellings under {@code database.history.}), without those prefixes. The topic is the one
     * {@code schema.history.internal.kafka.topic} names with {@link #SUFFIX} added: a Debezium connector's
     * configuration names its own history's topic, which Tributary neither reads nor writes, so a connector switched
     * from Debezium to Tributary and back finds each history as its engine left it.
     */
    public record HistoryTopic(String topic, String bootstrapServers, Map<String, String> producer,
            Map<String, String> consumer) {
        public static final String SUFFIX = ".tributary";

        public HistoryTopic {
            producer = Map.copyOf(producer);
            consumer = Map.copyOf(consumer);
        }

        @Override
        public String toString() {
            return "HistoryTopic[" + topic + " on " + bootstrapServers + "]"; // client settings may hold secrets
        }

        static Optional<HistoryTopic> parse(ParsedConfig parsed, Map<String, String> properties,
                List<ConfigProblem> problems) {
            Optional<String> topic = parsed.find(SCHEMA_HISTORY_KAFKA_TOPIC).filter(value -> !value.isBlank());
            Optional<String> servers = parsed.find(SCHEMA_HISTORY_KAFKA_BOOTSTRAP_SERVERS)
                    .filter(value -> !value.isBlank());
            if (topic.isPresent() != servers.isPresent()) {
                ConfigOption<String> missing = topic.isPresent() ? SCHEMA_HISTORY_KAFKA_BOOTSTRAP_SERVERS
                        : SCHEMA_HISTORY_KAFKA_TOPIC;
                problems.add(new ConfigProblem(missing.key(), "is required with " + (topic.isPresent()
                        ? SCHEMA_HISTORY_KAFKA_TOPIC.key() : SCHEMA_HISTORY_KAFKA_BOOTSTRAP_SERVERS.key())
                        + ", which says where the schema history is kept on Kafka Connect: set both, or neither"));
                return Optional.empty();
            }
            return topic.map(name -> new HistoryTopic(name.trim() + SUFFIX, servers.get().trim(),
                    clientSettings(properties, "producer."), clientSettings(properties, "consumer.")));
        }

        /** The keys under {@code schema.history.internal.<client>}, else under the 1.x {@code database.history.}. */
        private static Map<String, String> clientSettings(Map<String, String> properties, String client) {
            Map<String, String> settings = new java.util.HashMap<>();
            for (String prefix : List.of("database.history." + client, "schema.history.internal." + client)) {
                properties.forEach((key, value) -> {
                    if (key.startsWith(prefix) && key.length() > prefix.length()) {
                        settings.put(key.substring(prefix.length()), value);
                    }
                });
            }
            return settings;
        }
    }

    public MySqlSourceConfig {
        requireNonNull(hostname, "hostname is null");
        requireNonNull(user, "user is null");
        requireNonNull(password, "password is null");
        requireNonNull(topicPrefix, "topicPrefix is null");
        requireNonNull(filter, "filter is null");
        requireNonNull(columnRules, "columnRules is null");
        converters = List.copyOf(converters);
        requireNonNull(snapshotMode, "snapshotMode is null");
        requireNonNull(snapshotLockingMode, "snapshotLockingMode is null");
        requireNonNull(decimalHandlingMode, "decimalHandlingMode is null");
        requireNonNull(bigintUnsignedHandlingMode, "bigintUnsignedHandlingMode is null");
        requireNonNull(retry, "retry is null");
        requireNonNull(messageKeyColumns, "messageKeyColumns is null");
        requireNonNull(schemaNameAdjustmentMode, "schemaNameAdjustmentMode is null");
        requireNonNull(fieldNameAdjustmentMode, "fieldNameAdjustmentMode is null");
        skippedOperations = Set.copyOf(skippedOperations);
    }

    /**
     * The replica server id of a connector that names none: derived from its topic prefix, so that it is the same
     * on every start (the server refuses a second binlog connection with the same id, and a random one would change
     * with each restart) and differs between connectors of one worker, which have different prefixes.
     */
    static long derivedServerId(String topicPrefix) {
        return 5400L + Math.floorMod(topicPrefix.hashCode(), 1_000_000);
    }

    /** Whether events of operation {@code op} (c, u, d, t) are left out. */
    public boolean skips(String op) {
        return skippedOperations.contains(op);
    }

    /**
     * Parses Debezium-style connector properties: every key is one Tributary honours, one that concerns only
     * Debezium's internals or Kafka Connect, or a problem (refused, misspelt or unknown).
     *
     * @throws ConfigException listing every problem
     */
    public static MySqlSourceConfig parse(Map<String, String> properties) {
        return parse(properties, Set.of());
    }

    /**
     * As {@link #parse(Map)}, for a source configured next to other components in one file: their keys
     * ({@code neighbourKeys}) are suggested for misspelt keys too.
     */
    private static MySqlSourceConfig parse(Map<String, String> properties, Set<String> neighbourKeys) {
        List<ConfigProblem> problems = new ArrayList<>();
        ParsedConfig parsed = DEFINITION.withNeighbourKeys(neighbourKeys).parse(properties, problems);
        TableFilter filter = TableFilter.parse(new TableFilter.Lists(list(parsed, DATABASE_INCLUDE_LIST),
                list(parsed, DATABASE_EXCLUDE_LIST), list(parsed, TABLE_INCLUDE_LIST), list(parsed, TABLE_EXCLUDE_LIST),
                list(parsed, COLUMN_INCLUDE_LIST), list(parsed, COLUMN_EXCLUDE_LIST)),
                parsed.find(TABLE_IGNORE_BUILTIN).orElse(true), problems);
        ColumnRules columnRules = columnRules(parsed, problems);
        List<TinyIntOneToBoolean> converters = CustomConverters.parse(list(parsed, CONVERTERS), properties, problems);
        Optional<HistoryTopic> historyTopic = HistoryTopic.parse(parsed, properties, problems);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new MySqlSourceConfig(
                parsed.get(HOSTNAME),
                parsed.get(PORT),
                parsed.get(USER),
                parsed.get(PASSWORD),
                parsed.find(SERVER_ID).orElseGet(() -> derivedServerId(parsed.get(TOPIC_PREFIX))),
                parsed.get(TOPIC_PREFIX),
                filter,
                columnRules,
                converters,
                parsed.get(SNAPSHOT_MODE),
                parsed.get(SNAPSHOT_CHUNK_SIZE),
                parsed.get(SNAPSHOT_LOCKING_MODE),
                parsed.get(DECIMAL_HANDLING_MODE),
                parsed.get(BIGINT_UNSIGNED_HANDLING_MODE),
                parsed.get(BINARY_HANDLING_MODE),
                parsed.get(TIME_PRECISION_MODE),
                parsed.get(TOMBSTONES_ON_DELETE),
                Set.copyOf(parsed.get(SKIPPED_OPERATIONS)),
                parsed.get(INCLUDE_SCHEMA_CHANGES),
                parsed.get(INCLUDE_QUERY),
                parsed.get(PROVIDE_TRANSACTION_METADATA),
                parsed.get(HEARTBEAT_INTERVAL_MS),
                parsed.get(CONNECT_TIMEOUT_MS),
                parsed.get(KEEP_ALIVE) ? parsed.get(KEEP_ALIVE_INTERVAL_MS) : 0,
                new TlsSettings(parsed.get(SSL_MODE), store(parsed, SSL_KEYSTORE, SSL_KEYSTORE_PASSWORD),
                        store(parsed, SSL_TRUSTSTORE, SSL_TRUSTSTORE_PASSWORD)),
                new Retry(parsed.get(ERRORS_MAX_RETRIES), parsed.get(RETRY_DELAY_INITIAL_MS),
                        parsed.get(RETRY_DELAY_MAX_MS)),
                parsed.get(MAX_QUEUE_SIZE),
                parsed.get(MAX_BATCH_SIZE),
                parsed.find(MESSAGE_KEY_COLUMNS).map(MessageKeyColumns::parse).orElse(MessageKeyColumns.NONE),
                parsed.get(SCHEMA_NAME_ADJUSTMENT_MODE),
                parsed.get(FIELD_NAME_ADJUSTMENT_MODE),
                parsed.get(DDL_FILTER),
                parsed.get(ENABLE_TIME_ADJUSTER),
                parsed.find(SCHEMA_HISTORY_FILE).map(Path::of),
                historyTopic);
    }

    /** Every problem of a configuration, as {@link #parse} would report them; empty when it parses. */
    public static List<ConfigProblem> validate(Map<String, String> properties) {
        return validate(properties, Set.of());
    }

    /** As {@link #validate(Map)}, with the keys of other components in the same file suggested for misspelt ones. */
    public static List<ConfigProblem> validate(Map<String, String> properties, Set<String> neighbourKeys) {
        try {
            parse(properties, neighbourKeys);
            return List.of();
        } catch (ConfigException e) {
            return e.problems();
        }
    }

    private static Optional<TlsSettings.Store> store(ParsedConfig parsed, ConfigOption<String> path,
            ConfigOption<String> password) {
        return parsed.find(path).filter(file -> !file.isBlank())
                .map(file -> new TlsSettings.Store(java.nio.file.Path.of(file.trim()), parsed.get(password)));
    }

    private static List<String> list(ParsedConfig parsed, ConfigOption<List<String>> option) {
        return parsed.find(option).orElse(List.of());
    }

    /** The column mappers in Debezium's order of precedence: truncation, masking, propagation, hashing, hashing v2. */
    private static ColumnRules columnRules(ParsedConfig parsed, List<ConfigProblem> problems) {
        List<ColumnRules.Rule> rules = new ArrayList<>(parsed.all(COLUMN_TRUNCATE));
        rules.addAll(parsed.all(COLUMN_MASK));
        propagation(parsed, COLUMN_PROPAGATE_SOURCE_TYPE, ColumnRules.Target.COLUMN, problems).ifPresent(rules::add);
        propagation(parsed, DATATYPE_PROPAGATE_SOURCE_TYPE, ColumnRules.Target.DATA_TYPE, problems)
                .ifPresent(rules::add);
        rules.addAll(parsed.all(COLUMN_MASK_HASH));
        rules.addAll(parsed.all(COLUMN_MASK_HASH_V2));
        return rules.isEmpty() ? ColumnRules.NONE : new ColumnRules(rules);
    }

    private static Optional<ColumnRules.Rule> propagation(ParsedConfig parsed,
            ConfigOption<List<String>> option, ColumnRules.Target target,
            List<ConfigProblem> problems) {
        List<String> expressions = list(parsed, option);
        if (expressions.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ColumnRules.Rule(target, RegexLists.compile(expressions),
                    new ColumnMapper.PropagateSourceType()));
        } catch (IllegalArgumentException e) {
            problems.add(new ConfigProblem(option.key(), "expected comma-separated regular expressions; "
                    + e.getMessage()));
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "MySqlSourceConfig[" + user + "@" + hostname + ":" + port + ", topic.prefix=" + topicPrefix
                + ", snapshot.mode=" + snapshotMode + ", password=" + (password.isEmpty() ? "(none)" : "********") + "]";
    }
}
