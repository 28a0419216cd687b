package io.tributary.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.tributary.testkit.TestingMariaDb;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database under the runtime fails: a clean restart, a crash (kill -9), an outage longer than the retry budget,
 * DDL and purged binlogs while the runtime is stopped. Each run counts every row version committed.
 */
class DatabaseFaultsIT {
    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    private static TestingMariaDb mariaDb;

    @BeforeAll
    static void startServer() {
        mariaDb = TestingMariaDb.create();
    }

    @AfterAll
    static void stopServer() {
        mariaDb.close();
    }

    @Test
    void aCleanRestartAndACrashOfTheServerWhileStreamingLoseNothing(@TempDir Path directory) throws Exception {
        try (VersionedRows rows = new VersionedRows(mariaDb, "bounce", System.nanoTime());
                FaultyPipeline pipeline = new FaultyPipeline(directory, mariaDb, mariaDb.host(), "bounce", Map.of(),
                        List.of())) {
            rows.insert(1_000);
            pipeline.start();
            Path events = pipeline.events("bounce");
            streamAWhile(rows, pipeline, events);

            rows.stop();
            mariaDb.stopServer();
            mariaDb.startServer();
            long started = System.nanoTime();
            streamAWhile(rows, pipeline, events);
            rows.stop();
            record("database restarted cleanly while streaming", rows, events, started);

            mariaDb.killServer();
            mariaDb.startServer();
            started = System.nanoTime();
            streamAWhile(rows, pipeline, events);
            rows.stop();
            record("database killed (kill -9) while streaming", rows, events, started);
            assertThat(pipeline.isAlive()).isTrue();
        }
    }

    @Test
    void anOutageLongerThanTheRetryBudgetFailsClearlyAndTheNextRunResumes(@TempDir Path directory) throws Exception {
        try (VersionedRows rows = new VersionedRows(mariaDb, "outage", System.nanoTime());
                FaultyPipeline pipeline = new FaultyPipeline(directory, mariaDb, mariaDb.host(), "outage",
                        Map.of("errors.max.retries", "2", "errors.retry.delay.max.ms", "300",
                                "connect.timeout.ms", "1000"), List.of())) {
            rows.insert(1_000);
            pipeline.start();
            Path events = pipeline.events("outage");
            streamAWhile(rows, pipeline, events);
            rows.stop();

            mariaDb.stopServer();
            Awaitility.await("the runtime gives up and exits").atMost(TIMEOUT).until(() -> !pipeline.isAlive());
            assertThat(pipeline.exitValue()).isEqualTo(1);
            assertThat(pipeline.output()).contains("gave up after 2 retries")
                    .contains(mariaDb.host() + ":" + mariaDb.port());

            mariaDb.startServer();
            rows.start();
            pipeline.start();
            long started = System.nanoTime();
            Awaitility.await().atMost(TIMEOUT).until(() -> rows.transactions() > 100);
            rows.stop();
            record("database down longer than the retry budget, runtime restarted", rows, events, started);
        }
    }

    /**
     * Rows written on both sides of an ADD COLUMN while the runtime is down (killed), on a binlog without table layouts
     * (binlog_row_metadata=MINIMAL, MySQL's default): the rows before the statement can only be decoded with the table
     * as the runtime's schema history kept it.
     */
    @Test
    void ddlWhileKilledIsFollowedWithTheSchemaHistory(@TempDir Path directory) throws Exception {
        mariaDb.execute("SET GLOBAL binlog_row_metadata = 'MINIMAL'");
        try (VersionedRows rows = new VersionedRows(mariaDb, "altered", System.nanoTime());
                FaultyPipeline pipeline = new FaultyPipeline(directory, mariaDb, mariaDb.host(), "altered", Map.of(),
                        List.of())) {
            rows.insert(1_000);
            pipeline.start();
            Path events = pipeline.events("altered");
            streamAWhile(rows, pipeline, events);
            rows.stop();
            pipeline.kill();

            rows.start();
            Awaitility.await().atMost(TIMEOUT).until(() -> rows.transactions() > 100);
            mariaDb.execute("ALTER TABLE altered.items ADD COLUMN note VARCHAR(10) NOT NULL DEFAULT 'new'");
            long altered = rows.transactions();
            Awaitility.await().atMost(TIMEOUT).until(() -> rows.transactions() > altered + 100);
            pipeline.start();
            long started = System.nanoTime();
            Awaitility.await().atMost(TIMEOUT).until(() -> rows.transactions() > altered + 200);
            rows.stop();
            record("DDL (ADD COLUMN) between rows while the runtime was killed, binlog_row_metadata=MINIMAL", rows,
                    events, started);
            List<String> lines = Files.readAllLines(events);
            assertThat(lines.get(lines.size() - 1)).contains("\"note\":\"new\"");
            assertThat(directory.resolve("offsets")).isDirectoryRecursivelyContaining("glob:**/schema-history.jsonl");
        } finally {
            mariaDb.execute("SET GLOBAL binlog_row_metadata = 'FULL'");
        }
    }

    @Test
    void binlogsPurgedWhileStoppedAreReSnapshottedUnderWhenNeeded(@TempDir Path directory) throws Exception {
        try (VersionedRows rows = new VersionedRows(mariaDb, "purged", System.nanoTime());
                FaultyPipeline pipeline = new FaultyPipeline(directory, mariaDb, mariaDb.host(), "purged",
                        Map.of("snapshot.mode", "when_needed"), List.of())) {
            rows.insert(1_000);
            pipeline.start();
            Path events = pipeline.events("purged");
            streamAWhile(rows, pipeline, events);
            rows.stop();
            assertThat(pipeline.stop()).isIn(0, 143);

            rows.start();
            Awaitility.await().atMost(TIMEOUT).until(() -> rows.transactions() > 100);
            rows.stop();
            String current = mariaDb.query("SHOW MASTER STATUS").get(0).get("File").toString();
            mariaDb.execute("FLUSH BINARY LOGS");
            // a binlog still being sent is not purged: end the dump threads the stopped runtime left behind
            Awaitility.await("the binlog purged").atMost(TIMEOUT).until(() -> {
                mariaDb.query("SELECT ID FROM information_schema.PROCESSLIST WHERE COMMAND = 'Binlog Dump'")
                        .forEach(dump -> mariaDb.execute("KILL " + dump.get("ID")));
                mariaDb.execute("PURGE BINARY LOGS BEFORE NOW() + INTERVAL 1 DAY");
                return mariaDb.query("SHOW BINARY LOGS").stream().noneMatch(log -> log.get("Log_name")
                        .equals(current));
            });
            pipeline.start();

            Map<Integer, Integer> committed = rows.committed();
            Awaitility.await("the table again, by a new snapshot").atMost(TIMEOUT)
                    .until(() -> VersionedRows.delivered(events).equals(committed));
            assertThat(pipeline.output()).contains("which the server no longer has (purged): taking a new snapshot");
        }
    }

    /**
     * Once the snapshot is delivered (a change committed before the snapshot's point shows only as the row's state
     * then), writes until the runtime delivered some of it.
     */
    private static void streamAWhile(VersionedRows rows, FaultyPipeline pipeline, Path events) {
        Awaitility.await("the snapshot is done").atMost(TIMEOUT).until(() -> pipeline.snapshotDone(1_000));
        long from = rows.transactions();
        rows.start();
        Awaitility.await().atMost(TIMEOUT).until(() -> rows.transactions() > from + 100
                && VersionedRows.delivered(events).size() > 1_000);
    }

    /** Waits until every committed version is delivered; records the figures; asserts none was lost. */
    private static void record(String fault, VersionedRows rows, Path events, long recoveryStartNanos)
            throws Exception {
        Map<Integer, Integer> committed = rows.committed();
        Awaitility.await("every change delivered").atMost(TIMEOUT)
                .until(() -> VersionedRows.delivered(events).equals(committed));
        Duration recovery = Duration.ofNanos(System.nanoTime() - recoveryStartNanos);
        Tally tally = VersionedRows.tally(events, committed);
        FaultReport.record(fault, 1, tally, recovery);
        assertThat(tally.lost()).as("row versions lost").isZero();
    }
}
