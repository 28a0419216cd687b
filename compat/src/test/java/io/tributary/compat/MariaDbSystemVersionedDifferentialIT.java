package io.tributary.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.tributary.testkit.TestingBinlogServer;
import org.junit.jupiter.api.Test;

/**
 * MariaDB's system-versioned tables ({@code versioned-mariadb.sql}): period columns the server adds itself (hidden
 * from information_schema), named ones, named and INVISIBLE ones, a period of transaction ids, and an ordinary
 * INVISIBLE column — snapshotted with their current rows only, then changed ({@code versioned-changes-mariadb.sql}),
 * where the binlog's history rows are rows of the table to both engines whenever the table names its period. The
 * table with hidden period columns is snapshotted, not changed: Debezium stops on its rows while streaming (see
 * MariaDbSystemVersioningIT in the source's tests for Tributary's events).
 */
class MariaDbSystemVersionedDifferentialIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @Test
    void versionedTablesAsDebeziumCapturesThem() throws Exception {
        Map<String, String> config = Map.of("database.include.list", "versioned", "include.schema.changes", "true");
        try (TestingBinlogServer database = TestServer.MARIADB.start()) {
            database.runScript(SqlScripts.read("versioned-mariadb.sql"));
            DifferentialRun run = DifferentialRun.start(database, "versioned", config);
            try (run) {
                run.awaitBothQuiet(TIMEOUT);
                assertThat(run.tributaryLog().size("diff.versioned.implicit_period"))
                        .as("current rows of the table with hidden period columns").isEqualTo(2);
                database.runScript(SqlScripts.read("versioned-changes-mariadb.sql"));
                run.awaitBothQuiet(TIMEOUT);
                // trx_period's changes are written as statements, not rows: neither engine can capture them
                for (String table : List.of("explicit_period", "invisible_period", "plain_invisible")) {
                    assertThat(run.debeziumLog().size("diff.versioned." + table)).as("Debezium's events of %s", table)
                            .isGreaterThanOrEqualTo(5);
                }
            }
            run.compare();
        }
    }
}
