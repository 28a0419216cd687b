package io.tributary.source.mysql;

import java.util.List;
import java.util.Set;

import io.tributary.api.config.ConfigDefinition;
import io.tributary.api.config.ConfigOption;

/** The MySQL/MariaDB source's configuration keys: Debezium's names, with their 1.x spellings accepted. */
public final class MySqlSourceOptions {
    public static final ConfigOption<String> HOSTNAME = ConfigOption.string("database.hostname").asRequired()
            .withDoc("Host name or IP address of the MySQL or MariaDB server.");
    public static final ConfigOption<Integer> PORT = ConfigOption.integer("database.port").withDefault(3306)
            .validatedBy(port -> port > 0 && port < 65536, "a port number from 1 to 65535")
            .withDoc("Port of the server.");
    public static final ConfigOption<String> USER = ConfigOption.string("database.user").asRequired()
            .withDoc("User with SELECT, RELOAD, REPLICATION SLAVE and REPLICATION CLIENT privileges.");
    public static final ConfigOption<String> PASSWORD = ConfigOption.string("database.password").withDefault("")
            .asSensitive().withDoc("Password of database.user.");
    public static final ConfigOption<Long> SERVER_ID = ConfigOption.longInteger("database.server.id")
            .validatedBy(id -> id > 0 && id < 4_294_967_296L, "an integer from 1 to 4294967295")
            .withDoc("Replica server id this connector uses; unique among the server's replicas. Default: derived "
                    + "from topic.prefix (5400 + its hash modulo 1,000,000), the same on every start.");
    public static final ConfigOption<String> TOPIC_PREFIX = ConfigOption.string("topic.prefix").asRequired()
            .withLegacyKey("database.server.name")
            .validatedBy(prefix -> prefix.matches("[A-Za-z0-9._-]+"), "letters, digits, '.', '_' or '-'")
            .withDoc("Logical server name: prefix of every topic name.");
    public static final ConfigOption<List<String>> DATABASE_INCLUDE_LIST = ConfigOption.list("database.include.list")
            .withLegacyKey("database.whitelist").withDoc("Regular expressions of databases to capture.");
    public static final ConfigOption<List<String>> DATABASE_EXCLUDE_LIST = ConfigOption.list("database.exclude.list")
            .withLegacyKey("database.blacklist").withDoc("Regular expressions of databases not to capture.");
    public static final ConfigOption<List<String>> TABLE_INCLUDE_LIST = ConfigOption.list("table.include.list")
            .withLegacyKey("table.whitelist").withDoc("Regular expressions of db.table names to capture.");
    public static final ConfigOption<List<String>> TABLE_EXCLUDE_LIST = ConfigOption.list("table.exclude.list")
            .withLegacyKey("table.blacklist").withDoc("Regular expressions of db.table names not to capture.");
    public static final ConfigOption<List<String>> COLUMN_EXCLUDE_LIST = ConfigOption.list("column.exclude.list")
            .withLegacyKey("column.blacklist").withDoc("Regular expressions of db.table.column names to leave out.");
    public static final ConfigOption<SnapshotMode> SNAPSHOT_MODE = ConfigOption.oneOf("snapshot.mode", SnapshotMode.class)
            .withDefault(SnapshotMode.INITIAL).withDoc("When to take a snapshot of the existing rows.");
    public static final ConfigOption<Integer> SNAPSHOT_CHUNK_SIZE = ConfigOption.integer("snapshot.fetch.size")
            .withDefault(10_000).validatedBy(size -> size > 0, "a positive integer")
            .withDoc("Rows read per primary-key chunk during the snapshot.");
    public static final ConfigOption<DecimalHandlingMode> DECIMAL_HANDLING_MODE = ConfigOption
            .oneOf("decimal.handling.mode", DecimalHandlingMode.class).withDefault(DecimalHandlingMode.PRECISE)
            .withDoc("How DECIMAL values are represented.");
    public static final ConfigOption<BigintUnsignedHandlingMode> BIGINT_UNSIGNED_HANDLING_MODE = ConfigOption
            .oneOf("bigint.unsigned.handling.mode", BigintUnsignedHandlingMode.class)
            .withDefault(BigintUnsignedHandlingMode.LONG).withDoc("How BIGINT UNSIGNED values are represented.");
    public static final ConfigOption<Boolean> TOMBSTONES_ON_DELETE = ConfigOption.bool("tombstones.on.delete")
            .withDefault(true).withDoc("Whether a tombstone follows each delete event.");
    public static final ConfigOption<List<String>> SKIPPED_OPERATIONS = ConfigOption.list("skipped.operations")
            .withDefault(List.of("t"))
            .validatedBy(operations -> operations.stream().allMatch(op -> List.of("c", "u", "d", "t", "none").contains(op)),
                    "a list of c, u, d and t, or none")
            .withDoc("Operations not to emit: c (create), u (update), d (delete), t (truncate), or none.");
    public static final ConfigOption<Boolean> INCLUDE_SCHEMA_CHANGES = ConfigOption.bool("include.schema.changes")
            .withDefault(true).withDoc("Whether schema changes go to the topic named topic.prefix.");
    public static final ConfigOption<Boolean> PROVIDE_TRANSACTION_METADATA = ConfigOption
            .bool("provide.transaction.metadata").withDefault(false)
            .withDoc("Whether BEGIN/END events go to <topic.prefix>.transaction and events carry their transaction.");
    public static final ConfigOption<Long> HEARTBEAT_INTERVAL_MS = ConfigOption.longInteger("heartbeat.interval.ms")
            .withDefault(0L).validatedBy(interval -> interval >= 0, "zero (off) or a positive number of ms")
            .withDoc("How often to emit a heartbeat record; 0 turns heartbeats off.");
    public static final ConfigOption<Long> CONNECT_TIMEOUT_MS = ConfigOption.longInteger("connect.timeout.ms")
            .withDefault(30_000L).validatedBy(timeout -> timeout > 0, "a positive number of ms")
            .withDoc("How long to wait for a connection to the server.");
    public static final ConfigOption<Integer> ERRORS_MAX_RETRIES = ConfigOption.integer("errors.max.retries")
            .withDefault(10).validatedBy(retries -> retries >= -1, "-1 (no limit), 0 or a positive integer")
            .withDoc("How often a lost connection is retried in one outage before the source fails; -1 retries forever.");
    public static final ConfigOption<Long> RETRY_DELAY_INITIAL_MS = ConfigOption
            .longInteger("errors.retry.delay.initial.ms").withDefault(300L)
            .validatedBy(delay -> delay > 0, "a positive number of ms").withDoc("First wait before a retry.");
    public static final ConfigOption<Long> RETRY_DELAY_MAX_MS = ConfigOption.longInteger("errors.retry.delay.max.ms")
            .withDefault(10_000L).validatedBy(delay -> delay > 0, "a positive number of ms")
            .withDoc("Longest wait between retries; waits double up to it.");
    public static final ConfigOption<Integer> MAX_QUEUE_SIZE = ConfigOption.integer("max.queue.size")
            .withDefault(2048).validatedBy(size -> size > 0, "a positive integer")
            .withDoc("Records buffered between the reader and poll(); the reader waits when it is full.");
    public static final ConfigOption<Integer> MAX_BATCH_SIZE = ConfigOption.integer("max.batch.size")
            .withDefault(2048).validatedBy(size -> size > 0, "a positive integer")
            .withDoc("Most records one poll() returns.");
    public static final ConfigOption<Boolean> ENABLE_TIME_ADJUSTER = ConfigOption.bool("enable.time.adjuster")
            .withDefault(true).withDoc("Whether DATE and DATETIME years 0-69 become 2000-2069 and 70-99 become "
                    + "1970-1999, as Debezium's two-digit-year adjuster does (YEAR columns always are).");
    public static final ConfigOption<String> MESSAGE_KEY_COLUMNS = ConfigOption.string("message.key.columns")
            .validatedBy(MessageKeyColumns::isValid, "entries <db>.<table>:<column>[,<column>...] separated by ';', "
                    + "tables and columns as regular expressions (for example shop.orders:customer_id,order_no)")
            .withDoc("The columns that key the events of the tables named, in place of their primary key: "
                    + "<db>.<table>:<column>,... entries separated by ';', matched as Debezium matches them.");
    public static final ConfigOption<NameAdjustmentMode> SCHEMA_NAME_ADJUSTMENT_MODE = ConfigOption
            .oneOf("schema.name.adjustment.mode", NameAdjustmentMode.class).withDefault(NameAdjustmentMode.NONE)
            .withDoc("How key, value and envelope schema names are made valid Avro names: none, avro (invalid "
                    + "characters become _) or avro_unicode (_ and invalid characters become _uXXXX).");
    public static final ConfigOption<NameAdjustmentMode> FIELD_NAME_ADJUSTMENT_MODE = ConfigOption
            .oneOf("field.name.adjustment.mode", NameAdjustmentMode.class).withDefault(NameAdjustmentMode.NONE)
            .withDoc("How field (column) names are made valid Avro names: none, avro (invalid characters become _) "
                    + "or avro_unicode (_ and invalid characters become _uXXXX).");
    public static final ConfigOption<String> DDL_FILTER = ConfigOption.string("schema.history.internal.ddl.filter")
            .withLegacyKey("database.history.ddl.filter").withDefault(QueryStatements.DEFAULT_DDL_FILTER)
            .validatedBy(QueryStatements::isValidDdlFilter, "comma-separated regular expressions")
            .withDoc("Statements of the binlog to ignore, as Debezium's DDL filter: regular expressions matched "
                    + "case-insensitively against the whole statement.");

    /**
     * Keys that belong to other components (Kafka Connect, history producers, converters) and are accepted
     * without being parsed here.
     */
    public static final Set<String> PASS_THROUGH_PREFIXES = Set.of(
            "name", "connector.class", "tasks.max", "task.class", "key.converter", "value.converter", "header.converter",
            "transforms", "predicates", "errors.", "config.action.reload", "config.providers", "topic.creation.",
            "database.history", "schema.history.internal", "offset.", "exactly.once.support",
            "transaction.boundary", "producer.override.", "consumer.override.", "admin.override.");

    public static final ConfigDefinition DEFINITION = new ConfigDefinition(List.of(
            HOSTNAME, PORT, USER, PASSWORD, SERVER_ID, TOPIC_PREFIX,
            DATABASE_INCLUDE_LIST, DATABASE_EXCLUDE_LIST, TABLE_INCLUDE_LIST, TABLE_EXCLUDE_LIST, COLUMN_EXCLUDE_LIST,
            SNAPSHOT_MODE, SNAPSHOT_CHUNK_SIZE, DECIMAL_HANDLING_MODE, BIGINT_UNSIGNED_HANDLING_MODE,
            TOMBSTONES_ON_DELETE, SKIPPED_OPERATIONS, INCLUDE_SCHEMA_CHANGES, PROVIDE_TRANSACTION_METADATA, HEARTBEAT_INTERVAL_MS,
            CONNECT_TIMEOUT_MS, ERRORS_MAX_RETRIES, RETRY_DELAY_INITIAL_MS, RETRY_DELAY_MAX_MS, MAX_QUEUE_SIZE,
            MAX_BATCH_SIZE, MESSAGE_KEY_COLUMNS, SCHEMA_NAME_ADJUSTMENT_MODE, FIELD_NAME_ADJUSTMENT_MODE, DDL_FILTER,
            ENABLE_TIME_ADJUSTER), PASS_THROUGH_PREFIXES);

    private MySqlSourceOptions() {
    }
}
