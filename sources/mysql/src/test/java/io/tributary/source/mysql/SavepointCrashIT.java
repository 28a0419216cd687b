package io.tributary.source.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.io.TempDir;

import io.tributary.testkit.TestingBinlogServer;
import org.awaitility.Awaitility;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A large transaction written the way ORMs write them — a savepoint every few rows, some rolled back to after writing
 * another table (non-transactional where the server allows it, so that it logs ROLLBACK TO as well as SAVEPOINT
 * between the rows) — and the capture process
 * killed with SIGKILL in the middle of it. The restart resumes inside the transaction, by GTID or by file and
 * position: every row arrives, in order, and nothing but what followed the last stored offset is repeated. Run
 * against each server by a subclass.
 */
abstract class SavepointCrashIT {
    private static final int ROWS = 30_000;
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    /** A server with GTIDs on. */
    abstract TestingBinlogServer startServer();

    /** The engine clause of the table written and then rolled back to a savepoint inside the transaction. */
    abstract String auditTableEngine();

    @ParameterizedTest(name = "resume by {0}")
    @ValueSource(strings = {"gtid", "position"})
    void killedInsideATransactionWithSavepointsLosesNothing(String resumeBy, @TempDir Path directory)
            throws Exception {
        try (TestingBinlogServer server = startServer()) {
            server.execute("CREATE DATABASE crash",
                    "CREATE TABLE crash.items (id INT PRIMARY KEY, version INT NOT NULL, payload VARCHAR(64))",
                    "CREATE TABLE crash.audit (id INT AUTO_INCREMENT PRIMARY KEY, note VARCHAR(40)) "
                            + auditTableEngine());
            Path config = writeConfig(directory, server);
            Path events = directory.resolve("events.txt");
            List<Process> processes = new ArrayList<>();
            try {
                // the child polls no more after the row before and a tenth of the transaction: the kill lands
                // while the transaction is being delivered
                Process first = CaptureToFileMain.startHolding(config, directory, 1 + ROWS / 10);
                processes.add(first);
                server.execute("INSERT INTO crash.items VALUES (0, 0, 'before')");
                Awaitility.await().atMost(TIMEOUT).until(() -> CaptureToFileMain.lines(events) == 1);
                writeTransactionWithSavepoints(server);
                Awaitility.await().atMost(TIMEOUT).until(() -> CaptureToFileMain.holding(directory));
                first.destroyForcibly().waitFor();
                Map<String, ?> stored = CaptureToFileMain.storedOffset(directory).orElseThrow();
                assertThat(stored).as("the offset stored when killed lies inside the transaction").containsKey("row");
                if (resumeBy.equals("position")) {
                    rewriteOffsetWithoutGtids(directory, stored);
                }

                startCapture(config, directory, processes);
                server.execute("INSERT INTO crash.items VALUES (" + (ROWS + 1) + ", 0, 'after')");
                Awaitility.await().atMost(TIMEOUT).until(() -> lastId(events) == ROWS + 1);
            } finally {
                processes.forEach(Process::destroyForcibly);
            }
            assertInOrderWithOneReplay(Files.readAllLines(events));
        }
    }

    /** One transaction of {@link #ROWS} inserts, a savepoint every 100 rows, every 1,000 rows one rolled back to. */
    private static void writeTransactionWithSavepoints(TestingBinlogServer server) throws SQLException {
        try (Connection connection = server.adminConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            for (int id = 1; id <= ROWS; id++) {
                if (id % 100 == 0) {
                    statement.execute("SAVEPOINT s" + id);
                }
                if (id % 1000 == 0) {
                    statement.execute("INSERT INTO crash.audit (note) VALUES ('row " + id + "')");
                    statement.execute("ROLLBACK TO SAVEPOINT s" + id);
                    statement.execute("RELEASE SAVEPOINT s" + id);
                }
                statement.addBatch("INSERT INTO crash.items VALUES (" + id + ", 0, 'row')");
                if (id % 100 == 99) {
                    statement.executeBatch();
                }
            }
            statement.executeBatch();
            connection.commit();
        }
    }

    /**
     * Ids 0..ROWS+1 in order, except that the restart may go back once, to the row after the last stored offset,
     * and repeat what the killed process had written after it (at most one batch): nothing missing, nothing else
     * repeated, nothing out of order.
     */
    private static void assertInOrderWithOneReplay(List<String> lines) {
        List<Integer> ids = lines.stream().map(line -> Integer.parseInt(line.split("\t")[1])).toList();
        assertThat(ids).isNotEmpty().startsWith(0);
        int replays = 0;
        for (int i = 1; i < ids.size(); i++) {
            int previous = ids.get(i - 1);
            int id = ids.get(i);
            if (id != previous + 1) {
                replays++;
                assertThat(id).as("after row %d, a restart may only go back, by one batch at most", previous)
                        .isLessThanOrEqualTo(previous).isGreaterThan(previous - 100);
            }
        }
        assertThat(replays).as("steps back").isLessThanOrEqualTo(1);
        assertThat(ids.get(ids.size() - 1)).isEqualTo(ROWS + 1);
    }

    private static Path writeConfig(Path directory, TestingBinlogServer server) throws IOException {
        return CaptureToFileMain.writeConfig(directory, SourceRunner.config(server, "table.include.list",
                "crash\\.items", "max.batch.size", "100", "snapshot.mode", "never"));
    }

    private static void rewriteOffsetWithoutGtids(Path directory, Map<String, ?> stored) throws IOException {
        Map<String, Object> offset = new HashMap<>(stored);
        offset.remove("gtids");
        try (ObjectOutputStream out = new ObjectOutputStream(Files.newOutputStream(directory.resolve("offset.bin")))) {
            out.writeObject(offset);
        }
    }

    private static Process startCapture(Path config, Path directory, List<Process> started) {
        Process process = CaptureToFileMain.start(config, directory);
        started.add(process);
        return process;
    }

    private static int lastId(Path events) throws IOException {
        if (!Files.exists(events)) {
            return 0;
        }
        List<String> all = Files.readAllLines(events);
        return all.isEmpty() ? 0 : Integer.parseInt(all.get(all.size() - 1).split("\t")[1]);
    }
}
