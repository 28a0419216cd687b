package io.tributary.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.tributary.testkit.TestingBinlogServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every column type of the catalogue ({@code types.sql}, then the server's own types in {@code types-<server>.sql}),
 * snapshotted and then changed by inserts, updates and deletes ({@code types-changes.sql} and
 * {@code types-changes-<server>.sql}), captured by Debezium and by Tributary from one server: the events must be the
 * same, in the same order; so must they under each option that changes how events look. {@link
 * MariaDbTypeCatalogDifferentialIT} runs it on MariaDB with Debezium 3.5, {@code MySqlTypeCatalogDifferentialIT} in
 * compat-mysql on MySQL with Debezium 3.6.
 */
abstract class TypeCatalogDifferentialIT {
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    abstract TestServer server();

    /** Events of the server's own catalogue tables, snapshot and changes, beyond those of the shared tables. */
    abstract int ownCatalogueEvents();

    @ParameterizedTest(name = "schemas.enable={0}")
    @ValueSource(booleans = {true, false})
    void typeCatalogueEventsEqualDebeziums(boolean schemas) throws Exception {
        int events = compareUntilQuiet("type-catalogue-schemas-" + schemas, schemas,
                Map.of("database.include.list", "catalog", "include.schema.changes", "false"));

        assertThat(events).isEqualTo(catalogueEvents());
    }

    /**
     * {@code time.precision.mode}: DATE, TIME(0-6), DATETIME(0-6), TIMESTAMP and YEAR values, keys and defaults of
     * the catalogue — zero and partly zero dates, dates before 1970 and 1582 and after 2262, TIME from -838:59:59 to
     * 838:59:59 and 24:00:00 (null in connect and isostring beyond a day or below zero), fractions of every length —
     * snapshotted and streamed, written in each mode Debezium's binlog connectors accept; every event arrives.
     */
    @ParameterizedTest(name = "time.precision.mode={0} (schemas.enable={1})")
    @CsvSource({"connect, true", "connect, false", "isostring, true", "microseconds, false", "nanoseconds, true"})
    void timePrecisionModesEqualDebeziums(String mode, boolean schemas) throws Exception {
        int events = compareUntilQuiet("time-precision-" + mode + "-schemas-" + schemas, schemas,
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
        try (TestingBinlogServer database = server().startPermissive()) {
            server().runScripts(database, "types");
            Map<String, String> config = Map.of("database.include.list", "catalog", "include.schema.changes", "true");
            DifferentialRun run = DifferentialRun.start(database, "ddl-schemas-" + schemas, schemas, config);
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

    /**
     * Options that change how events look: each variant (one or more {@code key=value}, separated by {@code ;}) is
     * captured by both and compared, with or without schemas.
     */
    @ParameterizedTest(name = "{0} (schemas.enable={1})")
    @MethodSource("optionVariants")
    void optionVariantsEqualDebeziums(String variant, boolean schemas) throws Exception {
        Map<String, String> config = new java.util.HashMap<>(Map.of("database.include.list", "catalog",
                "include.schema.changes", "false"));
        for (String option : variant.split(";")) {
            String[] keyValue = option.split("=", 2);
            config.put(keyValue[0].trim(), keyValue[1].trim());
        }
        compareUntilQuiet("option-" + Integer.toHexString(variant.hashCode()) + "-schemas-" + schemas, schemas, config,
                "TRUNCATE TABLE catalog.keyless");
    }

    static Stream<Arguments> optionVariants() {
        return Stream.of(
                Arguments.of("decimal.handling.mode=string", true),
                Arguments.of("decimal.handling.mode=double", true),
                Arguments.of("bigint.unsigned.handling.mode=precise", true),
                // BINARY(n) (padded), VARBINARY, the BLOBs, binary keys and defaults as text
                Arguments.of("binary.handling.mode=base64", true),
                Arguments.of("binary.handling.mode=base64-url-safe", false),
                Arguments.of("binary.handling.mode=hex", true),
                // Kafka Connect's temporal types with the two-digit-year adjuster off (the modes themselves: see
                // timePrecisionModesEqualDebeziums)
                Arguments.of("time.precision.mode=connect;enable.time.adjuster=false", true),
                Arguments.of("tombstones.on.delete=false", true),
                Arguments.of("column.exclude.list=catalog\\.types\\.c_(text|json|blob),catalog\\.defaults\\.note", true),
                Arguments.of("table.include.list=catalog\\.(types|composite)", true),
                Arguments.of("skipped.operations=none", true),
                Arguments.of("skipped.operations=u,d", true),
                // character columns (an ENUM and a primary-key column too) masked, null included; an INT only marked
                Arguments.of(MASK, true),
                Arguments.of(MASK, false),
                // the hex digest cut to CHAR(5), VARCHAR(32), VARCHAR(10), SET and CHAR(2) lengths; whole for TEXT
                Arguments.of("column.mask.hash.SHA-256.with.salt.pepper=catalog\\.types\\.c_(char|varchar|text|latin1|set),"
                        + "catalog\\.composite\\.region", true),
                Arguments.of("column.mask.hash.v2.MD5.with.salt.s.a.l.t=catalog\\.types\\.c_(varchar|enum|json|int)", false),
                // every type: which columns may hold longer values (truncateLength), and which values are cut
                Arguments.of("column.truncate.to.3.chars=catalog\\..*", true),
                // one mapper per column, Debezium's precedence: truncation before masking before hashing
                Arguments.of("column.truncate.to.2.chars=catalog\\.types\\.c_varchar;"
                        + "column.mask.with.4.chars=catalog\\.types\\.c_(varchar|text|char);"
                        + "column.mask.hash.SHA-512.with.salt.x=catalog\\.types\\.c_(char|latin1)", true),
                // the columns kept (key columns kept too: see keyColumnsLeftOutOfTheValueStayInTheKey)
                Arguments.of("column.include.list=catalog\\.types\\.(id|c_int|c_text),catalog\\.composite\\.(region|seq),"
                        + "catalog\\.keyless\\.name,catalog\\.defaults\\..*", true),
                Arguments.of("column.propagate.source.type=catalog\\.(types|defaults)\\..*", true),
                Arguments.of("datatype.propagate.source.type=.+\\.(VARCHAR|DECIMAL|INT UNSIGNED|ENUM|DATETIME)", true),
                // TINYINT(1) (BOOLEAN) as boolean; then every TINYINT named, signed and unsigned, with a default
                Arguments.of("converters=boolean;boolean.type=" + TINY_INT_TO_BOOLEAN, true),
                Arguments.of("converters=boolean;boolean.type=" + TINY_INT_TO_BOOLEAN + ";boolean.length.checker=false;"
                        + "boolean.selector=catalog\\.types\\.c_tinyint.*,catalog\\.defaults\\.small", true),
                // the failure modes Tributary supports, given explicitly
                Arguments.of("event.processing.failure.handling.mode=fail;inconsistent.schema.handling.mode=fail;"
                        + "event.deserialization.failure.handling.mode=fail", true));
    }

    private static final String TINY_INT_TO_BOOLEAN =
            "io.debezium.connector.binlog.converters.TinyIntOneToBooleanConverter";

    private static final String MASK = "column.mask.with.5.chars=catalog\\.types\\.(c_char|c_varchar|c_text|c_enum|c_int),"
            + "catalog\\.defaults\\.label,catalog\\.composite\\.region";

    /** snapshot.mode=no_data: the schema described, no rows read, then streaming. */
    @Test
    void noDataSnapshotEqualsDebeziums() throws Exception {
        compareUntilQuiet("snapshot-mode-no-data", true, Map.of("database.include.list", "catalog",
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
        DifferentialRun run = captureUntilQuiet("include-query", true, config, rowStatementsLogged());
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
        DifferentialRun run = captureUntilQuiet("builtin-" + ignoreBuiltin, true, config,
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
            DifferentialRun run = DifferentialRun.start(database, "heartbeats", true, config);
            try (run) {
                run.debezium().awaitEvents(topic, 1, TIMEOUT);
                run.tributary().awaitEvents(topic, 1, TIMEOUT);
            }
            EventLog debeziumHeartbeats = run.debeziumLog().onlyTopic(topic).firstOnly();
            EventLog tributaryHeartbeats = run.tributaryLog().onlyTopic(topic).firstOnly();
            DifferentialReport.compare(debeziumHeartbeats, tributaryHeartbeats);
        }
    }

    /** Snapshot, then the changes script; compares everything each connector wrote once Debezium went quiet. */
    int compareUntilQuiet(String name, boolean schemas, Map<String, String> config,
            String... moreStatements) throws Exception {
        DifferentialRun run = captureUntilQuiet(name, schemas, config, List.of(), moreStatements);
        run.compare();
        return run.debeziumLog().size();
    }

    /**
     * The catalogue, then {@code setup}, snapshotted; then the changes script and {@code moreStatements}, captured
     * until Debezium went quiet and Tributary wrote as many events. Returns the closed run, not yet compared.
     */
    DifferentialRun captureUntilQuiet(String name, boolean schemas, Map<String, String> config,
            List<String> setup, String... moreStatements) throws Exception {
        try (TestingBinlogServer database = server().startPermissive()) {
            server().runScripts(database, "types");
            database.execute(setup.toArray(String[]::new));
            DifferentialRun run = DifferentialRun.start(database, name, schemas, config);
            try (run) {
                run.awaitAlike(TIMEOUT);
                server().runScripts(database, "types-changes");
                database.execute(moreStatements);
                run.awaitAlike(TIMEOUT);
            }
            return run;
        }
    }
}
