package io.tributary.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.tributary.testkit.TestingKafka;
import io.tributary.testkit.TestingMariaDb;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Kafka broker under the runtime stops and comes back while changes stream, with exactly-once delivery. */
class KafkaFaultsIT {
    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    private static final String TOPIC = "broker.broker.items";

    @Test
    void aBrokerRestartWhileStreamingWithExactlyOnceLosesAndRepeatsNothing(@TempDir Path directory)
            throws Exception {
        try (TestingMariaDb mariaDb = TestingMariaDb.create();
                TestingKafka kafka = TestingKafka.create();
                VersionedRows rows = new VersionedRows(mariaDb, "broker", System.nanoTime());
                FaultyPipeline pipeline = new FaultyPipeline(directory, mariaDb, mariaDb.host(), "broker",
                        Map.of("sinks", "kafka", "sink.kafka.type", "kafka",
                                "sink.kafka.bootstrap.servers", kafka.bootstrapServers(),
                                "sink.kafka.exactly.once", "true"), List.of())) {
            rows.insert(1_000);
            pipeline.start();
            // every snapshot row delivered: the snapshot is over, so every later change is checkable
            Awaitility.await("the snapshot").atMost(TIMEOUT)
                    .until(() -> VersionedRows.newest(VersionedRows.topicValues(kafka, TOPIC)).size() >= 1_000);
            rows.start();
            Awaitility.await("changes stream").atMost(TIMEOUT)
                    .until(() -> VersionedRows.newest(VersionedRows.topicValues(kafka, TOPIC)).size() > 1_100);

            kafka.stopBroker();
            long atStop = rows.transactions();
            Awaitility.await("changes go on meanwhile").atMost(TIMEOUT).until(() -> rows.transactions() > atStop + 100);
            kafka.startBroker();
            long restarted = System.nanoTime();
            rows.stop();
            Map<Integer, Integer> committed = rows.committed();
            Awaitility.await("every change delivered").atMost(TIMEOUT)
                    .until(() -> VersionedRows.newest(VersionedRows.topicValues(kafka, TOPIC)).equals(committed));
            Duration recovery = Duration.ofNanos(System.nanoTime() - restarted);

            Tally tally = VersionedRows.tally(VersionedRows.topicValues(kafka, TOPIC), committed);
            FaultReport.record("Kafka broker stopped and restarted while streaming (exactly-once)", 1, tally,
                    recovery);
            assertThat(tally.lost()).as("row versions lost").isZero();
            assertThat(tally.duplicated()).as("row versions a read_committed consumer saw twice").isZero();
            assertThat(pipeline.isAlive()).isTrue();
        }
    }

    @Test
    void aStopAskedForWhileTheBrokerIsDownEndsTheRuntimeAndTheNextStartLosesNothing(@TempDir Path directory)
            throws Exception {
        try (TestingMariaDb mariaDb = TestingMariaDb.create();
                TestingKafka kafka = TestingKafka.create();
                VersionedRows rows = new VersionedRows(mariaDb, "outage", System.nanoTime());
                FaultyPipeline pipeline = new FaultyPipeline(directory, mariaDb, mariaDb.host(), "outage",
                        Map.of("sinks", "kafka", "sink.kafka.type", "kafka",
                                "sink.kafka.bootstrap.servers", kafka.bootstrapServers(),
                                "sink.kafka.exactly.once", "true"), List.of())) {
            String topic = "outage.outage.items";
            rows.insert(1_000);
            pipeline.start();
            Awaitility.await("the snapshot").atMost(TIMEOUT)
                    .until(() -> VersionedRows.newest(VersionedRows.topicValues(kafka, topic)).size() >= 1_000);
            rows.start();
            Awaitility.await("changes stream").atMost(TIMEOUT)
                    .until(() -> VersionedRows.newest(VersionedRows.topicValues(kafka, topic)).size() > 1_100);

            kafka.stopBroker();
            long atStop = rows.transactions();
            Awaitility.await("changes go on meanwhile").atMost(TIMEOUT).until(() -> rows.transactions() > atStop + 100);
            // SIGTERM with the sink unable to deliver: the batch in hand is abandoned after the shutdown timeout
            long asked = System.nanoTime();
            assertThat(pipeline.stopWithin(TIMEOUT)).as("the runtime ended after SIGTERM").isTrue();
            Duration stopping = Duration.ofNanos(System.nanoTime() - asked);

            kafka.startBroker();
            rows.stop();
            Map<Integer, Integer> committed = rows.committed();
            pipeline.start();
            Awaitility.await("every change delivered after the restart").atMost(TIMEOUT)
                    .until(() -> VersionedRows.newest(VersionedRows.topicValues(kafka, topic)).equals(committed));

            Tally tally = VersionedRows.tally(VersionedRows.topicValues(kafka, topic), committed);
            FaultReport.record("SIGTERM while the Kafka broker is down, then restarted (exactly-once); the stop took "
                    + stopping.toMillis() + " ms", 1, tally, stopping);
            assertThat(tally.lost()).as("row versions lost").isZero();
            assertThat(tally.duplicated()).as("row versions a read_committed consumer saw twice").isZero();
        }
    }
}
