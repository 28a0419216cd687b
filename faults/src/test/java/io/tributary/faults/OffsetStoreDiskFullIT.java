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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime's offset store on a disk that fills up while changes stream: a 64 KiB tmpfs under
 * {@code offset.storage.dir} (mounted as root). The runtime must stop with an error that names the store and the
 * free-space problem, and once space is freed a restart must lose nothing.
 */
class OffsetStoreDiskFullIT {
    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    private static final String DATABASE = "diskfull";

    @Test
    void aFullDiskUnderTheOffsetStoreStopsTheRuntimeClearlyAndTheRestartLosesNothing(@TempDir Path directory)
            throws Exception {
        assumeThat(TestingTmpfs.canMount()).as("mounting a tmpfs needs root").isTrue();
        try (TestingMariaDb mariaDb = TestingMariaDb.create();
                TestingTmpfs disk = TestingTmpfs.mount(directory.resolve("offsets"), "64k");
                VersionedRows rows = new VersionedRows(mariaDb, DATABASE, System.nanoTime());
                FaultyPipeline pipeline = new FaultyPipeline(directory, mariaDb, mariaDb.host(), DATABASE, Map.of(),
                        List.of())) {
            assertThat(pipeline.offsets().getParent()).as("the offset store is on the small disk")
                    .isEqualTo(disk.path());
            rows.insert(1_000);
            pipeline.start();
            Path events = pipeline.events(DATABASE);
            Awaitility.await("the snapshot is done").atMost(TIMEOUT).until(() -> pipeline.snapshotDone(1_000));
            rows.start();
            Awaitility.await("changes stream").atMost(TIMEOUT)
                    .until(() -> VersionedRows.delivered(events).size() > 1_100);

            disk.fill();
            long filled = System.nanoTime();
            Awaitility.await("the runtime stops by itself").atMost(Duration.ofSeconds(60))
                    .until(() -> !pipeline.isAlive());
            Duration stopping = Duration.ofNanos(System.nanoTime() - filled);
            System.out.println("OffsetStoreDiskFullIT: the runtime exited " + stopping.toMillis()
                    + " ms after the disk filled, with status " + pipeline.exitValue());
            assertThat(pipeline.exitValue()).isEqualTo(1);
            assertThat(pipeline.output()).contains("cannot write the offset store " + pipeline.offsets())
                    .contains("No space left on device").contains(" bytes free on its disk")
                    .contains("free space on its disk or give offset.storage.dir");

            disk.free();
            pipeline.start();
            long restarted = System.nanoTime();
            Awaitility.await("changes stream after the restart").atMost(TIMEOUT)
                    .until(() -> rows.transactions() > 100 && pipeline.offsetPastSnapshot());
            rows.stop();
            Map<Integer, Integer> committed = rows.committed();
            Awaitility.await("every change delivered").atMost(TIMEOUT)
                    .until(() -> VersionedRows.delivered(events).equals(committed));
            Duration recovery = Duration.ofNanos(System.nanoTime() - restarted);

            Tally tally = VersionedRows.tally(events, committed);
            FaultReport.record("offset store's disk full (the runtime exited 1 in " + stopping.toMillis()
                    + " ms), space freed, restarted", 1, tally, recovery);
            assertThat(tally.lost()).as("row versions lost").isZero();
        }
    }
}
