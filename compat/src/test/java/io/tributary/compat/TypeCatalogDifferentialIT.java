package io.tributary.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.tributary.testkit.TestingBinlogServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every column type of the catalogue ({@code types.sql}, then the server's own types in {@code types-<server>.sql}),
 * snapshotted and then changed by inserts, updates and deletes ({@code types-changes.sql} and
 * {@code types-changes-<server>.sql}), captured by Debezium and by Tributary from one server: the events must be the
 * same, in the same order; so must they under the options of time precision, transaction metadata, schema changes,
 * include.query, built-in tables and heartbeats ({@link TypeCatalogOptionsDifferentialIT} has the options that change
 * how values look). {@link MariaDbTypeCatalogDifferentialIT} runs it on MariaDB with Debezium 3.5,
 * {@code MySqlTypeCatalogDifferentialIT} in compat-mysql on MySQL with Debezium 3.6.
 */
abstract class TypeCatalogDifferentialIT extends CatalogueRuns {
    /** Events of the server's own catalogue tables, snapshot and changes, beyond those of the shared tables. */
    abstract int ownCatalogueEvents();

    @Test
    void typeCatalogueEventsEqualDebeziums() throws Exception {
        int events = compareUntilQuiet("type-catalogue",
                Map.of("database.include.list", "catalog", "include.schema.changes", "false"));

        assertThat(events).isEqualTo(catalogueEvents());
    }

    /**
     * {@code time.precision.mode}: DATE, TIME(0-6), DATETIME(0-6), TIMESTAMP and YEAR values, keys and defaults of
     * the catalogue — zero and partly zero dates, dates before 1970 and 1582 and after 2262, TIME from -838:59:59 to
     * 838:59:59 and 24:00:00 (null in connect and isostring beyond a day or below zero), fractions of every length —
     * snapshotted and streamed, written in each mode Debezium's binlog connectors accept; every event arrives.
     */
    @ParameterizedTest(name = "time.precision.mode={0}")
    @ValueSource(strings = {"connect", "isostring", "microseconds", "nanoseconds"})
    void timePrecisionModesEqualDebeziums(String mode) throws Exception {
        int events = compareUntilQuiet("time-precision-" + mode,
                Map.of("database.include.list", "catalog", "include.schema.changes", "false",
                        "time.precision.mode", mode));

        assertThat(events).isEqualTo(catalogueEvents());
    }

    /**
     * The events of the catalogue: the snapshot's 11 reads, then types: an update; a delete + tombstone; an insert;
     * a key change as delete + tombstone + create (7); keyless: 2 updates, 1 delete + 1 null-key tombstone (4);
     * defaults: 3 inserts, 1 delete + tombstone (5); composite: 2 key changes (6) and 1 insert (1); types: 3 inserts
     * (3); and the server's own.
     */
    private int catalogueEvents() {
        return 11 + 7 + 4 + 5 + 7 + 3 + ownCatalogueEvents();
    }

    @Test
    void transactionMetadataEqualsDebeziums() throws Exception {
        compareUntilQuiet("transactions", Map.of("database.include.list", "catalog",
                "include.schema.changes", "false", "provide.transaction.metadata", "true"));
    }

    @Test
    void schemaChangesEqualDebeziums() throws Exception {
        compareUntilQuiet("schema-changes", Map.of("database.include.list", "catalog",
                "include.schema.changes", "true"));
    }

    @Test
    void ddlWhileStreamingEqualsDebeziums() throws Exception {
        try (TestingBinlogServer database = server().startPermissive()) {
            server().runScripts(database, "types");
            Map<String, String> config = Map.of("database.include.list", "catalog", "include.schema.changes", "true");
            DifferentialRun run = DifferentialRun.start(database, "ddl", config);
            try (run) {
                DebeziumCapture debezium = run.debezium();
                TributaryCapture tributary = run.tributary();
                int expected = run.awaitBothQuiet(TIMEOUT);
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
                for (Map.Entry<String, Integer> statement : statements.entrySet()) {
                    database.execute(statement.getKey());
                    expected += statement.getValue();
                    debezium.awaitEvents(expected, TIMEOUT);
                    tributary.awaitEvents(expected, TIMEOUT);
                }
            }
            run.compare();
        }
    }

    /** snapshot.mode=no_data: the schema described, no rows read, then streaming. */
    @Test
    void noDataSnapshotEqualsDebeziums() throws Exception {
        compareUntilQuiet("snapshot-mode-no-data", Map.of("database.include.list", "catalog",
                "include.schema.changes", "true", "snapshot.mode", "no_data"));
    }

    /**
     * The statements that make the server log each row change's statement, which {@code include.query} needs
     * (MariaDB's {@code binlog_annotate_row_events} is on by default).
     */
    List<String> rowStatementsLogged() {
        return List.of();
    }

    /** {@code include.query=true}: row events carry the statement that made them, as Debezium's do. */
    @Test
    void rowEventsCarryTheirStatementWithIncludeQuery() throws Exception {
        Map<String, String> config = Map.of("database.include.list", "catalog", "include.schema.changes", "false",
                "include.query", "true");
        DifferentialRun run = captureUntilQuiet("include-query", config, rowStatementsLogged());
        List<String> tributary = java.nio.file.Files.readAllLines(run.tributaryLog().file(), StandardCharsets.UTF_8);

        assertThat(tributary).anyMatch(line -> line.contains("\"query\":\"UPDATE catalog.types SET c_int = 5"))
                .anyMatch(line -> line.contains("\"op\":\"r\"") && line.contains("\"query\":null"));
        run.compare();
    }

    /**
     * {@code table.ignore.builtin=false}: a table of the server's own {@code mysql} database is captured when the
     * include lists name it, in the snapshot and while streaming; with the default it is left out whatever they say.
     */
    @ParameterizedTest(name = "table.ignore.builtin={0}")
    @ValueSource(booleans = {false, true})
    void builtInDatabasesAreCapturedOnlyWhenNotIgnored(boolean ignoreBuiltin) throws Exception {
        Map<String, String> config = Map.of("database.include.list", "catalog,mysql", "include.schema.changes", "false",
                "table.include.list", "catalog\\.composite,mysql\\.tributary_probe",
                "table.ignore.builtin", String.valueOf(ignoreBuiltin));
        DifferentialRun run = captureUntilQuiet("builtin-" + ignoreBuiltin, config,
                List.of("CREATE TABLE mysql.tributary_probe (id INT PRIMARY KEY, note VARCHAR(20))",
                        "INSERT INTO mysql.tributary_probe VALUES (1, 'snapshot')"),
                "INSERT INTO mysql.tributary_probe VALUES (2, 'streaming')", "DELETE FROM mysql.tributary_probe");

        int probeEvents = run.tributaryLog().size("diff.mysql.tributary_probe");
        run.compare();
        // read 1, create 2, delete 1 + tombstone and delete 2 + tombstone
        assertThat(probeEvents).isEqualTo(ignoreBuiltin ? 0 : 6);
    }

    @Test
    void heartbeatsLookLikeDebeziums() throws Exception {
        try (TestingBinlogServer database = server().startPermissive()) {
            server().runScripts(database, "types");
            Map<String, String> config = Map.of("database.include.list", "catalog", "include.schema.changes", "false",
                    "heartbeat.interval.ms", "200");
            String topic = "__debezium-heartbeat.diff";
            DifferentialRun run = DifferentialRun.start(database, "heartbeats", config);
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
