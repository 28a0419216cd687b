package io.tributary.source.mysql;

import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.tributary.api.config.ConfigDefinition;
import io.tributary.api.config.ConfigKeyPattern;
import io.tributary.api.config.ConfigOption;
import io.tributary.source.mysql.convert.ColumnMapper;
import io.tributary.source.mysql.convert.ColumnRules;

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
    public static final ConfigOption<List<String>> DATABASE_INCLUDE_LIST = RegexLists.option("database.include.list")
            .withLegacyKey("database.whitelist").withDoc("Regular expressions of databases to capture.");
    public static final ConfigOption<List<String>> DATABASE_EXCLUDE_LIST = RegexLists.option("database.exclude.list")
            .withLegacyKey("database.blacklist").withDoc("Regular expressions of databases not to capture.");
    public static final ConfigOption<List<String>> TABLE_INCLUDE_LIST = RegexLists.option("table.include.list")
            .withLegacyKey("table.whitelist").withDoc("Regular expressions of db.table names to capture.");
    public static final ConfigOption<List<String>> TABLE_EXCLUDE_LIST = RegexLists.option("table.exclude.list")
            .withLegacyKey("table.blacklist").withDoc("Regular expressions of db.table names not to capture.");
    public static final ConfigOption<List<String>> COLUMN_INCLUDE_LIST = RegexLists.option("column.include.list")
            .withLegacyKey("column.whitelist")
            .withDoc("Regular expressions of db.table.column names to keep in change values; the others are left out.");
    public static final ConfigOption<List<String>> COLUMN_EXCLUDE_LIST = RegexLists.option("column.exclude.list")
            .withLegacyKey("column.blacklist").withDoc("Regular expressions of db.table.column names to leave out.");
    public static final ConfigOption<Boolean> TABLE_IGNORE_BUILTIN = ConfigOption.bool("table.ignore.builtin")
            .withDefault(true).withDoc("Whether the server's own databases (mysql, sys, information_schema, "
                    + "performance_schema) are left out whatever the include lists say.");
    public static final ConfigOption<SnapshotMode> SNAPSHOT_MODE = ConfigOption.oneOf("snapshot.mode", SnapshotMode.class)
            .withDefault(SnapshotMode.INITIAL)
            .withUnsupportedValues(List.of("always", "recovery", "schema_only_recovery", "configuration_based",
                    "custom"), "Tributary takes a snapshot with initial, initial_only, no_data (schema_only), never or "
                    + "when_needed")
            .withDoc("When to take a snapshot of the existing rows.");
    public static final ConfigOption<Integer> SNAPSHOT_CHUNK_SIZE = ConfigOption.integer("snapshot.fetch.size")
            .withDefault(10_000).validatedBy(size -> size > 0, "a positive integer")
            .withDoc("Rows read per primary-key chunk during the snapshot.");
    public static final ConfigOption<SnapshotLockingMode> SNAPSHOT_LOCKING_MODE = ConfigOption
            .oneOf("snapshot.locking.mode", SnapshotLockingMode.class).withDefault(SnapshotLockingMode.MINIMAL)
            .withUnsupportedValues(List.of("extended", "minimal_percona", "minimal_percona_no_table_locks", "custom"),
                    "Tributary takes the position with minimal (global or table read lock while the snapshot starts) "
                    + "or none (no lock)")
            .withDoc("How a MySQL snapshot finds the binlog position its rows are consistent with: minimal locks "
                    + "briefly (FLUSH TABLES WITH READ LOCK, else LOCK TABLES on the captured tables), none never "
                    + "locks (exact with GTIDs on). MariaDB needs no lock in either mode.");
    public static final ConfigOption<DecimalHandlingMode> DECIMAL_HANDLING_MODE = ConfigOption
            .oneOf("decimal.handling.mode", DecimalHandlingMode.class).withDefault(DecimalHandlingMode.PRECISE)
            .withDoc("How DECIMAL values are represented.");
    public static final ConfigOption<BinaryHandlingMode> BINARY_HANDLING_MODE = ConfigOption
            .oneOf("binary.handling.mode", BinaryHandlingMode.class).withDefault(BinaryHandlingMode.BYTES)
            .withDoc("How BINARY, VARBINARY and BLOB values are represented: bytes, or text in base64, "
                    + "base64-url-safe or hex.");
    public static final ConfigOption<TimePrecisionMode> TIME_PRECISION_MODE = ConfigOption
            .oneOf("time.precision.mode", TimePrecisionMode.class)
            .withDefault(TimePrecisionMode.ADAPTIVE_TIME_MICROSECONDS)
            .withDoc("How DATE, TIME and DATETIME values are represented: adaptive_time_microseconds (Date, MicroTime, "
                    + "Timestamp or MicroTimestamp by the column's digits), connect (Kafka Connect's Date, Time and "
                    + "Timestamp in milliseconds; TIME only within a day), isostring (ISO-8601 text; TIME only within "
                    + "a day), microseconds or nanoseconds (MicroTime/MicroTimestamp or NanoTime/NanoTimestamp). "
                    + "TIMESTAMP and YEAR are the same in every mode; adaptive is refused, as by Debezium.");
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
    public static final ConfigOption<Boolean> INCLUDE_QUERY = ConfigOption.bool("include.query").withDefault(false)
            .withDoc("Whether row events carry the statement that made them in source.query (MariaDB: "
                    + "binlog_annotate_row_events=ON; MySQL: binlog_rows_query_log_events=ON).");
    public static final ConfigOption<List<String>> COLUMN_PROPAGATE_SOURCE_TYPE = RegexLists
            .option("column.propagate.source.type")
            .withDoc("Regular expressions of db.table.column names whose value schemas carry the column's type, "
                    + "length, scale, comment and name as __debezium.source.column.* parameters.");
    public static final ConfigOption<List<String>> DATATYPE_PROPAGATE_SOURCE_TYPE = RegexLists
            .option("datatype.propagate.source.type")
            .withDoc("Regular expressions of db.table.TYPE names (VARCHAR, INT UNSIGNED, ...) whose value schemas carry "
                    + "the column's type, length, scale, comment and name as __debezium.source.column.* parameters.");
    public static final ConfigOption<List<String>> CONVERTERS = ConfigOption.list("converters")
            .withDoc("Names of custom converters, each configured by <name>.type and its own <name>.* settings; "
                    + "Debezium's TinyIntOneToBooleanConverter (selector, length.checker) is supported.");
    public static final ConfigOption<FailureHandlingMode> EVENT_PROCESSING_FAILURE_HANDLING_MODE =
            failureHandling("event.processing.failure.handling.mode", List.of("warn", "skip", "ignore"),
                    "it stops at an event it cannot process, naming it, as fail does")
                    .withDoc("What to do with an event that cannot be processed: fail.");
    public static final ConfigOption<FailureHandlingMode> EVENT_DESERIALIZATION_FAILURE_HANDLING_MODE =
            failureHandling("event.deserialization.failure.handling.mode", List.of("warn", "skip", "ignore"),
                    "it stops at a binlog event it cannot read, naming it, as fail does")
                    .withDoc("Debezium 2.x's setting for binlog events that cannot be read (Debezium 3.5 no longer "
                            + "reads it): fail.");
    public static final ConfigOption<FailureHandlingMode> INCONSISTENT_SCHEMA_HANDLING_MODE =
            failureHandling("inconsistent.schema.handling.mode", List.of("warn", "skip", "ignore"),
                    "rows of a table whose definition it cannot establish stop it, naming the table, as fail does")
                    .withDoc("What to do with rows of a table whose definition is not known: fail.");
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
    public static final ConfigOption<SslMode> SSL_MODE = new ConfigOption<>("database.ssl.mode", SslMode.EXPECTED,
            SslMode::parse, java.util.Optional.of(SslMode.PREFERRED), false, false, List.of(),
            "Whether connections to the server (JDBC and binlog alike) use TLS: preferred (the default, as in "
            + "Debezium's MySQL connector) when the server offers it, required always, verify_ca checking the "
            + "certificate against database.ssl.truststore (else the JVM's authorities), verify_identity also the "
            + "host name; disabled never.");
    public static final ConfigOption<String> SSL_KEYSTORE = ConfigOption.string("database.ssl.keystore")
            .withDoc("A PKCS12 or JKS key store with the client's certificate, for servers that ask for one.");
    public static final ConfigOption<String> SSL_KEYSTORE_PASSWORD = ConfigOption
            .string("database.ssl.keystore.password").withDefault("").asSensitive()
            .withDoc("Password of database.ssl.keystore.");
    public static final ConfigOption<String> SSL_TRUSTSTORE = ConfigOption.string("database.ssl.truststore")
            .withDoc("A PKCS12 or JKS trust store with the authorities verify_ca and verify_identity accept.");
    public static final ConfigOption<String> SSL_TRUSTSTORE_PASSWORD = ConfigOption
            .string("database.ssl.truststore.password").withDefault("").asSensitive()
            .withDoc("Password of database.ssl.truststore.");
    public static final ConfigOption<Boolean> KEEP_ALIVE = ConfigOption.bool("connect.keep.alive").withDefault(true)
            .withDoc("Whether a binlog connection that went silent (a network cut, a server frozen) is detected and "
                    + "reconnected: the server is asked for heartbeats, and a connection that brings nothing for "
                    + "connect.keep.alive.interval.ms is given up as lost.");
    public static final ConfigOption<Long> KEEP_ALIVE_INTERVAL_MS = ConfigOption
            .longInteger("connect.keep.alive.interval.ms").withDefault(60_000L)
            .validatedBy(interval -> interval >= 1000, "at least 1000 ms")
            .withDoc("How long a binlog connection may bring nothing before it is taken as lost.");
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
    public static final ConfigOption<String> SCHEMA_HISTORY_FILE = ConfigOption.string("tributary.schema.history.file")
            .withDoc("The file where Tributary keeps the table definitions it read, so that a restart decodes rows "
                    + "written before a DDL statement that ran while it was stopped (Tributary's own format, not "
                    + "Debezium's). The standalone runtime keeps it beside the pipeline's offsets unless this is set; "
                    + "elsewhere (a Kafka Connect worker) there is none unless this is set.");
    public static final ConfigOption<String> SCHEMA_HISTORY_KAFKA_TOPIC = ConfigOption
            .string("schema.history.internal.kafka.topic").withLegacyKey("database.history.kafka.topic")
            .withDoc("On Kafka Connect, names where the schema history is kept: Tributary keeps its own (not "
                    + "Debezium's) in the topic of this name with .tributary added (one partition, kept forever; "
                    + "created when missing), so that a task started on any worker decodes rows written before a DDL "
                    + "statement it has not read yet, and Debezium's history in the topic itself stays as Debezium "
                    + "left it. The standalone runtime keeps its history beside the pipeline's offsets instead.");
    public static final ConfigOption<String> SCHEMA_HISTORY_KAFKA_BOOTSTRAP_SERVERS = ConfigOption
            .string("schema.history.internal.kafka.bootstrap.servers")
            .withLegacyKey("database.history.kafka.bootstrap.servers")
            .withDoc("The Kafka cluster of schema.history.internal.kafka.topic; its clients take the settings under "
                    + "schema.history.internal.producer.* and schema.history.internal.consumer.* (security, say).");
    /**
     * Debezium's DDL filter, under the key Debezium reads it from: its field is internal, so its name carries the
     * {@code internal.} prefix ({@code schema.history.internal.ddl.filter} alone is read by no version).
     */
    public static final ConfigOption<String> DDL_FILTER = ConfigOption
            .string("internal.schema.history.internal.ddl.filter")
            .withLegacyKey("internal.database.history.ddl.filter").withDefault(QueryStatements.DEFAULT_DDL_FILTER)
            .validatedBy(QueryStatements::isValidDdlFilter, "comma-separated regular expressions")
            .withDoc("Statements of the binlog to ignore, as Debezium's DDL filter: regular expressions matched "
                    + "case-insensitively against the whole statement; they replace the default list.");


    public static final ConfigKeyPattern<ColumnRules.Rule> COLUMN_TRUNCATE = columnMapper(
            "column.truncate.to.<length>.chars", "column\\.truncate\\.to\\.([^.]+)\\.chars",
            "Values of the columns named (db.table.column regular expressions) cut to <length> characters.",
            key -> new ColumnMapper.Truncate(length(key.group(1))));
    public static final ConfigKeyPattern<ColumnRules.Rule> COLUMN_MASK = columnMapper(
            "column.mask.with.<length>.chars", "column\\.mask\\.with\\.([^.]+)\\.chars",
            "Values of the character columns named (db.table.column regular expressions) replaced by <length> '*'.",
            key -> new ColumnMapper.Mask(length(key.group(1))));
    public static final ConfigKeyPattern<ColumnRules.Rule> COLUMN_MASK_HASH = columnMapper(
            "column.mask.hash.<algorithm>.with.salt.<salt>", "column\\.mask\\.hash\\.([^.]+)\\.with\\.salt\\.(.+)",
            "Values of the character columns named replaced by the hexadecimal <algorithm> hash of salt and the "
                    + "Java-serialised value (Debezium's v1), cut to the column's length.",
            key -> new ColumnMapper.Hash(key.group(1), key.group(2), false));
    public static final ConfigKeyPattern<ColumnRules.Rule> COLUMN_MASK_HASH_V2 = columnMapper(
            "column.mask.hash.v2.<algorithm>.with.salt.<salt>",
            "column\\.mask\\.hash\\.v2\\.([^.]+)\\.with\\.salt\\.(.+)",
            "Values of the character columns named replaced by the hexadecimal <algorithm> hash of salt and the "
                    + "value's UTF-8 text, cut to the column's length.",
            key -> new ColumnMapper.Hash(key.group(1), key.group(2), true));

    public static final ConfigDefinition DEFINITION = new ConfigDefinition(List.of(
            HOSTNAME, PORT, USER, PASSWORD, SERVER_ID, TOPIC_PREFIX,
            DATABASE_INCLUDE_LIST, DATABASE_EXCLUDE_LIST, TABLE_INCLUDE_LIST, TABLE_EXCLUDE_LIST, COLUMN_INCLUDE_LIST,
            COLUMN_EXCLUDE_LIST, TABLE_IGNORE_BUILTIN, SNAPSHOT_MODE, SNAPSHOT_CHUNK_SIZE, SNAPSHOT_LOCKING_MODE, DECIMAL_HANDLING_MODE, BINARY_HANDLING_MODE,
            TIME_PRECISION_MODE,
            BIGINT_UNSIGNED_HANDLING_MODE, TOMBSTONES_ON_DELETE, SKIPPED_OPERATIONS, INCLUDE_QUERY,
            COLUMN_PROPAGATE_SOURCE_TYPE, DATATYPE_PROPAGATE_SOURCE_TYPE, CONVERTERS,
            EVENT_PROCESSING_FAILURE_HANDLING_MODE,
            EVENT_DESERIALIZATION_FAILURE_HANDLING_MODE, INCONSISTENT_SCHEMA_HANDLING_MODE, INCLUDE_SCHEMA_CHANGES,
            PROVIDE_TRANSACTION_METADATA, HEARTBEAT_INTERVAL_MS, CONNECT_TIMEOUT_MS, KEEP_ALIVE, KEEP_ALIVE_INTERVAL_MS,
            SSL_MODE, SSL_KEYSTORE, SSL_KEYSTORE_PASSWORD, SSL_TRUSTSTORE, SSL_TRUSTSTORE_PASSWORD,
            ERRORS_MAX_RETRIES,
            RETRY_DELAY_INITIAL_MS, RETRY_DELAY_MAX_MS, MAX_QUEUE_SIZE, MAX_BATCH_SIZE, MESSAGE_KEY_COLUMNS,
            SCHEMA_NAME_ADJUSTMENT_MODE, FIELD_NAME_ADJUSTMENT_MODE, DDL_FILTER, ENABLE_TIME_ADJUSTER, SCHEMA_HISTORY_FILE,
            SCHEMA_HISTORY_KAFKA_TOPIC, SCHEMA_HISTORY_KAFKA_BOOTSTRAP_SERVERS),
            Set.of())
            .withPatterns(List.of(COLUMN_TRUNCATE, COLUMN_MASK, COLUMN_MASK_HASH_V2, COLUMN_MASK_HASH))
            .withUndeclaredKeys(DebeziumKeys.INSTANCE);

    private static ConfigOption<FailureHandlingMode> failureHandling(String key, List<String> refused, String reason) {
        return ConfigOption.oneOf(key, FailureHandlingMode.class).withDefault(FailureHandlingMode.FAIL)
                .withUnsupportedValues(refused, "Tributary does not drop events: " + reason);
    }

    /** A family of column-mapper keys whose value is a list of db.table.column regular expressions. */
    private static ConfigKeyPattern<ColumnRules.Rule> columnMapper(String template, String keyRegex, String doc,
            Function<Matcher, ColumnMapper> mapper) {
        return new ConfigKeyPattern<>(template, Pattern.compile(keyRegex),
                template + "=<comma-separated regular expressions of db.table.column names>",
                (key, value) -> new ColumnRules.Rule(ColumnRules.Target.COLUMN,
                        RegexLists.compile(RegexLists.split(value)), mapper.apply(key)), doc);
    }

    private static int length(String text) {
        try {
            int length = Integer.parseInt(text);
            if (length >= 0) {
                return length;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("<length> must be a whole number, not '" + text + "'");
    }

    private MySqlSourceOptions() {
    }
}
