package io.tributary.compat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.tributary.testkit.TestingBinlogServer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;

/**
 * A MariaDB 10.11 server with {@code lower_case_table_names=1}, which keeps and writes to its binlog every table name
 * in lower case while statements spell them as they like: Debezium 3.5 names a table created while streaming as its
 * {@code CREATE TABLE} (or {@code RENAME}) spelt it — topic, schema names, {@code source.table}, schema-change events —
 * and applies later statements to it whatever their spelling; the snapshot's tables keep the server's lower case. The
 * captures are stopped and started again part way, so the spelling must also survive Tributary's schema history.
 * MariaDB only: MySQL takes the setting only when its data directory is initialised.
 */
class MariaDbLowerCaseNamesDifferentialIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @Test
    void tablesAreNamedAsTheirStatementsSpeltThem(@TempDir Path state) throws Exception {
        try (TestingBinlogServer server = TestServer.MARIADB.start("--lower-case-table-names=1")) {
            server.runScript(SqlScripts.read("lower-case-names.sql"));
            DifferentialRun run = DifferentialRun.startRestartable(server, "lower-case-names",
                    Map.of("database.include.list", "cased", "include.schema.changes", "true"), state);
            try (run) {
                run.awaitAlike(TIMEOUT);
                server.runScript(SqlScripts.read("lower-case-names-changes.sql"));
                run.awaitAlike(TIMEOUT);
                run.restartAfter(() -> server.execute(
                        "ALTER TABLE cased.MIXEDOLD ADD COLUMN Z INT",
                        "INSERT INTO Cased.MixedOld VALUES (2, 2, 2, 2)",
                        "INSERT INTO cased.RenamedAgain VALUES (5, 'e')"));
                run.awaitAlike(TIMEOUT);
                server.execute("INSERT INTO cased.renamedagain VALUES (6, 'f')",
                        "ALTER TABLE cased.ReNamedAGAIN ADD COLUMN Late INT", "INSERT INTO Cased.Keyless VALUES ('l', 2)");
                run.awaitAlike(TIMEOUT);
            }
            // the snapshot's 6 statements and 12 more; a topic per spelling a CREATE or RENAME gave
            run.assertEventsPerTopic(Map.of("diff", 6 + 12, "diff.cased.mixedold", 3, "diff.cased.MixedNew", 2,
                    "diff.cased.Renamed", 1, "diff.cased.ReNamedAgain", 3, "diff.cased.Keyless", 2,
                    "diff.cased.Doomed", 1, "diff.cased.doomed", 1));
            run.compareByTopic();
        }
    }
}
