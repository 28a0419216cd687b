package io.tributary.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.tributary.testkit.TestingMariaDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every column type of the catalogue, snapshotted and then changed by inserts, updates and deletes, captured by
 * Debezium 3.5 and by Tributary from one MariaDB: the events must be the same, in the same order.
 */
class TypeCatalogDifferentialIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @ParameterizedTest(name = "schemas.enable={0}")
    @ValueSource(booleans = {true, false})
    void typeCatalogueEventsEqualDebeziums(boolean schemas) throws Exception {
        int events = compareUntilQuiet("type-catalogue-schemas-" + schemas, schemas,
                Map.of("database.include.list", "catalog", "include.schema.changes", "false"));

        // the snapshot's 11 reads, then types: an update; a delete + tombstone; an insert; a key change as
        // delete + tombstone + create (7); keyless: 2 updates, 1 delete + 1 null-key tombstone (4); defaults:
        // 3 inserts, 1 delete + tombstone (5); composite: 2 key changes (6) and 1 insert (1); types: 3 inserts (3)
        assertThat(events).isEqualTo(11 + 7 + 4 + 5 + 7 + 3);
    }

    @ParameterizedTest(name = "schemas.enable={0}")
    @ValueSource(booleans = {true, false})
    void transactionMetadataEqualsDebeziums(boolean schemas) throws Exception {
        compareUntilQuiet("transactions-schemas-" + schemas, schemas, Map.of("database.include.list", "catalog",
                "include.schema.changes", "false", "provide.transaction.metadata", "true"));
    }

    @ParameterizedTest(name = "schemas.enable={0}")
    @ValueSource(booleans = {true, false})
    void schemaChangesEqualDebeziums(boolean schemas) throws Exception {
        compareUntilQuiet("schema-changes-schemas-" + schemas, schemas, Map.of("database.include.list", "catalog",
                "include.schema.changes", "true"));
    }

    @ParameterizedTest(name = "schemas.enable={0}")
    @ValueSource(booleans = {true, false})
    void ddlWhileStreamingEqualsDebeziums(boolean schemas) throws Exception {
        try (TestingMariaDb mariaDb = TestingMariaDb.create()) {
            mariaDb.runScript(SqlScripts.read("types.sql"));
            Map<String, String> config = Map.of("database.include.list", "catalog", "include.schema.changes", "true");
            DifferentialRun run = DifferentialRun.start(mariaDb, "ddl-schemas-" + schemas, schemas, config);
            try (run) {
                DebeziumCapture debezium = run.debezium();
                TributaryCapture tributary = run.tributary();
                tributary.awaitEvents(debezium.awaitQuiet(Duration.ofSeconds(3), TIMEOUT), TIMEOUT);
                // one statement at a time: table definitions are read after each DDL statement, not parsed from it;
                // each adds one event (a TRUNCATE none: skipped.operations=t by default)
                Map<String, Integer> statements = new java.util.LinkedHashMap<>();
                statements.put("CREATE TABLE catalog.added (id INT PRIMARY KEY, v VARCHAR(10) DEFAULT 'n')", 1);
                statements.put("INSERT INTO catalog.added VALUES (1, 'a')", 1);
                statements.put("ALTER TABLE catalog.added ADD COLUMN extra INT NOT NULL DEFAULT 5", 1);
                statements.put("INSERT INTO catalog.added VALUES (2, 'b', 7)", 1);
                statements.put("CREATE INDEX ix_v ON catalog.added (v)", 1);
                statements.put("TRUNCATE TABLE catalog.keyless", 0);
                statements.put("DROP TABLE catalog.added", 1);
                statements.put("CREATE DATABASE outside", 1);
                statements.put("CREATE TABLE outside.t (id INT PRIMARY KEY)", 1);
                int expected = debezium.awaitQuiet(Duration.ofSeconds(3), TIMEOUT);
                tributary.awaitEvents(expected, TIMEOUT);
                for (Map.Entry<String, Integer> statement : statements.entrySet()) {
                    mariaDb.execute(statement.getKey());
                    expected += statement.getValue();
                    debezium.awaitEvents(expected, TIMEOUT);
                    tributary.awaitEvents(expected, TIMEOUT);
                }
            }
            run.compare();
        }
    }

    /** Options that change how events look: each variant is captured by both and compared. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "decimal.handling.mode=string",
        "decimal.handling.mode=double",
        "bigint.unsigned.handling.mode=precise",
        "tombstones.on.delete=false",
        "column.exclude.list=catalog\\.types\\.c_(text|json|blob),catalog\\.defaults\\.note",
        "table.include.list=catalog\\.(types|composite)",
        "skipped.operations=none",
        "skipped.operations=u,d"})
    void optionVariantsEqualDebeziums(String option) throws Exception {
        String[] keyValue = option.split("=", 2);
        Map<String, String> config = Map.of("database.include.list", "catalog", "include.schema.changes", "false",
                keyValue[0], keyValue[1]);
        compareUntilQuiet("option-" + keyValue[0] + "-" + Integer.toHexString(option.hashCode()), true, config,
                "TRUNCATE TABLE catalog.keyless");
    }

    /**
     * Without a data snapshot: never reads the whole binlog from its start, no_data describes the schema and then
     * streams. With never, Debezium learns each table from its CREATE TABLE text and so types a column declared
     * BOOLEAN as boolean and one declared JSON as io.debezium.data.Json, unlike what it writes after a snapshot;
     * Tributary has no DDL parser and always writes the latter (a documented difference), so the never case
     * compares the tables without such columns, and data events only.
     */
    @ParameterizedTest(name = "snapshot.mode={0}")
    @CsvSource({"never, false, catalog\\.(defaults|keyless|composite)", "no_data, true, catalog\\..*"})
    void snapshotModesWithoutDataEqualDebeziums(String mode, boolean schemaChanges, String tables) throws Exception {
        compareUntilQuiet("snapshot-mode-" + mode, true, Map.of("database.include.list", "catalog",
                "include.schema.changes", String.valueOf(schemaChanges), "snapshot.mode", mode,
                "table.include.list", tables));
    }

    /** Snapshot, then the changes script; compares everything each connector wrote once Debezium went quiet. */
    private static int compareUntilQuiet(String name, boolean schemas, Map<String, String> config,
            String... moreStatements) throws Exception {
        try (TestingMariaDb mariaDb = TestingMariaDb.create()) {
            mariaDb.runScript(SqlScripts.read("types.sql"));
            int expected;
            DifferentialRun run = DifferentialRun.start(mariaDb, name, schemas, config);
            try (run) {
                DebeziumCapture debezium = run.debezium();
                TributaryCapture tributary = run.tributary();
                tributary.awaitEvents(debezium.awaitQuiet(Duration.ofSeconds(3), TIMEOUT), TIMEOUT);

                mariaDb.runScript(SqlScripts.read("types-changes.sql"));
                mariaDb.execute(moreStatements);
                expected = debezium.awaitQuiet(Duration.ofSeconds(3), TIMEOUT);
                tributary.awaitEvents(expected, TIMEOUT);
            }
            run.compare();
            return expected;
        }
    }

    @Test
    void heartbeatsLookLikeDebeziums() throws Exception {
        try (TestingMariaDb mariaDb = TestingMariaDb.create()) {
            mariaDb.runScript(SqlScripts.read("types.sql"));
            Map<String, String> config = Map.of("database.include.list", "catalog", "include.schema.changes", "false",
                    "heartbeat.interval.ms", "200");
            String topic = "__debezium-heartbeat.diff";
            DifferentialRun run = DifferentialRun.start(mariaDb, "heartbeats", true, config);
            try (run) {
                run.debezium().awaitEvents(topic, 1, TIMEOUT);
                run.tributary().awaitEvents(topic, 1, TIMEOUT);
            }
            EventLog debeziumHeartbeats = run.debeziumLog().onlyTopic(topic).firstOnly();
            EventLog tributaryHeartbeats = run.tributaryLog().onlyTopic(topic).firstOnly();
            DifferentialReport.compare(debeziumHeartbeats, tributaryHeartbeats);
        }
    }
}
