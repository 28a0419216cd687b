package io.tributary.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import io.tributary.testkit.TestingBinlogServer;
import org.junit.jupiter.api.Test;

/**
 * Schemas as real applications declare them ({@code apps.sql}), under the permissive sql_mode they are often run
 * with: WordPress's posts and post meta (LONGTEXT, zero-date DATETIME defaults, prefix indexes, utf8mb4_unicode_520_ci),
 * Magento's EAV tables (DECIMAL(20,6), SMALLINT UNSIGNED composite keys, ON UPDATE CURRENT_TIMESTAMP), Sakila's film,
 * staff and address (ENUM, SET, YEAR, BLOB, GEOMETRY), a latin1 table among utf8mb4 ones, reserved-word and
 * mixed-case names, BINARY(16) uuid keys. Snapshotted, then changed by an application-like workload
 * ({@code apps-changes.sql}: inserts, updates of keys, upserts, REPLACE, deletes, TRUNCATE, ALTERs, CREATE TABLE, AS
 * SELECT and LIKE while streaming; then {@code apps-renames.sql}: RENAME TABLE and DROP TABLE of one and of several
 * tables), captured by Debezium and by Tributary with schema changes on: the events must be the same, in order.
 */
abstract class RealWorldSchemasDifferentialIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    abstract TestServer server();

    @Test
    void applicationSchemasEqualDebeziums() throws Exception {
        compareApplications("apps");
    }

    /** The application schemas and workload on a server started with these further options, compared. */
    void compareApplications(String name, String... serverArguments) throws Exception {
        try (TestingBinlogServer database = server().startPermissive(serverArguments)) {
            server().runScripts(database, "apps");
            Map<String, String> config = Map.of("database.include.list", "apps", "include.schema.changes", "true");
            DifferentialRun run = DifferentialRun.start(database, name, config);
            try (run) {
                run.awaitAlike(TIMEOUT);
                server().runScripts(database, "apps-changes");
                run.awaitAlike(TIMEOUT);
                // renames and drops once both read the changes before them: a table described after it was renamed
                // or dropped is a documented difference (the README's "Differences from Debezium", 3 and 4)
                server().runScripts(database, "apps-renames");
                run.awaitAlike(TIMEOUT);
                // film: 3 reads, an update, a delete + tombstone, an insert after the ALTER; post meta: 4 reads, an
                // update, 2 deletes + tombstones, none for the TRUNCATE (skipped.operations=t), an insert; sessions: 2
                // reads, an update, a key change as delete + tombstone + create
                run.assertEventsPerTopic(Map.of("diff.apps.film", 3 + 1 + 2 + 1, "diff.apps.wp_postmeta", 4 + 1 + 4 + 1,
                        "diff.apps.sessions", 2 + 1 + 3));
                assertThat(run.debeziumLog().size("diff")).as("schema changes").isPositive();
            }
            run.compare();
        }
    }
}
