package io.tributary.source.mysql;

import static io.tributary.source.mysql.MySqlSourceOptions.*;
import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Set;

import io.tributary.api.config.ParsedConfig;

/**
 * The parsed, immutable configuration of a MySQL/MariaDB source. {@link #toString()} never shows the password.
 *
 * @param unknownKeys keys no option declared, for a warning
 */
public record MySqlSourceConfig(
        String hostname,
        int port,
        String user,
        String password,
        long serverId,
        String topicPrefix,
        TableFilter filter,
        SnapshotMode snapshotMode,
        int snapshotChunkSize,
        DecimalHandlingMode decimalHandlingMode,
        BigintUnsignedHandlingMode bigintUnsignedHandlingMode,
        boolean tombstonesOnDelete,
        Set<String> skippedOperations,
        boolean includeSchemaChanges,
        boolean provideTransactionMetadata,
        long heartbeatIntervalMs,
        long connectTimeoutMs,
        Retry retry,
        int maxQueueSize,
        int maxBatchSize,
        MessageKeyColumns messageKeyColumns,
        NameAdjustmentMode schemaNameAdjustmentMode,
        NameAdjustmentMode fieldNameAdjustmentMode,
        String ddlFilter,
        boolean enableTimeAdjuster,
        Set<String> unknownKeys) {

    /**
     * How lost connections are retried: up to {@code maxRetries} times (-1: forever), waiting
     * {@code initialDelayMs} first and doubling up to {@code maxDelayMs}.
     */
    public record Retry(int maxRetries, long initialDelayMs, long maxDelayMs) {
        /** The wait before retry number {@code attempt} (1-based). */
        public long delayMs(int attempt) {
            long delay = initialDelayMs << Math.min(attempt - 1, 30);
            return Math.min(delay <= 0 ? maxDelayMs : delay, maxDelayMs);
        }

        public boolean allows(int attempt) {
            return maxRetries < 0 || attempt <= maxRetries;
        }
    }

    public MySqlSourceConfig {
        requireNonNull(hostname, "hostname is null");
        requireNonNull(user, "user is null");
        requireNonNull(password, "password is null");
        requireNonNull(topicPrefix, "topicPrefix is null");
        requireNonNull(filter, "filter is null");
        requireNonNull(snapshotMode, "snapshotMode is null");
        requireNonNull(decimalHandlingMode, "decimalHandlingMode is null");
        requireNonNull(bigintUnsignedHandlingMode, "bigintUnsignedHandlingMode is null");
        requireNonNull(retry, "retry is null");
        requireNonNull(messageKeyColumns, "messageKeyColumns is null");
        requireNonNull(schemaNameAdjustmentMode, "schemaNameAdjustmentMode is null");
        requireNonNull(fieldNameAdjustmentMode, "fieldNameAdjustmentMode is null");
        skippedOperations = Set.copyOf(skippedOperations);
        unknownKeys = Set.copyOf(unknownKeys);
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
     * Parses Debezium-style connector properties.
     *
     * @throws io.tributary.api.config.ConfigException listing every problem
     */
    public static MySqlSourceConfig parse(Map<String, String> properties) {
        ParsedConfig parsed = DEFINITION.parse(properties);
        TableFilter filter = TableFilter.parse(parsed.get(DATABASE_INCLUDE_LIST), parsed.get(DATABASE_EXCLUDE_LIST),
                parsed.get(TABLE_INCLUDE_LIST), parsed.get(TABLE_EXCLUDE_LIST), parsed.get(COLUMN_EXCLUDE_LIST));
        return new MySqlSourceConfig(
                parsed.get(HOSTNAME),
                parsed.get(PORT),
                parsed.get(USER),
                parsed.get(PASSWORD),
                parsed.find(SERVER_ID).orElseGet(() -> derivedServerId(parsed.get(TOPIC_PREFIX))),
                parsed.get(TOPIC_PREFIX),
                filter,
                parsed.get(SNAPSHOT_MODE),
                parsed.get(SNAPSHOT_CHUNK_SIZE),
                parsed.get(DECIMAL_HANDLING_MODE),
                parsed.get(BIGINT_UNSIGNED_HANDLING_MODE),
                parsed.get(TOMBSTONES_ON_DELETE),
                Set.copyOf(parsed.get(SKIPPED_OPERATIONS)),
                parsed.get(INCLUDE_SCHEMA_CHANGES),
                parsed.get(PROVIDE_TRANSACTION_METADATA),
                parsed.get(HEARTBEAT_INTERVAL_MS),
                parsed.get(CONNECT_TIMEOUT_MS),
                new Retry(parsed.get(ERRORS_MAX_RETRIES), parsed.get(RETRY_DELAY_INITIAL_MS),
                        parsed.get(RETRY_DELAY_MAX_MS)),
                parsed.get(MAX_QUEUE_SIZE),
                parsed.get(MAX_BATCH_SIZE),
                parsed.find(MESSAGE_KEY_COLUMNS).map(MessageKeyColumns::parse).orElse(MessageKeyColumns.NONE),
                parsed.get(SCHEMA_NAME_ADJUSTMENT_MODE),
                parsed.get(FIELD_NAME_ADJUSTMENT_MODE),
                parsed.get(DDL_FILTER),
                parsed.get(ENABLE_TIME_ADJUSTER),
                parsed.unknownKeys());
    }

    @Override
    public String toString() {
        return "MySqlSourceConfig[" + user + "@" + hostname + ":" + port + ", topic.prefix=" + topicPrefix
                + ", snapshot.mode=" + snapshotMode + ", password=" + (password.isEmpty() ? "(none)" : "********") + "]";
    }
}
