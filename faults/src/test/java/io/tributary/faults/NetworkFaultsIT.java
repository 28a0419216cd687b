package io.tributary.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.tributary.testkit.TestingMariaDb;
import io.tributary.testkit.TestingNetwork;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime on a test host of its own (a network namespace), the database on this one, the link between them cut
 * while changes stream: packets are dropped without a word, so only the keep-alive can tell the connection is gone.
 */
class NetworkFaultsIT {
    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    @Test
    void aSilentCutWhileStreamingIsDetectedAndRecoveredWithNothingLost(@TempDir Path directory) throws Exception {
        long seed = System.nanoTime();
        System.out.println("NetworkFaultsIT seed " + seed);
        try (TestingNetwork network = TestingNetwork.create();
                TestingMariaDb mariaDb = TestingMariaDb.builder()
                        .serverArgument("--bind-address=127.0.0.1," + network.hostAddress()).start();
                VersionedRows rows = new VersionedRows(mariaDb, "cut", seed);
                FaultyPipeline pipeline = new FaultyPipeline(directory, mariaDb, network.hostAddress(), "cut",
                        Map.of("connect.keep.alive.interval.ms", "3000", "connect.timeout.ms", "2000"),
                        network.launcher())) {
            rows.insert(100);
            pipeline.start();
            Path events = pipeline.events("cut");
            Awaitility.await("the snapshot").atMost(TIMEOUT).until(() -> VersionedRows.delivered(events).size() >= 100);
            rows.start();
            long before = rows.transactions();
            Awaitility.await("changes stream").atMost(TIMEOUT)
                    .until(() -> VersionedRows.delivered(events).size() > 100 + 30);

            network.cut();
            long atCut = rows.transactions();
            Awaitility.await("the runtime notices the silence").atMost(TIMEOUT)
                    .until(() -> pipeline.output().contains("retry 1 in"));
            Awaitility.await("changes go on meanwhile").atMost(TIMEOUT).until(() -> rows.transactions() > atCut + 50);
            network.restore();
            long restored = System.nanoTime();
            rows.stop();
            Map<Integer, Integer> committed = rows.committed();
            Awaitility.await("every change delivered").atMost(TIMEOUT)
                    .until(() -> VersionedRows.delivered(events).equals(committed));
            Duration recovery = Duration.ofNanos(System.nanoTime() - restored);

            Tally tally = VersionedRows.tally(events, committed);
            FaultReport.record("network cut while streaming (keep-alive 3 s)", 1, tally, recovery);
            assertThat(rows.transactions()).isGreaterThan(before);
            assertThat(tally.lost()).as("row versions lost").isZero();
            assertThat(tally.duplicated()).as("row versions delivered twice").isZero();
            assertThat(pipeline.isAlive()).isTrue();
        }
    }
}
