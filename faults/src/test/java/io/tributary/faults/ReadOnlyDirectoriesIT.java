package io.tributary.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.tributary.testkit.TestingMariaDb;
import io.tributary.testkit.TestingTmpfs;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The runtime started with its offset store or its file sink's directory on a read-only disk (a tmpfs remounted
 * read-only, as root): it must stop at once with an error that names the directory and the cause, write nothing, and
 * once the disk is writable again a start must deliver every row.
 */
class ReadOnlyDirectoriesIT {
    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    private static final String DATABASE = "readonly";

    @ParameterizedTest(name = "{0} read-only")
    @ValueSource(strings = {"offsets", "events"})
    void aReadOnlyDirectoryStopsTheStartClearlyAndLosesNothing(String read, @TempDir Path directory)
            throws Exception {
        assumeThat(TestingTmpfs.canMount()).as("mounting a tmpfs needs root").isTrue();
        try (TestingMariaDb mariaDb = TestingMariaDb.create();
                TestingTmpfs disk = TestingTmpfs.mount(directory.resolve(read), "1m");
                VersionedRows rows = new VersionedRows(mariaDb, DATABASE, System.nanoTime());
                FaultyPipeline pipeline = new FaultyPipeline(directory, mariaDb, mariaDb.host(), DATABASE, Map.of(),
                        List.of())) {
            rows.insert(500);
            disk.readOnly(true);
            pipeline.start();
            long started = System.nanoTime();
            Awaitility.await("the runtime stops by itself").atMost(Duration.ofSeconds(60))
                    .until(() -> !pipeline.isAlive());
            Duration stopping = Duration.ofNanos(System.nanoTime() - started);
            System.out.println("ReadOnlyDirectoriesIT: with " + read + " read-only the runtime exited "
                    + stopping.toMillis() + " ms after its start, with status " + pipeline.exitValue());
            assertThat(pipeline.exitValue()).isEqualTo(1);
            assertThat(pipeline.output()).contains(disk.path().toString()).contains("Read-only file system");

            disk.readOnly(false);
            pipeline.start();
            long restarted = System.nanoTime();
            Awaitility.await("the snapshot is done").atMost(TIMEOUT).until(() -> pipeline.snapshotDone(500));
            rows.start();
            Awaitility.await("changes stream").atMost(TIMEOUT).until(() -> rows.transactions() > 50);
            rows.stop();
            Map<Integer, Integer> committed = rows.committed();
            Path events = pipeline.events(DATABASE);
            Awaitility.await("every change delivered").atMost(TIMEOUT)
                    .until(() -> VersionedRows.delivered(events).equals(committed));
            Duration recovery = Duration.ofNanos(System.nanoTime() - restarted);

            Tally tally = VersionedRows.tally(events, committed);
            FaultReport.record(read + " directory read-only at start (the runtime exited 1 in " + stopping.toMillis()
                    + " ms), made writable, restarted", 1, tally, recovery);
            assertThat(tally.lost()).as("row versions lost").isZero();
        }
    }
}
