package io.tributary.compat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.tributary.testkit.TestingBinlogServer;
import org.junit.jupiter.api.Test;

/**
 * Schema-change events when capture is behind: a burst of DDL ({@code ddl-burst.sql}: a table created, then altered
 * again and again with a row after each statement; another altered without rows; CREATE INDEX, RENAME COLUMN, MODIFY,
 * CHANGE, DROP COLUMN, defaults set and dropped, keys added; tables created with defaults and rows and then dropped,
 * renamed twice or created with type aliases and dropped, so that the server no longer has them when they are read;
 * a table created, filled and dropped while its database's character set was another, latin1, than it is later; rows
 * written under a default that a later statement dropped; rows between statements that add and drop a CHECK
 * constraint, set table options and comments, and FORCE a rebuild; a primary key replaced by another; a table created LIKE another, then given a foreign key; two tables swapped by one RENAME TABLE; a latin1 table converted to utf8mb4, then a column renamed; expression defaults, which
 * Debezium's parser reads as none; gh-ost's statements, a comment between their words, a Rails boolean default,
 * Laravel's quoted collation, and a DROP TABLE of an unqualified name under USE; a table created naming no character
 * set and converted to another later, and one created while an ALTER DATABASE (on MariaDB naming none) gave the
 * database another)
 * all runs before either capture starts, and both read it
 * from the start of the binlog ({@code snapshot.mode=never}), long after it ran. Each event must describe its table
 * right after its statement, as Debezium's do, not as the server shows it at the end of the burst.
 * {@code MariaDbLaggingDdlDifferentialIT} runs it on MariaDB with Debezium 3.5, {@code MySqlLaggingDdlDifferentialIT}
 * in compat-mysql on MySQL with Debezium 3.6.
 */
abstract class LaggingDdlDifferentialIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    abstract TestServer server();

    /** Events on the schema-change topic: those of the burst, and of whatever else the server's binlog holds. */
    abstract int schemaChangeEvents();

    /**
     * How this server's Debezium is told to stream from the start of the binlog without a snapshot, what Tributary
     * calls {@code snapshot.mode=never}.
     */
    abstract Map<String, String> debeziumFromTheBinlogsStart();

    @Test
    void schemaChangesReadLongAfterTheBurstEqualDebeziums() throws Exception {
        DifferentialRun run = readLongAfter("ddl-burst", "lagging-ddl",
                Map.of("database.include.list", "burst", "include.schema.changes", "true"));
        // the eight rows of items; shapes and keyless have none
        run.assertEventsPerTopic(Map.ofEntries(Map.entry("diff.burst.items", 8), Map.entry("diff.burst.accents", 1),
                Map.entry("diff.burst.defaults", 2), Map.entry("diff.burst.options", 4),
                Map.entry("diff.burst.rekeyed", 3), Map.entry("diff.burst.template", 3),
                Map.entry("diff.burst.copied", 3), Map.entry("diff.burst.sw1", 2), Map.entry("diff.burst.sw2", 1),
                Map.entry("diff.burst.converted", 3), Map.entry("diff.burst.exprs", 2),
                Map.entry("diff.burst.gh_a", 3), Map.entry("diff.burst.later_converted", 2),
                Map.entry("diff.burst.under_latin1", 1), Map.entry("diff.burst.collated", 2),
                Map.entry("diff.burst.collated_unwritten", 1),
                Map.entry("diff", schemaChangeEvents())));
        run.compare();
    }

    /**
     * gh-ost's cut-over read long after it ran, with only the original table captured and no schema-change events: the
     * table swapped in was never captured, yet its rows after the swap carry the definition the statements gave it
     * (defaults included), not the one the server shows at the end.
     */
    @Test
    void aTableSwappedInUnderAnIncludeListIsAsTheStatementsLeftIt() throws Exception {
        DifferentialRun run = readLongAfter("ddl-swap", "lagging-swap",
                Map.of("table.include.list", "swap\\.t", "include.schema.changes", "false"));
        run.assertEventsPerTopic(Map.of("diff.swap.t", 3));
        run.compare();
    }

    /**
     * Runs {@code script}, then captures with both engines from the start of the binlog under {@code config}, until
     * they agree and go quiet. Returns the closed run, not yet compared.
     */
    private DifferentialRun readLongAfter(String script, String name, Map<String, String> config)
            throws Exception {
        try (TestingBinlogServer database = server().startPermissive()) {
            server().runScripts(database, script);
            Map<String, String> debezium = new HashMap<>(config);
            debezium.putAll(debeziumFromTheBinlogsStart());
            Map<String, String> tributary = new HashMap<>(config);
            tributary.put("snapshot.mode", "never");
            DifferentialRun run = DifferentialRun.start(database, name, debezium, tributary);
            try (run) {
                run.awaitAlike(TIMEOUT);
            }
            return run;
        }
    }
}
