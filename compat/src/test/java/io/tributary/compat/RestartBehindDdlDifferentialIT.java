package io.tributary.compat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.tributary.testkit.TestingBinlogServer;
import org.junit.jupiter.api.Test;

/**
 * Both captures stopped, DDL and rows written while they are, both started again from what they stored: Debezium from
 * its offset file and file schema history, Tributary from its last offset and its own schema history. The server's
 * binlog has no table layouts ({@code binlog_row_metadata=MINIMAL}, MySQL's default), so rows written before each
 * statement can be decoded only with the table as the history kept it, and each statement's schema-change event must
 * describe the table as it was right after it, not as the server shows it at the restart. Debezium's events are the
 * oracle, in both JSON modes. {@code MariaDbRestartBehindDdlDifferentialIT} runs it on MariaDB with Debezium 3.5,
 * {@code MySqlRestartBehindDdlDifferentialIT} in compat-mysql on MySQL with Debezium 3.6.
 */
abstract class RestartBehindDdlDifferentialIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    abstract TestServer server();

    @Test
    void eventsAfterARestartBehindDdlEqualDebeziums() throws IOException {
        Path state = Files.createTempDirectory("restart-behind-ddl");
        try (TestingBinlogServer database = server().start("--binlog-row-metadata=MINIMAL")) {
            // rs_empty has no table when the snapshot runs, so neither history holds its character set
            database.execute("CREATE DATABASE rs", "CREATE DATABASE rs_empty CHARACTER SET utf8mb4",
                    "CREATE TABLE rs.items (id INT PRIMARY KEY, name VARCHAR(20) DEFAULT 'n', qty INT NOT NULL DEFAULT 1)",
                    "CREATE TABLE rs.other (id BIGINT PRIMARY KEY, note TEXT)",
                    "INSERT INTO rs.items VALUES (1, 'one', 1), (2, 'two', 2)",
                    "INSERT INTO rs.other VALUES (1, 'first')");
            Map<String, String> config = Map.of("database.include.list", "rs,rs_empty",
                    "include.schema.changes", "true");
            DifferentialRun run = DifferentialRun.startRestartable(database, "restart-behind-ddl", config,
                    state);
            try (run) {
                run.awaitAlike(TIMEOUT);
                database.execute("ALTER TABLE rs.items ADD COLUMN price DECIMAL(8,2) DEFAULT 1.50",
                        "INSERT INTO rs.items VALUES (3, 'three', 3, 3.25)");
                run.awaitAlike(TIMEOUT);

                run.restartAfter(() -> database.execute(
                        "INSERT INTO rs.items VALUES (4, 'old', 4, 4.50)",
                        "UPDATE rs.items SET qty = 40 WHERE id = 4",
                        "ALTER TABLE rs.items DROP COLUMN name, MODIFY qty BIGINT NOT NULL DEFAULT 9",
                        "INSERT INTO rs.items (id, price) VALUES (5, 5.75)",
                        "ALTER TABLE rs.items ADD COLUMN tag ENUM('a','b') DEFAULT 'b' AFTER id",
                        "INSERT INTO rs.items (id, qty) VALUES (6, 6)",
                        "DELETE FROM rs.items WHERE id = 1",
                        "CREATE TABLE rs.later (id INT PRIMARY KEY, v VARCHAR(5) DEFAULT 'v')",
                        "INSERT INTO rs.later (id) VALUES (1)",
                        "RENAME TABLE rs.other TO rs.other2",
                        "INSERT INTO rs.other2 VALUES (2, 'second')",
                        "DROP TABLE rs.later",
                        // created, then converted before either capture reads its CREATE: the CREATE's event
                        // describes it as created (the database's character set), not as the server shows it now
                        "CREATE TABLE rs_empty.converted (id INT PRIMARY KEY, w TEXT COLLATE utf8mb4_bin)",
                        "ALTER TABLE rs_empty.converted CONVERT TO CHARACTER SET latin1",
                        "INSERT INTO rs_empty.converted VALUES (1, 'Ærø')"));
                run.awaitAlike(TIMEOUT);
            }
            // items: the snapshot's 2 rows, 1 streamed before the stop, 5 changes and a tombstone after it
            run.assertEventsPerTopic(Map.of("diff.rs.items", 2 + 1 + 5 + 1, "diff.rs.other", 1, "diff.rs.later", 1,
                    "diff.rs.other2", 1, "diff.rs_empty.converted", 1));
            run.compare();
        } finally {
            deleteQuietly(state);
        }
    }

    private static void deleteQuietly(Path directory) {
        try (var files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
