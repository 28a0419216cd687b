package io.tributary.compat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.tributary.testkit.TestingBinlogServer;
import org.junit.jupiter.api.Test;

/**
 * Tables without a primary key but with UNIQUE keys — single and composite keys, a nullable key skipped for a later
 * NOT NULL one, a table whose only unique key is nullable (no key), prefix and hash (long) unique keys, a primary key
 * next to a unique key — snapshotted, changed (inserts, updates, key changes, deletes), created while streaming, and
 * given a key by {@code CREATE UNIQUE INDEX} while streaming; and {@code message.key.columns} on a key-less table,
 * on a table with a primary key and on a unique-keyed table. Debezium and Tributary capture them with schema
 * changes on: the events, their keys and {@code primaryKeyColumnNames} must be the same, in the same order. Keys
 * only one server has (MariaDB's long hash keys, MySQL's functional keys and invisible primary keys) are in
 * {@code unique-keys-<server>.sql}; a subclass per server runs the suite.
 */
abstract class UniqueKeysDifferentialIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    abstract TestServer server();

    /** The events of the server's own tables per topic, and of the schema-change topic {@code diff}. */
    abstract Map<String, Integer> ownExpectedEvents();

    private static final String MESSAGE_KEY_COLUMNS = "ukeys.keyless:y,x;ukeys.with_pk:code;ukeys\\.uk_comp.*:v";

    @Test
    void uniqueKeysAreMessageKeysAsInDebezium() throws Exception {
        compare("unique-keys", Map.of(), expectedEvents(Map.of()));
    }

    @Test
    void messageKeyColumnsReplaceTheKeyAsInDebezium() throws Exception {
        // the configured key changes when y (keyless), code (with_pk) or v (uk_composite) changes
        compare("message-key-columns",
                Map.of("message.key.columns", MESSAGE_KEY_COLUMNS),
                expectedEvents(Map.of("diff.ukeys.keyless", 9, "diff.ukeys.with_pk", 6, "diff.ukeys.uk_composite", 7)));
    }

    /**
     * The events per topic of the workload: the snapshot's rows, then one per insert and update, three per key
     * change (delete, tombstone, create), two per delete (delete, tombstone — a null-keyed one too).
     */
    private Map<String, Integer> expectedEvents(Map<String, Integer> overrides) {
        Map<String, Integer> events = new HashMap<>();
        events.put("diff.ukeys.uk_single", 3 + 1 + 1 + 3 + 2);
        events.put("diff.ukeys.uk_composite", 3 + 1 + 3 + 2);
        events.put("diff.ukeys.uk_skip_nullable", 3 + 1 + 1 + 3 + 2);
        events.put("diff.ukeys.uk_only_nullable", 3 + 1 + 1 + 2);
        events.put("diff.ukeys.uk_prefix_then_full", 3 + 3 + 1);
        events.put("diff.ukeys.uk_prefix", 2 + 3 + 2);
        events.put("diff.ukeys.with_pk", 2 + 1 + 3);
        events.put("diff.ukeys.keyless", 3 + 1 + 2 + 1);
        events.put("diff.ukeys.created_uk", 2 + 3 + 2);
        events.put("diff.ukeys.created_composite", 2 + 3 + 1);
        events.put("diff.ukeys.created_late_key", 2 + 1 + 3 + 2);
        events.putAll(ownExpectedEvents());
        events.putAll(overrides);
        return events;
    }

    private void compare(String name, Map<String, String> options,
            Map<String, Integer> expectedEvents) throws Exception {
        try (TestingBinlogServer database = server().start()) {
            server().runScripts(database, "unique-keys");
            Map<String, String> config = new HashMap<>(options);
            config.putAll(Map.of("database.include.list", "ukeys", "include.schema.changes", "true"));
            DifferentialRun run = DifferentialRun.start(database, name, config);
            try (run) {
                run.awaitBothQuiet(TIMEOUT);
                server().runScripts(database, "unique-keys-changes");
                int events = run.awaitBothQuiet(TIMEOUT);
                // only once both described the new table: the index gives it its key
                database.execute("CREATE UNIQUE INDEX ua ON ukeys.created_late_key (a)");
                run.awaitBoth(events + 1, TIMEOUT);
                database.runScript(SqlScripts.read("unique-keys-late-key.sql"));
                run.awaitBothQuiet(TIMEOUT);
                run.assertEventsPerTopic(expectedEvents);
            }
            run.compare();
        }
    }
}
