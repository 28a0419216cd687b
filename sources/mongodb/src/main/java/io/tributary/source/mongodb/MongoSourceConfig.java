package io.tributary.source.mongodb;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import io.tributary.api.config.ConfigDefinition;
import io.tributary.api.config.ConfigException;
import io.tributary.api.config.ConfigOption;
import io.tributary.api.config.ConfigProblem;
import io.tributary.api.config.ParsedConfig;
import io.tributary.api.config.UndeclaredKeys;
import io.tributary.core.retry.Retry;

/**
 * The MongoDB source's settings, named as Debezium's MongoDB connector names them.
 *
 * @param databases regular expressions a captured database's whole name matches; empty: every database
 * @param excludedDatabases regular expressions of databases left out
 * @param collections regular expressions a captured collection's {@code <database>.<collection>} matches; empty:
 *     every collection of the captured databases
 * @param excludedCollections regular expressions of {@code <database>.<collection>} left out
 * @param fields the fields left out of or renamed in the captured documents ({@code field.exclude.list},
 *     {@code field.renames})
 * @param skippedOperations the operations not captured ({@code c}, {@code u}, {@code d}; {@code t} has no MongoDB
 *     change)
 * @param collectionListingIntervalMs how often the captured collections are listed again while streaming
 */
record MongoSourceConfig(MongoClientOptions client, String topicPrefix, List<Pattern> databases,
        List<Pattern> excludedDatabases, List<Pattern> collections, List<Pattern> excludedCollections,
        FieldFilter fields, CaptureMode captureMode, FullUpdateType fullUpdateType, SnapshotMode snapshotMode,
        boolean tombstonesOnDelete, int maxBatchSize, int maxQueueSize, long pollIntervalMs, long heartbeatIntervalMs,
        Retry retry, Set<String> skippedOperations, long collectionListingIntervalMs) {

    /** Debezium's {@code capture.mode} values: what a change stream is asked to add to an update's event. */
    enum CaptureMode {
        /** The update's description only: {@code after} is empty on updates. */
        CHANGE_STREAMS(false, false),
        /** The whole document after the update as well ({@code capture.mode.full.update.type}). */
        CHANGE_STREAMS_UPDATE_FULL(true, false),
        /** The description and, where the collection keeps them, the document before the change. */
        CHANGE_STREAMS_WITH_PRE_IMAGE(false, true),
        /** The whole document after the update, and the document before it where the collection keeps pre-images. */
        CHANGE_STREAMS_UPDATE_FULL_WITH_PRE_IMAGE(true, true);

        private final boolean fullUpdate;
        private final boolean preImage;

        CaptureMode(boolean fullUpdate, boolean preImage) {
            this.fullUpdate = fullUpdate;
            this.preImage = preImage;
        }

        boolean fullUpdate() {
            return fullUpdate;
        }

        boolean preImage() {
            return preImage;
        }
    }

    /** Debezium's {@code capture.mode.full.update.type}: how a full-update mode gets the document after an update. */
    enum FullUpdateType {
        /** The server looks the document up when the event is read ({@code updateLookup}): its state then. */
        LOOKUP,
        /** The post-image the server stored with the change (MongoDB 6.0+, {@code changeStreamPreAndPostImages}). */
        POST_IMAGE
    }

    /** Debezium's {@code snapshot.mode} values this source supports. */
    enum SnapshotMode {
        /** The documents there are on the first start, then the changes after them. */
        INITIAL,
        /** As initial; and a new snapshot when the oplog no longer holds the stored resume point. */
        WHEN_NEEDED,
        /** A new snapshot on every start, then the changes after it. */
        ALWAYS,
        /** The documents there are on the first start, and no changes. */
        INITIAL_ONLY,
        /** The changes from now on only. */
        NO_DATA
    }

    static final ConfigOption<String> CONNECTION_STRING = ConfigOption.string("mongodb.connection.string")
            .asRequired().asSensitive()
            .withDoc("mongodb://user:password@host:port/?replicaSet=...&tls=true&tlsCAFile=...; never printed");
    static final ConfigOption<String> TOPIC_PREFIX = ConfigOption.string("topic.prefix").asRequired()
            .withDoc("the first part of every topic name: <topic.prefix>.<database>.<collection>");
    static final ConfigOption<List<String>> DATABASE_INCLUDE_LIST = regexes("database.include.list")
            .withDoc("regular expressions of the databases captured; default: every database but admin, config "
                    + "and local");
    static final ConfigOption<List<String>> DATABASE_EXCLUDE_LIST = regexes("database.exclude.list");
    static final ConfigOption<List<String>> COLLECTION_INCLUDE_LIST = regexes("collection.include.list")
            .withDoc("regular expressions of <database>.<collection> names captured; default: every collection");
    static final ConfigOption<List<String>> COLLECTION_EXCLUDE_LIST = regexes("collection.exclude.list");
    static final ConfigOption<String> FIELD_EXCLUDE_LIST = fieldPaths("field.exclude.list", FieldFilter.EXCLUSION,
            "a comma-separated list of <database>.<collection>.<field>[.<nested field>...]")
            .withDoc("fields left out of every captured document and update description; database and collection "
                    + "may hold * (any characters)");
    static final ConfigOption<String> FIELD_RENAMES = fieldPaths("field.renames", FieldFilter.RENAMING,
            "a comma-separated list of <database>.<collection>.<field>[.<nested field>...]:<new name>")
            .withDoc("fields renamed (at their own level) in every captured document and update description; "
                    + "database and collection may hold * (any characters)");
    static final ConfigOption<CaptureMode> CAPTURE_MODE = ConfigOption.oneOf("capture.mode", CaptureMode.class)
            .withDefault(CaptureMode.CHANGE_STREAMS_UPDATE_FULL);
    static final ConfigOption<FullUpdateType> FULL_UPDATE_TYPE = ConfigOption
            .oneOf("capture.mode.full.update.type", FullUpdateType.class).withDefault(FullUpdateType.LOOKUP)
            .withDoc("lookup: the document as the server finds it when the event is read; post_image: as the change "
                    + "left it (the collection needs changeStreamPreAndPostImages)");
    static final ConfigOption<SnapshotMode> SNAPSHOT_MODE = ConfigOption.oneOf("snapshot.mode", SnapshotMode.class)
            .withDefault(SnapshotMode.INITIAL)
            .withUnsupportedValues(List.of("never", "configuration_based", "custom", "recovery"), "the MongoDB "
                    + "source's snapshot modes are initial, when_needed, always, initial_only and no_data");
    static final ConfigOption<Boolean> TOMBSTONES_ON_DELETE = ConfigOption.bool("tombstones.on.delete")
            .withDefault(true);
    static final ConfigOption<Integer> MAX_BATCH_SIZE = ConfigOption.integer("max.batch.size").withDefault(2048)
            .validatedBy(size -> size > 0, "a whole number above 0");
    // Debezium's is 8192: fewer records waiting are fewer promoted to the old generation (README, MongoDB source)
    static final ConfigOption<Integer> MAX_QUEUE_SIZE = ConfigOption.integer("max.queue.size").withDefault(2048)
            .validatedBy(size -> size > 0, "a whole number above 0");
    static final ConfigOption<Long> POLL_INTERVAL_MS = ConfigOption.longInteger("poll.interval.ms").withDefault(500L)
            .validatedBy(ms -> ms > 0, "a whole number of milliseconds above 0")
            .withDoc("how long a poll waits for records when none are there");

    static final ConfigOption<Long> HEARTBEAT_INTERVAL_MS = ConfigOption.longInteger("heartbeat.interval.ms")
            .withDefault(0L).validatedBy(ms -> ms >= 0, "a number of milliseconds, 0 (no heartbeats) or more")
            .withDoc("how often a heartbeat record carries the offset forward while the captured collections are "
                    + "quiet; 0 turns heartbeats off");
    static final ConfigOption<Integer> ERRORS_MAX_RETRIES = ConfigOption.integer("errors.max.retries")
            .withDefault(10).validatedBy(retries -> retries >= -1, "-1 (no limit), 0 or a positive integer")
            .withDoc("How often a lost connection is retried in one outage before the source fails; -1 retries "
                    + "forever.");
    static final ConfigOption<Long> RETRY_DELAY_INITIAL_MS = ConfigOption
            .longInteger("errors.retry.delay.initial.ms").withDefault(300L)
            .validatedBy(delay -> delay > 0, "a positive number of ms").withDoc("First wait before a retry.");
    static final ConfigOption<Long> RETRY_DELAY_MAX_MS = ConfigOption.longInteger("errors.retry.delay.max.ms")
            .withDefault(10_000L).validatedBy(delay -> delay > 0, "a positive number of ms")
            .withDoc("Longest wait between retries; waits double up to it.");

    static final ConfigOption<List<String>> SKIPPED_OPERATIONS = ConfigOption.list("skipped.operations")
            .withDefault(List.of("t")).validatedBy(MongoSourceConfig::validOperations,
                    "c, u and d in a comma-separated list (t is taken: MongoDB has no truncates), or none")
            .withDoc("operations not captured: c (inserts), u (updates and replacements), d (deletes), or none");
    static final ConfigOption<String> USER = ConfigOption.string("mongodb.user")
            .withDoc("a user to authenticate as, when the connection string names none");
    static final ConfigOption<String> PASSWORD = ConfigOption.string("mongodb.password").asSensitive()
            .withDoc("that user's password; never printed");
    static final ConfigOption<String> AUTH_SOURCE = ConfigOption.string("mongodb.authsource").withDefault("admin")
            .withDoc("the database mongodb.user is defined in");
    static final ConfigOption<Boolean> SSL_ENABLED = ConfigOption.bool("mongodb.ssl.enabled").withDefault(false)
            .withDoc("TLS, as tls=true in the connection string");
    static final ConfigOption<Boolean> SSL_INVALID_HOSTNAME_ALLOWED = ConfigOption
            .bool("mongodb.ssl.invalid.hostname.allowed").withDefault(false);
    static final ConfigOption<Long> CONNECT_TIMEOUT_MS = driverMillis("mongodb.connect.timeout.ms", 10_000L);
    static final ConfigOption<Long> SOCKET_TIMEOUT_MS = driverMillis("mongodb.socket.timeout.ms", 0L);
    static final ConfigOption<Long> SERVER_SELECTION_TIMEOUT_MS = driverMillis(
            "mongodb.server.selection.timeout.ms", 30_000L);
    static final ConfigOption<Long> HEARTBEAT_FREQUENCY_MS = driverMillis("mongodb.heartbeat.frequency.ms", 10_000L);
    static final ConfigOption<Long> COLLECTION_POLL_INTERVAL_MS = ConfigOption
            .longInteger("mongodb.poll.interval.ms").withDefault(30_000L)
            .validatedBy(ms -> ms > 0, "a whole number of milliseconds above 0")
            .withDoc("how often the captured collections are listed again while streaming; a collection created "
                    + "meanwhile is streamed from before its creation either way");

    static final ConfigDefinition DEFINITION = new ConfigDefinition(List.of(CONNECTION_STRING, TOPIC_PREFIX,
            DATABASE_INCLUDE_LIST, DATABASE_EXCLUDE_LIST, COLLECTION_INCLUDE_LIST, COLLECTION_EXCLUDE_LIST,
            FIELD_EXCLUDE_LIST, FIELD_RENAMES, CAPTURE_MODE, FULL_UPDATE_TYPE, SNAPSHOT_MODE, TOMBSTONES_ON_DELETE,
            MAX_BATCH_SIZE, MAX_QUEUE_SIZE, POLL_INTERVAL_MS, HEARTBEAT_INTERVAL_MS, ERRORS_MAX_RETRIES,
            RETRY_DELAY_INITIAL_MS, RETRY_DELAY_MAX_MS, SKIPPED_OPERATIONS, USER, PASSWORD, AUTH_SOURCE, SSL_ENABLED,
            SSL_INVALID_HOSTNAME_ALLOWED, CONNECT_TIMEOUT_MS, SOCKET_TIMEOUT_MS, SERVER_SELECTION_TIMEOUT_MS,
            HEARTBEAT_FREQUENCY_MS, COLLECTION_POLL_INTERVAL_MS), Set.of())
            .withUndeclaredKeys(UndeclaredKeys.reject("Tributary's MongoDB source (it takes the options of "
                    + "Debezium's MongoDB connector it honours, listed in the README)").exceptConnectKeys());

    /** Databases never captured: the server's own. */
    private static final Set<String> SYSTEM_DATABASES = Set.of("admin", "config", "local");

    static MongoSourceConfig parse(Map<String, String> raw) {
        return parse(raw, Set.of());
    }

    static MongoSourceConfig parse(Map<String, String> raw, Set<String> neighbourKeys) {
        ParsedConfig parsed = DEFINITION.withNeighbourKeys(neighbourKeys).parse(raw);
        MongoClientOptions client = new MongoClientOptions(parsed.get(CONNECTION_STRING).strip(),
                blankAsNull(parsed.find(USER)), blankAsNull(parsed.find(PASSWORD)), parsed.get(AUTH_SOURCE).strip(),
                parsed.get(SSL_ENABLED), parsed.get(SSL_INVALID_HOSTNAME_ALLOWED), parsed.get(CONNECT_TIMEOUT_MS),
                parsed.get(SOCKET_TIMEOUT_MS), parsed.get(SERVER_SELECTION_TIMEOUT_MS),
                parsed.get(HEARTBEAT_FREQUENCY_MS));
        Set<String> skipped = new java.util.TreeSet<>(parsed.get(SKIPPED_OPERATIONS).stream().map(String::strip)
                .toList());
        skipped.removeAll(Set.of("t", "none"));
        return new MongoSourceConfig(client, parsed.get(TOPIC_PREFIX).strip(),
                patterns(parsed.get(DATABASE_INCLUDE_LIST)), patterns(parsed.get(DATABASE_EXCLUDE_LIST)),
                patterns(parsed.get(COLLECTION_INCLUDE_LIST)), patterns(parsed.get(COLLECTION_EXCLUDE_LIST)),
                FieldFilter.of(parsed.get(FIELD_EXCLUDE_LIST), parsed.get(FIELD_RENAMES)), parsed.get(CAPTURE_MODE),
                parsed.get(FULL_UPDATE_TYPE), parsed.get(SNAPSHOT_MODE),
                parsed.get(TOMBSTONES_ON_DELETE), parsed.get(MAX_BATCH_SIZE), parsed.get(MAX_QUEUE_SIZE),
                parsed.get(POLL_INTERVAL_MS), parsed.get(HEARTBEAT_INTERVAL_MS),
                new Retry(parsed.get(ERRORS_MAX_RETRIES), parsed.get(RETRY_DELAY_INITIAL_MS),
                        parsed.get(RETRY_DELAY_MAX_MS)), Set.copyOf(skipped), parsed.get(COLLECTION_POLL_INTERVAL_MS));
    }

    private static String blankAsNull(java.util.Optional<String> value) {
        return value.filter(given -> !given.isBlank()).orElse(null);
    }

    private static ConfigOption<Long> driverMillis(String key, long driversDefault) {
        return ConfigOption.longInteger(key).withDefault(driversDefault)
                .validatedBy(ms -> ms >= 0, "a whole number of milliseconds, 0 or more")
                .withDoc("the driver's setting of that name, unless the connection string sets it");
    }

    /** Debezium's skipped.operations: none alone, or any of c, u, d and t. */
    private static boolean validOperations(List<String> operations) {
        List<String> stripped = operations.stream().map(String::strip).toList();
        return stripped.equals(List.of("none")) || !stripped.isEmpty()
                && Set.of("c", "u", "d", "t").containsAll(stripped);
    }

    /** Whether changes of this type are left out ({@code skipped.operations}). */
    boolean skips(com.mongodb.client.model.changestream.OperationType type) {
        return switch (type) {
            case INSERT -> skippedOperations.contains("c");
            case UPDATE, REPLACE -> skippedOperations.contains("u");
            case DELETE -> skippedOperations.contains("d");
            default -> false;
        };
    }

    static List<ConfigProblem> validate(Map<String, String> raw, Set<String> neighbourKeys) {
        try {
            parse(raw, neighbourKeys);
            return List.of();
        } catch (ConfigException e) {
            return e.problems();
        }
    }

    /** A comma-separated list of regular expressions, each checked when the configuration is. */
    private static ConfigOption<List<String>> regexes(String key) {
        return ConfigOption.list(key).validatedBy(expressions -> expressions.stream().allMatch(expression -> {
            try {
                Pattern.compile(expression);
                return true;
            } catch (PatternSyntaxException e) {
                return false;
            }
        }), "a comma-separated list of regular expressions");
    }

    /** A comma-separated list of field paths, every entry of {@code format} (as Debezium checks them). */
    private static ConfigOption<String> fieldPaths(String key, Pattern format, String expected) {
        return ConfigOption.string(key).withDefault("")
                .validatedBy(value -> FieldFilter.invalid(value, format).isEmpty(), expected);
    }

    private static List<Pattern> patterns(List<String> expressions) {
        return expressions.stream().map(Pattern::compile).toList();
    }

    /** Whether the database's collections may be captured. */
    boolean capturesDatabase(String database) {
        return !SYSTEM_DATABASES.contains(database) && matchesAny(databases, database, true)
                && !matchesAny(excludedDatabases, database, false);
    }

    /** Whether {@code <database>.<collection>} is captured. */
    boolean captures(String database, String collection) {
        String name = database + "." + collection;
        return capturesDatabase(database) && !collection.startsWith("system.")
                && matchesAny(collections, name, true) && !matchesAny(excludedCollections, name, false);
    }

    private static boolean matchesAny(List<Pattern> patterns, String name, boolean whenNone) {
        return patterns.isEmpty() ? whenNone : patterns.stream().anyMatch(pattern -> pattern.matcher(name).matches());
    }

    @Override
    public String toString() {
        return "MongoSourceConfig[topic.prefix=" + topicPrefix + ", capture.mode=" + captureMode + ", snapshot.mode="
                + snapshotMode + "]";
    }
}
