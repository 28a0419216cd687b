package io.tributary.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;

import io.tributary.testkit.TestingMariaDb;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime killed with SIGKILL again and again — mid-snapshot, mid-stream under a write load, inside a
 * 20,000-row transaction — at points drawn from a seed that the test prints (set {@code -Dfaults.seed=<seed>} to
 * run the same points again), restarted each time; in the end every row version the database committed is in the
 * file sink, none torn, repeated ones only from batches in flight at a kill.
 */
class RandomKillIT {
    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    private static final int SNAPSHOT_ROWS = 20_000;
    private static final int LARGE_TRANSACTION = 20_000;
    private static final int KILLS = 10;
    private static final int MAX_BATCH = 512;
    /** Roughly the bytes of one record in the file: kill points are drawn as growths of the file. */
    private static final int RECORD_BYTES = 400;

    @Test
    void killedTenTimesAtRandomPointsLosesNothing(@TempDir Path directory) throws Exception {
        long seed = Long.getLong("faults.seed", System.nanoTime());
        System.out.println("RandomKillIT seed " + seed + " (rerun with -Dfaults.seed=" + seed + ")");
        Random random = new Random(seed);
        try (TestingMariaDb mariaDb = TestingMariaDb.create();
                VersionedRows rows = new VersionedRows(mariaDb, "kills", seed);
                FaultyPipeline pipeline = new FaultyPipeline(directory, mariaDb, mariaDb.host(), "kills",
                        // the offset stored after every batch, so that what a kill may repeat has a bound to check
                        Map.of("max.batch.size", String.valueOf(MAX_BATCH), "offset.flush.interval.ms", "0"),
                        java.util.List.of())) {
            rows.insert(SNAPSHOT_ROWS);
            Path events = pipeline.events("kills");

            pipeline.start();
            killAfterGrowth(pipeline, events, random.nextInt(SNAPSHOT_ROWS / 2) + 1_000); // mid-snapshot
            pipeline.start();
            Awaitility.await("the snapshot is done").atMost(TIMEOUT).until(() -> pipeline.snapshotDone(SNAPSHOT_ROWS));
            pipeline.kill(); // right after it
            int kills = 2;
            // changes start once the snapshot is done: a snapshot resumed after a kill reads rows at a newer point,
            // so versions committed meanwhile are not all seen as after-images (see the README)
            rows.start();
            for (; kills < KILLS - 1; kills++) {
                pipeline.start();
                killAfterGrowth(pipeline, events, random.nextInt(3_000) + 100); // mid-stream, under load
            }
            rows.stop();
            rows.insert(LARGE_TRANSACTION);
            pipeline.start();
            killAfterGrowth(pipeline, events, random.nextInt(LARGE_TRANSACTION - 5_000) + 1_000); // inside it
            kills++;

            rows.start();
            pipeline.start();
            long restarted = System.nanoTime();
            Awaitility.await("changes stream after the last restart").atMost(TIMEOUT)
                    .until(() -> rows.transactions() > 100);
            rows.stop();
            Map<Integer, Integer> committed = rows.committed();
            Awaitility.await("every change delivered").atMost(TIMEOUT)
                    .until(() -> VersionedRows.delivered(events).equals(committed));
            Duration recovery = Duration.ofNanos(System.nanoTime() - restarted);

            Tally tally = VersionedRows.tally(events, committed);
            FaultReport.record("kill -9 of the runtime at " + kills + " random points (seed " + seed + ")", kills,
                    tally, recovery);
            assertThat(tally.checked()).isGreaterThan(SNAPSHOT_ROWS + LARGE_TRANSACTION);
            assertThat(tally.lost()).as("row versions lost").isZero();
            assertThat(tally.duplicated()).as("row versions repeated: at most a batch in flight per kill")
                    .isLessThanOrEqualTo((long) kills * MAX_BATCH);
        }
    }

    /** Waits until about {@code records} more records are in the file, then kills the runtime. */
    private static void killAfterGrowth(FaultyPipeline pipeline, Path events, int records) throws Exception {
        long from = Files.exists(events) ? Files.size(events) : 0;
        long target = from + (long) records * RECORD_BYTES;
        Awaitility.await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(20))
                .until(() -> Files.exists(events) && Files.size(events) >= target);
        pipeline.kill();
    }
}
