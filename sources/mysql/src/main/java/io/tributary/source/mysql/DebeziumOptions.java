package io.tributary.source.mysql;

import static io.tributary.source.mysql.MySqlSourceOptions.*;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.tributary.api.config.ConfigKeyPattern;
import io.tributary.api.config.ConfigOption;
import io.tributary.source.mysql.DebeziumOption.Origin;
import io.tributary.source.mysql.DebeziumOption.Treatment;

/**
 * Every property of Debezium 3.5's MySQL and MariaDB connectors — their own, the common and relational ones, the
 * schema history's — and the 1.x/2.x spellings and properties configurations still carry, each with what Tributary
 * does with it. The one place this is decided: the source's configuration check ({@link DebeziumKeys}) and the
 * README's table of options both come from here.
 */
public final class DebeziumOptions {
    private static final String SIGNALS = "only used by signals and incremental snapshots, which Tributary refuses "
            + "(signal.data.collection)";
    private static final String DRIVER = "Debezium hands these to the MySQL JDBC driver; Tributary connects with "
            + "MariaDB Connector/J in sessions of its own making (time zone UTC) and passes no driver properties";
    private static final String HISTORY = "Debezium's schema history store: Tributary keeps a history of its own "
            + "(beside the standalone runtime's offsets, at tributary.schema.history.file, or on Kafka Connect in "
            + "schema.history.internal.kafka.topic) and neither reads nor writes Debezium's";
    private static final String HISTORY_CLIENT = "on Kafka Connect, settings of the client that writes or reads "
            + "schema.history.internal.kafka.topic (security, say); the standalone runtime keeps its history beside "
            + "its offsets";
    private static final String HISTORY_KAFKA = "Debezium's wait for its history topic; Tributary's history "
            + "clients wait as Kafka's clients do";
    private static final String BINLOG_CLIENT_THREAD = "the binlog client's own reconnection thread: Tributary "
            + "reconnects a lost binlog connection itself (errors.max.retries), resuming after the last record handed over";
    private static final String UNREAD_DDL_FILTER = "Debezium reads no DDL filter under this key (its default "
            + "filter applies whatever the key says), so the same statements would be left out differently; its filter's "
            + "key is internal.schema.history.internal.ddl.filter: write that to leave statements out, or remove this key";
    private static final String FILTERED_HISTORY = "Tributary writes schema changes of every table and database, "
            + "as with false";

    /** In the order of the README's table. */
    public static final List<DebeziumOption> ALL = List.of(
            // ---- Kafka Connect's keys that Debezium documents with the connector
            accepted("name", Origin.CONNECT, "Kafka Connect's name of the connector (the standalone runtime's "
                    + "pipeline name)"),
            accepted("connector.class", Origin.CONNECT, "selects the source: Debezium's MySQL and MariaDB connector "
                    + "classes and Tributary's own all run Tributary's source"),
            accepted("tasks.max", Origin.CONNECT, "the source runs one task, as Debezium's does: a binlog is one "
                    + "ordered stream"),
            accepted("config.action.reload", Origin.CONNECT, "restart (the default) or none: whether the pipeline "
                    + "restarts, its config provider references read again, once a provider's values expire (their "
                    + "TTL), as a Connect worker restarts the connector; the standalone runtime honours it, as the "
                    + "worker does on Connect"),
            // ---- connection
            honoured(HOSTNAME, ""),
            honoured(PORT, ""),
            honoured(USER, ""),
            honoured(PASSWORD, "never printed"),
            honoured(SERVER_ID, ""),
            honoured(TOPIC_PREFIX, ""),
            honouredOlder("database.server.name", TOPIC_PREFIX),
            accepted("database.server.id.offset", Origin.BOTH, "server ids of Debezium's parallel snapshot "
                    + "connections; Tributary's snapshot reads over JDBC only"),
            honoured(CONNECT_TIMEOUT_MS, ""),
            honoured(KEEP_ALIVE, "a silent binlog connection is detected through server heartbeats and reconnected "
                    + "by Tributary itself (errors.max.retries), resuming after the last record handed over"),
            honoured(KEEP_ALIVE_INTERVAL_MS, "the silence after which the binlog connection is given up as lost; "
                    + "the server is asked for a heartbeat every half of it"),
            accepted("use.nongraceful.disconnect", Origin.BOTH, BINLOG_CLIENT_THREAD),
            accepted("connection.validation.timeout.ms", Origin.BOTH, "Debezium's check of the connection at start; "
                    + "Tributary's connections wait connect.timeout.ms"),
            refusedUnless("database.query.timeout.ms", Origin.BOTH, "Tributary sets no query timeout", "600000"),
            refused("database.initial.statements", Origin.BOTH, "statements run on every JDBC connection are not "
                    + "supported: Tributary's sessions read TIMESTAMP values in UTC and nothing else may change them"),
            honoured(SSL_MODE, "JDBC and binlog connections alike; both connectors' spellings; preferred by default "
                    + "on either server (Debezium's MariaDB connector defaults to disable; the events are the same)"),
            honoured(SSL_KEYSTORE, ""),
            honoured(SSL_KEYSTORE_PASSWORD, "never printed"),
            honoured(SSL_TRUSTSTORE, ""),
            honoured(SSL_TRUSTSTORE_PASSWORD, "never printed"),
            accepted("database.jdbc.driver", Origin.MYSQL, "Tributary connects with MariaDB Connector/J whatever "
                    + "class is named"),
            refusedUnless("database.protocol", Origin.MYSQL, "Tributary connects to one server with its own "
                    + "protocol; other JDBC URL schemes (load balancing, replication) are not supported", "jdbc:mysql"),
            refused("driver.*", Origin.BOTH, DRIVER),
            refused("database.*", Origin.BOTH, DRIVER + " (any database.* key not listed here)"),
            refusedUnless("binlog.net.read.timeout", Origin.BOTH, "Tributary leaves the server's net_read_timeout "
                    + "as it is", "0"),
            refusedUnless("binlog.net.write.timeout", Origin.BOTH, "Tributary leaves the server's net_write_timeout "
                    + "as it is", "0"),
            // ---- what is captured
            honoured(DATABASE_INCLUDE_LIST, ""),
            honoured(DATABASE_EXCLUDE_LIST, ""),
            honoured(TABLE_INCLUDE_LIST, ""),
            honoured(TABLE_EXCLUDE_LIST, ""),
            honoured(COLUMN_INCLUDE_LIST, "primary-key columns stay in the key, as in Debezium"),
            honoured(COLUMN_EXCLUDE_LIST, "primary-key columns stay in the key, as in Debezium"),
            honouredOlder("database.whitelist", DATABASE_INCLUDE_LIST),
            honouredOlder("database.blacklist", DATABASE_EXCLUDE_LIST),
            honouredOlder("table.whitelist", TABLE_INCLUDE_LIST),
            honouredOlder("table.blacklist", TABLE_EXCLUDE_LIST),
            honouredOlder("column.whitelist", COLUMN_INCLUDE_LIST),
            honouredOlder("column.blacklist", COLUMN_EXCLUDE_LIST),
            honoured(TABLE_IGNORE_BUILTIN, ""),
            refused("gtid.source.includes", Origin.BOTH, "filtering transactions by GTID source is not supported: "
                    + "every transaction is captured"),
            refused("gtid.source.excludes", Origin.BOTH, "filtering transactions by GTID source is not supported: "
                    + "every transaction is captured"),
            accepted("gtid.source.filter.dml.events", Origin.BOTH, "only read with gtid.source.includes or "
                    + "gtid.source.excludes, which Tributary refuses"),
            refused("gtid.new.channel.position", Origin.OLDER, "Tributary resumes MySQL by binlog file and position"),
            honoured(SKIPPED_OPERATIONS, ""),
            refusedUnless("skip.messages.without.change", Origin.BOTH, "Tributary writes every update, also one that "
                    + "changes no captured column", "false"),
            refusedUnless("binlog.buffer.size", Origin.BOTH, "Tributary does not buffer transactions to drop "
                    + "rolled-back ones", "0"),
            // ---- how values look
            honoured(DECIMAL_HANDLING_MODE, ""),
            honoured(BIGINT_UNSIGNED_HANDLING_MODE, ""),
            honoured(TIME_PRECISION_MODE, ""),
            honoured(ENABLE_TIME_ADJUSTER, ""),
            honoured(BINARY_HANDLING_MODE, ""),
            honoured(COLUMN_MASK, "values of character columns, null included, become that many '*'"),
            honoured(COLUMN_MASK_HASH, "the hex digest of salt and Java-serialised value, cut to the column length"),
            honoured(COLUMN_MASK_HASH_V2, "the hex digest of salt and UTF-8 text, cut to the column length"),
            honoured(COLUMN_TRUNCATE, "strings and bytes longer than <length> are cut (a BIT column's bytes are not, "
                    + "as in Debezium)"),
            honoured(COLUMN_PROPAGATE_SOURCE_TYPE, "__debezium.source.column.* schema parameters"),
            honoured(DATATYPE_PROPAGATE_SOURCE_TYPE, "__debezium.source.column.* schema parameters"),
            honoured(CONVERTERS, "TinyIntOneToBooleanConverter (<name>.type, <name>.selector, "
                    + "<name>.length.checker); other converter classes are refused"),
            honoured(MESSAGE_KEY_COLUMNS, ""),
            honoured(SCHEMA_NAME_ADJUSTMENT_MODE, ""),
            honoured(FIELD_NAME_ADJUSTMENT_MODE, ""),
            refusedUnless("sanitize.field.names", Origin.OLDER, "adjusting field names is not supported yet",
                    "false"),
            refusedUnless("include.schema.comments", Origin.BOTH, "comments are not added to schemas", "false"),
            refusedUnless("source.struct.version", Origin.BOTH, "the source block is always Debezium's v2", "v2"),
            refusedUnless("event.converting.failure.handling.mode", Origin.BOTH, "Tributary stops at a value it "
                    + "cannot convert, as fail does (Debezium's default, warn, writes null instead)", "fail"),
            refused("post.processors", Origin.BOTH, "post processors are not supported"),
            // ---- events and topics
            honoured(TOMBSTONES_ON_DELETE, ""),
            honoured(INCLUDE_SCHEMA_CHANGES, ""),
            honoured(INCLUDE_QUERY, "MariaDB needs binlog_annotate_row_events=ON, MySQL "
                    + "binlog_rows_query_log_events=ON"),
            honoured(PROVIDE_TRANSACTION_METADATA, ""),
            honoured(HEARTBEAT_INTERVAL_MS, ""),
            refused("heartbeat.action.query", Origin.BOTH, "heartbeats that run a statement are not supported yet"),
            refusedUnless("heartbeat.topics.prefix", Origin.BOTH, "heartbeats go to __debezium-heartbeat.<topic.prefix>",
                    "__debezium-heartbeat"),
            refusedUnless("topic.heartbeat.prefix", Origin.BOTH, "heartbeats go to __debezium-heartbeat.<topic.prefix>",
                    "__debezium-heartbeat"),
            refusedUnless("topic.naming.strategy", Origin.BOTH, "topics are named as Debezium's default strategies "
                    + "name them", "io.debezium.schema.SchemaTopicNamingStrategy",
                    "io.debezium.schema.DefaultTopicNamingStrategy"),
            refusedUnless("topic.delimiter", Origin.BOTH, "topic names are joined with '.'", "."),
            refusedUnless("topic.transaction", Origin.BOTH, "transaction metadata goes to <topic.prefix>.transaction",
                    "transaction"),
            refusedUnless("transaction.topic", Origin.OLDER, "transaction metadata goes to <topic.prefix>.transaction",
                    "${database.server.name}.transaction"),
            accepted("topic.cache.size", Origin.BOTH, "the size of Debezium's cache of topic names"),
            refusedUnless("transaction.metadata.factory", Origin.BOTH, "transaction metadata is Debezium's default",
                    "io.debezium.pipeline.txmetadata.DefaultTransactionMetadataFactory"),
            refusedUnless("sourceinfo.struct.maker", Origin.BOTH, "the source block is Debezium's default",
                    "io.debezium.connector.mariadb.MariaDbSourceInfoStructMaker",
                    "io.debezium.connector.mysql.MySqlSourceInfoStructMaker"),
            refusedUnless("extended.headers.enabled", Origin.BOTH, "Tributary never writes Debezium's "
                    + "__debezium.context.* headers (see Differences from Debezium)", "false"),
            // ---- snapshots
            honoured(SNAPSHOT_MODE, "always, recovery, configuration_based and custom are refused"),
            honoured(SNAPSHOT_CHUNK_SIZE, "rows per primary-key chunk of the snapshot"),
            honoured(SNAPSHOT_LOCKING_MODE, "minimal and none; extended, minimal_percona and custom are refused"),
            refusedUnless("snapshot.lock.timeout.ms", Origin.BOTH, "Tributary waits up to 10 s (Debezium's "
                    + "default) for its brief MySQL locks under snapshot.locking.mode=minimal", "10000"),
            refused("snapshot.locking.mode.custom.name", Origin.BOTH, "custom snapshot plug-ins are not supported"),
            refused("snapshot.mode.custom.name", Origin.BOTH, "custom snapshot plug-ins are not supported"),
            refusedUnless("snapshot.query.mode", Origin.BOTH, "the snapshot selects every row", "select_all"),
            refused("snapshot.query.mode.custom.name", Origin.BOTH, "custom snapshot plug-ins are not supported"),
            refused("snapshot.select.statement.overrides", Origin.BOTH, "custom snapshot statements are not "
                    + "supported yet: the snapshot reads every row"),
            refused("snapshot.select.statement.overrides.*", Origin.BOTH, "custom snapshot statements are not "
                    + "supported yet: the snapshot reads every row"),
            refused("snapshot.include.collection.list", Origin.BOTH, "snapshotting only some captured tables is not "
                    + "supported; narrow table.include.list instead"),
            refusedUnless("snapshot.delay.ms", Origin.BOTH, "the snapshot starts at once", "0"),
            refusedUnless("streaming.delay.ms", Origin.BOTH, "streaming starts at once", "0"),
            refusedUnless("snapshot.max.threads", Origin.BOTH, "the snapshot reads one table at a time", "1"),
            refusedUnless("snapshot.max.threads.multiplier", Origin.BOTH, "the snapshot reads one table at a time",
                    "1"),
            refusedUnless("snapshot.tables.order.by.row.count", Origin.BOTH, "tables are read in the order of their "
                    + "names", "disabled"),
            refusedUnless("snapshot.new.tables", Origin.OLDER, "tables added to the include lists are not "
                    + "snapshotted while streaming", "off"),
            accepted("snapshot.mode.configuration.based.snapshot.data", Origin.BOTH, "only read with "
                    + "snapshot.mode=configuration_based, which Tributary refuses"),
            accepted("snapshot.mode.configuration.based.snapshot.schema", Origin.BOTH, "only read with "
                    + "snapshot.mode=configuration_based, which Tributary refuses"),
            accepted("snapshot.mode.configuration.based.start.stream", Origin.BOTH, "only read with "
                    + "snapshot.mode=configuration_based, which Tributary refuses"),
            accepted("snapshot.mode.configuration.based.snapshot.on.schema.error", Origin.BOTH, "only read with "
                    + "snapshot.mode=configuration_based, which Tributary refuses"),
            accepted("snapshot.mode.configuration.based.snapshot.on.data.error", Origin.BOTH, "only read with "
                    + "snapshot.mode=configuration_based, which Tributary refuses"),
            accepted("min.row.count.to.stream.results", Origin.BOTH, "when Debezium streams snapshot results; "
                    + "Tributary always reads in primary-key chunks"),
            accepted("query.fetch.size", Origin.BOTH, "the JDBC fetch size of Debezium's queries"),
            // ---- signals, incremental snapshots, notifications
            refused("signal.data.collection", Origin.BOTH, "signals (ad hoc and incremental snapshots) are not "
                    + "supported"),
            refusedUnless("signal.enabled.channels", Origin.BOTH, "signals are not supported", "source"),
            accepted("signal.poll.interval.ms", Origin.BOTH, SIGNALS),
            accepted("signal.kafka.*", Origin.BOTH, SIGNALS),
            accepted("signal.consumer.*", Origin.BOTH, SIGNALS),
            accepted("incremental.snapshot.chunk.size", Origin.BOTH, SIGNALS),
            accepted("incremental.snapshot.allow.schema.changes", Origin.BOTH, SIGNALS),
            accepted("incremental.snapshot.watermarking.strategy", Origin.BOTH, SIGNALS),
            accepted("read.only", Origin.BOTH, SIGNALS),
            refused("notification.enabled.channels", Origin.BOTH, "notifications are not supported"),
            accepted("notification.sink.topic.name", Origin.BOTH, "only used by notifications, which Tributary "
                    + "refuses (notification.enabled.channels)"),
            // ---- failures and retries
            honoured(EVENT_PROCESSING_FAILURE_HANDLING_MODE, "fail only: warn, skip and ignore are refused"),
            honoured(EVENT_DESERIALIZATION_FAILURE_HANDLING_MODE, "fail only, as for "
                    + "event.processing.failure.handling.mode (Debezium 3.5 no longer reads it)"),
            honoured(INCONSISTENT_SCHEMA_HANDLING_MODE, "fail only: warn, skip and ignore are refused"),
            honoured(ERRORS_MAX_RETRIES, "counted per outage"),
            accepted("retriable.restart.connector.wait.ms", Origin.BOTH, "Debezium's wait before it restarts after "
                    + "an error; Tributary retries a lost connection with errors.retry.delay.*"),
            refusedUnless("guardrail.collections.max", Origin.BOTH, "no limit on the number of captured tables is "
                    + "checked", "0"),
            accepted("guardrail.collections.limit.action", Origin.BOTH, "only read with guardrail.collections.max, "
                    + "which Tributary refuses"),
            // ---- the queue between reader and consumer
            honoured(MAX_QUEUE_SIZE, "default 2048, not Debezium's 8192"),
            honoured(MAX_BATCH_SIZE, ""),
            refusedUnless("max.queue.size.in.bytes", Origin.BOTH, "the buffer is bounded by records "
                    + "(max.queue.size)", "0"),
            accepted("poll.interval.ms", Origin.BOTH, "how long Debezium's task waits for events; Tributary hands "
                    + "records over as they arrive"),
            accepted("executor.shutdown.timeout.ms", Origin.BOTH, "how long Debezium waits for its threads at "
                    + "shutdown"),
            // ---- schema history
            honoured(DDL_FILTER, "statements of the binlog left out (no schema-change event, nothing applied); "
                    + "the key Debezium reads its DDL filter from, which its documentation does not list"),
            honouredOlder("internal.database.history.ddl.filter", DDL_FILTER),
            refused("schema.history.internal.ddl.filter", Origin.BOTH, UNREAD_DDL_FILTER),
            refused("database.history.ddl.filter", Origin.OLDER, UNREAD_DDL_FILTER),
            accepted("schema.history.internal", Origin.BOTH, HISTORY),
            honoured(SCHEMA_HISTORY_KAFKA_TOPIC, ""),
            honoured(SCHEMA_HISTORY_KAFKA_BOOTSTRAP_SERVERS, ""),
            accepted("schema.history.internal.kafka.recovery.poll.interval.ms", Origin.BOTH, HISTORY_KAFKA),
            accepted("schema.history.internal.kafka.recovery.attempts", Origin.BOTH, HISTORY_KAFKA),
            accepted("schema.history.internal.kafka.query.timeout.ms", Origin.BOTH, HISTORY_KAFKA),
            accepted("schema.history.internal.kafka.create.timeout.ms", Origin.BOTH, HISTORY_KAFKA),
            accepted("schema.history.internal.producer.*", Origin.BOTH, HISTORY_CLIENT),
            accepted("schema.history.internal.consumer.*", Origin.BOTH, HISTORY_CLIENT),
            accepted("schema.history.internal.*", Origin.BOTH, HISTORY),
            accepted("schema.history.internal.skip.unparseable.ddl", Origin.BOTH, "Tributary parses no DDL text, so "
                    + "none is skipped"),
            refusedUnless("schema.history.internal.store.only.captured.tables.ddl", Origin.BOTH, FILTERED_HISTORY,
                    "false"),
            refusedUnless("schema.history.internal.store.only.captured.databases.ddl", Origin.BOTH, FILTERED_HISTORY,
                    "false"),
            accepted("database.history", Origin.OLDER, HISTORY),
            honouredOlder("database.history.kafka.topic", SCHEMA_HISTORY_KAFKA_TOPIC),
            honouredOlder("database.history.kafka.bootstrap.servers", SCHEMA_HISTORY_KAFKA_BOOTSTRAP_SERVERS),
            accepted("database.history.kafka.recovery.poll.interval.ms", Origin.OLDER, HISTORY_KAFKA),
            accepted("database.history.kafka.recovery.attempts", Origin.OLDER, HISTORY_KAFKA),
            accepted("database.history.producer.*", Origin.OLDER, HISTORY_CLIENT),
            accepted("database.history.consumer.*", Origin.OLDER, HISTORY_CLIENT),
            accepted("database.history.*", Origin.OLDER, HISTORY),
            refusedUnless("database.history.store.only.monitored.tables.ddl", Origin.OLDER, FILTERED_HISTORY,
                    "false"),
            refusedUnless("database.history.store.only.captured.tables.ddl", Origin.OLDER, FILTERED_HISTORY, "false"),
            // ---- Debezium's own machinery
            accepted("internal.*", Origin.BOTH, "Debezium's internal switches"),
            accepted("custom.sanitize.pattern", Origin.BOTH, "which keys Debezium masks in its logs; Tributary "
                    + "never logs secrets"),
            accepted("custom.metric.tags", Origin.BOTH, "tags of Debezium's JMX metric names"),
            refusedUnless("openlineage.integration.enabled", Origin.BOTH, "OpenLineage events are not supported",
                    "false"),
            accepted("openlineage.integration.*", Origin.BOTH, "only read with openlineage.integration.enabled=true, "
                    + "which Tributary refuses"));

    private DebeziumOptions() {
    }

    /**
     * The entry for a configuration key: a whole key first, then a family, then the longest prefix that holds it.
     */
    public static Optional<DebeziumOption> find(String configKey) {
        Optional<DebeziumOption> exact = ALL.stream()
                .filter(option -> !option.isPrefix() && option.matches(configKey)).findFirst();
        if (exact.isPresent()) {
            return exact;
        }
        return ALL.stream().filter(option -> option.isPrefix() && option.matches(configKey))
                .max(Comparator.comparingInt(option -> option.key().length()));
    }

    /** The whole keys (not families or prefixes), for did-you-mean. */
    public static List<String> wholeKeys() {
        List<String> keys = new ArrayList<>();
        for (DebeziumOption option : ALL) {
            if (!option.isPrefix() && !option.isPattern()) {
                keys.add(option.key());
            }
        }
        return keys;
    }

    /** An option Tributary declares; without a note of its own, the option's documentation says what it does. */
    private static DebeziumOption honoured(ConfigOption<?> option, String note) {
        return new DebeziumOption(option.key(), Origin.BOTH, Treatment.HONOURED, List.of(),
                note.isEmpty() ? option.doc() : note);
    }

    private static DebeziumOption honoured(ConfigKeyPattern<?> pattern, String note) {
        return new DebeziumOption(pattern.template(), Origin.BOTH, Treatment.HONOURED, List.of(), note);
    }

    private static DebeziumOption honouredOlder(String key, ConfigOption<?> current) {
        return new DebeziumOption(key, Origin.OLDER, Treatment.HONOURED, List.of(), "as " + current.key());
    }

    private static DebeziumOption accepted(String key, Origin origin, String note) {
        return new DebeziumOption(key, origin, Treatment.ACCEPTED, List.of(), note);
    }

    private static DebeziumOption refused(String key, Origin origin, String note) {
        return new DebeziumOption(key, origin, Treatment.REFUSED, List.of(), note);
    }

    private static DebeziumOption refusedUnless(String key, Origin origin, String note, String... acceptedValues) {
        return new DebeziumOption(key, origin, Treatment.REFUSED, List.of(acceptedValues), note);
    }
}
