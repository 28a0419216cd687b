package io.tributary.source.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import io.tributary.api.ChangeRecord;
import io.tributary.api.SourceException;
import io.tributary.testkit.BinlogSettings;
import io.tributary.testkit.FreePorts;
import io.tributary.testkit.TestingBinlogServer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every way a source server can be wrong, and the error each gives: what was expected, found, and what to do.
 * {@code MariaDbSourceErrorsIT} and {@code MySqlSourceErrorsIT} run it on each server.
 */
abstract class SourceErrorsIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** A private server with its binlog as {@code binlog} says. */
    abstract TestingBinlogServer start(BinlogSettings binlog);

    /** The privilege that lets a user read binlog positions on this server, as the error names it. */
    abstract String positionPrivilege();

    private TestingBinlogServer start() {
        return start(BinlogSettings.cdcReady());
    }

    @Test
    void wrongPasswordNamesTheUserButNotThePassword() {
        try (TestingBinlogServer database = start()) {
            Map<String, String> config = SourceRunner.config(database, "database.password", "Not-The-Password-42");

            assertThatThrownBy(() -> SourceRunner.start(config, Optional.empty()))
                    .isInstanceOf(SourceException.class)
                    .hasMessageContaining("refused user 'cdc'")
                    .hasMessageContaining("check database.user and database.password")
                    .hasMessageNotContaining("Not-The-Password-42")
                    .satisfies(e -> assertThat(((SourceException) e).isRetriable()).isFalse());
        }
    }

    @Test
    void userWithoutReplicationClientIsToldWhatToGrant() {
        try (TestingBinlogServer database = start()) {
            database.execute("CREATE USER 'reader'@'%' IDENTIFIED BY 'reader-pw'", "GRANT SELECT ON *.* TO 'reader'@'%'");
            Map<String, String> config = SourceRunner.config(database, "database.user", "reader",
                    "database.password", "reader-pw");

            assertThatThrownBy(() -> SourceRunner.start(config, Optional.empty()))
                    .isInstanceOf(SourceException.class)
                    .hasMessageContaining("may not read binlog positions")
                    .hasMessageContaining("grant it " + positionPrivilege())
                    .hasMessageContaining("REPLICATION SLAVE");
        }
    }

    @Test
    void userWithoutReplicationSlaveFailsWhenStreamingStarts() throws InterruptedException {
        try (TestingBinlogServer database = start()) {
            database.execute("CREATE USER 'watcher'@'%' IDENTIFIED BY 'watcher-pw'",
                    "GRANT SELECT, RELOAD, " + positionPrivilege() + " ON *.* TO 'watcher'@'%'");
            Map<String, String> config = SourceRunner.config(database, "database.user", "watcher",
                    "database.password", "watcher-pw", "snapshot.mode", "never");

            try (SourceRunner runner = SourceRunner.start(config, Optional.empty())) {
                RuntimeException failure = runner.awaitFailure(TIMEOUT);

                assertThat(failure).isInstanceOf(SourceException.class)
                        .hasMessageContaining("may not read the binlog").hasMessageContaining("grant it REPLICATION SLAVE");
                assertThat(((SourceException) failure).isRetriable()).isFalse();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("misconfiguredServers")
    void misconfiguredBinlogIsRefusedBeforeCapturing(BinlogSettings binlog, String expectedMessage) {
        try (TestingBinlogServer database = start(binlog)) {
            assertThatThrownBy(() -> SourceRunner.start(SourceRunner.config(database), Optional.empty()))
                    .isInstanceOf(SourceException.class)
                    .hasMessageContaining(expectedMessage)
                    .hasMessageContaining("parameter group");
        }
    }

    static Stream<Arguments> misconfiguredServers() {
        BinlogSettings ready = BinlogSettings.cdcReady();
        return Stream.of(
                Arguments.of(BinlogSettings.off(), "binary logging is off"),
                Arguments.of(ready.withFormat(BinlogSettings.Format.STATEMENT),
                        "binlog_format is STATEMENT on 127.0.0.1:"),
                Arguments.of(ready.withRowImage(BinlogSettings.RowImage.MINIMAL),
                        "binlog_row_image is MINIMAL on 127.0.0.1:"));
    }

    @ParameterizedTest
    @MethodSource("partialRowImages")
    void sessionWritingPartialRowsStopsCaptureBeforeItsChange(String rowImage, String change) throws InterruptedException {
        try (TestingBinlogServer database = start()) {
            database.execute("CREATE DATABASE shop",
                    "CREATE TABLE shop.items (id INT PRIMARY KEY, name VARCHAR(20), note TEXT, qty INT)",
                    "INSERT INTO shop.items VALUES (1, 'one', 'first', 5), (2, 'two', 'second', 6)");
            try (SourceRunner runner = SourceRunner.start(SourceRunner.config(database, "snapshot.mode", "never"),
                    Optional.empty())) {
                // snapshot.mode=never reads the binlog from its start, as Debezium does
                database.execute("INSERT INTO shop.items VALUES (3, 'three', 'third', 7)");
                assertThat(runner.awaitRecords(3, TIMEOUT)).extracting(record -> ((Object[]) record.key())[0])
                        .containsExactly(1, 2, 3);

                database.execute("SET SESSION binlog_row_image = '" + rowImage + "'", change);
                RuntimeException failure = runner.awaitFailure(TIMEOUT);

                assertThat(failure).isInstanceOf(SourceException.class)
                        .hasMessageContaining("a change to shop.items at ")
                        .hasMessageContaining("of the table's 4 columns")
                        .hasMessageContaining("binlog_row_image to MINIMAL or NOBLOB")
                        .hasMessageContaining("binlog_row_image=FULL");
                assertThat(((SourceException) failure).isRetriable()).isFalse();
                assertThat(runner.awaitRecords(3, TIMEOUT)).as("all that arrived: nothing of the partial change")
                        .hasSize(3);
            }
        }
    }

    static Stream<Arguments> partialRowImages() {
        return Stream.of(
                Arguments.of("MINIMAL", "UPDATE shop.items SET qty = 9 WHERE id = 1"),
                Arguments.of("MINIMAL", "DELETE FROM shop.items WHERE id = 2"),
                Arguments.of("NOBLOB", "UPDATE shop.items SET name = 'uno' WHERE id = 1"));
    }

    @Test
    void unreachableServerAtStartIsARetriableError() {
        int port = FreePorts.next();
        Map<String, String> config = Map.of("database.hostname", "127.0.0.1", "database.port", String.valueOf(port),
                "database.user", "cdc", "database.password", "secret-value", "topic.prefix", "test",
                "connect.timeout.ms", "2000");

        assertThatThrownBy(() -> SourceRunner.start(config, Optional.empty()))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("cannot connect to the server at 127.0.0.1:" + port)
                .hasMessageNotContaining("secret-value")
                .satisfies(e -> assertThat(((SourceException) e).isRetriable()).isTrue());
    }

    @Test
    void purgedBinlogIsAClearErrorAndWhenNeededSnapshotsAgain() throws InterruptedException {
        try (TestingBinlogServer database = start()) {
            database.execute("CREATE DATABASE shop", "CREATE TABLE shop.items (id INT PRIMARY KEY)");
            Map<String, ?> stored;
            try (SourceRunner runner = SourceRunner.start(SourceRunner.config(database, "snapshot.mode", "never"),
                    Optional.empty())) {
                database.execute("INSERT INTO shop.items VALUES (1)");
                runner.awaitRecords(1, TIMEOUT);
                stored = runner.lastOffset();
            }
            Map<String, ?> offset = stored;
            database.execute("INSERT INTO shop.items VALUES (2)", "FLUSH BINARY LOGS", "FLUSH BINARY LOGS");
            String current = database.binlogStatus().get("File").toString();
            // the server keeps a file while a (just closed) dump thread still reads it: purge until it is gone
            Awaitility.await().atMost(TIMEOUT).until(() -> {
                database.execute("PURGE BINARY LOGS TO '" + current + "'");
                return database.query("SHOW BINARY LOGS").stream()
                        .noneMatch(log -> log.get("Log_name").equals(offset.get("file")));
            });

            try (SourceRunner runner = SourceRunner.start(SourceRunner.config(database, "snapshot.mode", "initial"),
                    Optional.of(offset))) {
                assertThat(runner.awaitFailure(TIMEOUT)).isInstanceOf(SourceException.class)
                        .hasMessageContaining("which the server no longer has (purged)")
                        .hasMessageContaining("snapshot.mode=when_needed");
            }
            try (SourceRunner runner = SourceRunner.start(SourceRunner.config(database, "snapshot.mode", "when_needed"),
                    Optional.of(offset))) {
                List<ChangeRecord> records = runner.awaitRecords(2, TIMEOUT);
                assertThat(records).extracting(record -> ((Object[]) record.value())[4]).containsExactly("r", "r");
            }
        }
    }

    @Test
    void serverRestartMidStreamIsRetriedUntilItIsBack() throws InterruptedException {
        try (TestingBinlogServer database = start()) {
            database.execute("CREATE DATABASE shop", "CREATE TABLE shop.items (id INT PRIMARY KEY)");
            // no limit: however long the restart takes on a loaded machine, the source waits for it
            Map<String, String> config = SourceRunner.config(database, "snapshot.mode", "never",
                    "errors.max.retries", "-1", "errors.retry.delay.initial.ms", "100",
                    "errors.retry.delay.max.ms", "500", "connect.timeout.ms", "1000");
            try (SourceRunner runner = SourceRunner.start(config, Optional.empty())) {
                database.execute("INSERT INTO shop.items VALUES (1)");
                runner.awaitRecords(1, TIMEOUT);

                database.stopServer();
                database.startServer();
                database.execute("INSERT INTO shop.items VALUES (2)");
                database.killServer();
                database.startServer();
                database.execute("INSERT INTO shop.items VALUES (3)");

                List<ChangeRecord> records = runner.awaitRecords(3, TIMEOUT);
                assertThat(records).extracting(record -> ((Object[]) record.key())[0]).containsExactly(1, 2, 3);
            }
        }
    }

    @Test
    void retriesAreCountedPerOutage() throws InterruptedException {
        try (TestingBinlogServer database = start()) {
            database.execute("CREATE DATABASE shop", "CREATE TABLE shop.items (id INT PRIMARY KEY)");
            Map<String, String> config = SourceRunner.config(database, "snapshot.mode", "never",
                    "errors.max.retries", "1", "errors.retry.delay.initial.ms", "10");
            try (SourceRunner runner = SourceRunner.start(config, Optional.empty())) {
                Set<Object> killed = new HashSet<>();
                for (int id = 1; id <= 4; id++) {
                    // the server stays up: each dropped binlog connection is an outage that one retry ends
                    killBinlogConnection(database, killed);
                    database.execute("INSERT INTO shop.items VALUES (" + id + ")");
                    runner.awaitRecords(id, TIMEOUT);
                }
                assertThat(runner.awaitRecords(4, TIMEOUT)).extracting(record -> ((Object[]) record.key())[0])
                        .containsExactly(1, 2, 3, 4);
                assertThat(runner.source().captureStatus().disconnects()).as("Debezium's NumberOfDisconnects")
                        .isEqualTo(4);
            }
        }
    }

    /** Kills the source's binlog connection, waiting for the one that replaced those killed before. */
    private static void killBinlogConnection(TestingBinlogServer database, Set<Object> killed) {
        String dumpThreads = "SELECT ID FROM information_schema.PROCESSLIST WHERE COMMAND LIKE 'Binlog Dump%'";
        AtomicReference<Object> id = new AtomicReference<>();
        // (a plain boolean condition: Awaitility's Hamcrest form fails on the Hamcrest this class path holds)
        Awaitility.await().atMost(TIMEOUT).until(() -> {
            database.query(dumpThreads).stream().map(thread -> thread.get("ID"))
                    .filter(thread -> !killed.contains(thread)).findFirst().ifPresent(id::set);
            return id.get() != null;
        });
        killed.add(id.get());
        database.execute("KILL " + id.get());
    }

    @Test
    void serverGoneLongerThanTheRetriesIsReportedClearly() throws InterruptedException {
        try (TestingBinlogServer database = start()) {
            database.execute("CREATE DATABASE shop", "CREATE TABLE shop.items (id INT PRIMARY KEY)");
            Map<String, String> config = SourceRunner.config(database, "snapshot.mode", "never",
                    "errors.max.retries", "3", "errors.retry.delay.initial.ms", "100", "connect.timeout.ms", "1000");
            try (SourceRunner runner = SourceRunner.start(config, Optional.empty())) {
                database.execute("INSERT INTO shop.items VALUES (1)");
                runner.awaitRecords(1, TIMEOUT);

                database.killServer();
                RuntimeException failure = runner.awaitFailure(TIMEOUT);
                assertThat(failure).isInstanceOf(SourceException.class)
                        .hasMessageContaining("cannot connect to the server at 127.0.0.1:" + database.port())
                        .hasMessageContaining("gave up after 3 retries");
            }
        }
    }

    @Test
    void serverRestartDuringTheSnapshotResumesAfterTheLastRowHandedOver() throws InterruptedException {
        try (TestingBinlogServer database = start()) {
            int rows = 5_000;
            database.execute("CREATE DATABASE shop", "CREATE TABLE shop.items (id INT PRIMARY KEY, v VARCHAR(20))",
                    "INSERT INTO shop.items SELECT n, 'row' FROM " + TestingBinlogServer.integers(rows));
            Map<String, String> config = SourceRunner.config(database, "snapshot.fetch.size", "50",
                    "max.queue.size", "100", "max.batch.size", "50", "errors.max.retries", "-1",
                    "errors.retry.delay.initial.ms", "100", "errors.retry.delay.max.ms", "500");
            try (SourceRunner runner = SourceRunner.start(config, Optional.empty())) {
                // the reader waits on the full queue while the server restarts under it
                runner.awaitRecords(500, TIMEOUT);
                database.killServer();
                database.startServer();

                List<ChangeRecord> records = runner.awaitRecords(rows, TIMEOUT);
                assertThat(records).extracting(record -> ((Object[]) record.key())[0])
                        .as("every row once, in key order, across the restart")
                        .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, rows).boxed().toList());
            }
        }
    }
}
