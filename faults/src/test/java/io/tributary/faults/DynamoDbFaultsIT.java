package io.tributary.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.tributary.testkit.FaultyDynamoDbProxy;
import io.tributary.testkit.TestingDynamoDb;
import io.tributary.testkit.TestingMariaDb;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The runtime writes into DynamoDB (Local) through a {@link FaultyDynamoDbProxy} while a workload changes the source
 * table: throttling bursts, DynamoDB cut off and restored, and SIGTERM while it is cut off. The DynamoDB sink keeps
 * each row's last state (upserts by key), so what is checked after each fault is the final table: equal to the
 * source table, row for row.
 */
class DynamoDbFaultsIT {
    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    private static final String DATABASE = "dynamo";
    private static final String TABLE = DATABASE + "." + DATABASE + ".items";
    /** Calls refused in a row per burst: fewer than the sink's retry budget (max.retries in a row, default 10). */
    private static final int THROTTLED_PER_BURST = 6;
    private static final int BURSTS = 3;
    private static final String UNREACHABLE = "could not be reached";
    /** About 50 transactions (300 row changes) a second: what DynamoDB Local behind the proxy keeps up with here. */
    private static final long WRITER_PAUSE_MS = 20;

    @Test
    void throttlingAnOutageAndAStopDuringTheOutageLoseNothing(@TempDir Path directory) throws Exception {
        try (TestingMariaDb mariaDb = TestingMariaDb.create();
                TestingDynamoDb dynamo = TestingDynamoDb.create();
                FaultyDynamoDbProxy proxy = FaultyDynamoDbProxy.create(dynamo.endpoint());
                DynamoDbClient client = dynamo.client();
                VersionedRows rows = new VersionedRows(mariaDb, DATABASE, System.nanoTime(), WRITER_PAUSE_MS);
                FaultyPipeline pipeline = new FaultyPipeline(directory, mariaDb, mariaDb.host(), DATABASE,
                        sinkProperties(proxy), List.of())) {
            rows.insert(1_000);
            pipeline.start();
            Awaitility.await("the snapshot is in DynamoDB").atMost(TIMEOUT).pollInterval(Duration.ofMillis(500))
                    .until(() -> items(client).size() >= 1_000 && pipeline.offsetPastSnapshot());
            streamAWhile(rows, client);

            for (int burst = 1; burst <= BURSTS; burst++) {
                int throttled = proxy.throttledCalls();
                proxy.throttle(THROTTLED_PER_BURST);
                proxy.returnUnprocessed(2);
                Awaitility.await("a burst of throttled calls").atMost(TIMEOUT)
                        .until(() -> proxy.throttledCalls() >= throttled + THROTTLED_PER_BURST);
                // the next burst once writes get through again: bursts, not one long refusal (max.retries in a row)
                int forwarded = proxy.forwardedWrites();
                Awaitility.await("writes get through").atMost(TIMEOUT).until(() -> proxy.forwardedWrites() > forwarded);
            }
            long started = System.nanoTime();
            rows.stop();
            converge("DynamoDB throttled: " + BURSTS + " bursts of " + THROTTLED_PER_BURST
                    + " calls refused (ProvisionedThroughputExceeded, Throttling), some partly unprocessed", BURSTS,
                    rows, client, started);

            rows.start();
            cutWhileWriting(proxy, rows, pipeline);
            proxy.restore();
            started = System.nanoTime();
            rows.stop();
            converge("DynamoDB unreachable (connections refused) while streaming, then restored", 1, rows, client,
                    started);
            assertThat(pipeline.isAlive()).as("the runtime rode out the outage").isTrue();

            rows.start();
            cutWhileWriting(proxy, rows, pipeline);
            rows.stop();
            long asked = System.nanoTime();
            assertThat(pipeline.stopWithin(Duration.ofSeconds(60))).as("the runtime ended after SIGTERM").isTrue();
            Duration stopping = Duration.ofNanos(System.nanoTime() - asked);
            System.out.println("DynamoDbFaultsIT: SIGTERM while DynamoDB was unreachable: the runtime stopped in "
                    + stopping.toMillis() + " ms (exit status " + pipeline.exitValue() + ")");
            proxy.restore();
            pipeline.start();
            started = System.nanoTime();
            converge("SIGTERM while DynamoDB is unreachable (the stop took " + stopping.toMillis() + " ms), restarted",
                    1, rows, client, started);

            assertThat(proxy.forwardedWrites()).as("writes that reached DynamoDB through the proxy")
                    .isGreaterThan(items(client).size());
        }
    }

    private static Map<String, String> sinkProperties(FaultyDynamoDbProxy proxy) {
        return Map.of("sinks", "dynamo",
                "sink.dynamo.type", "dynamodb",
                "sink.dynamo.aws.dynamodb.region", TestingDynamoDb.REGION.id(),
                "sink.dynamo.aws.dynamodb.endpoint", proxy.endpoint().toString(),
                "sink.dynamo.aws.access.key.id", TestingDynamoDb.CREDENTIALS.accessKeyId(),
                "sink.dynamo.aws.secret.access.key", TestingDynamoDb.CREDENTIALS.secretAccessKey(),
                "sink.dynamo.aws.dynamodb.pk.hash", "value.id",
                // first retry after 25-50 ms, doubling: ten retries span about a minute, longer than the outages here
                "sink.dynamo.retry.backoff.ms", "50");
    }

    /** Writes until the runtime delivered some of it (rows inserted after the snapshot are in DynamoDB). */
    private static void streamAWhile(VersionedRows rows, DynamoDbClient client) {
        rows.start();
        Awaitility.await("changes stream into DynamoDB").atMost(TIMEOUT).pollInterval(Duration.ofMillis(500))
                .until(() -> items(client).size() > 1_100);
    }

    /** Cuts DynamoDB off while the writer writes, until the runtime's sink has failed to reach it at least once. */
    private static void cutWhileWriting(FaultyDynamoDbProxy proxy, VersionedRows rows, FaultyPipeline pipeline)
            throws Exception {
        long failuresBefore = unreachable(pipeline);
        long from = rows.transactions();
        proxy.cut();
        Awaitility.await("the sink finds DynamoDB unreachable while changes go on").atMost(TIMEOUT)
                .until(() -> rows.transactions() > from + 100 && unreachable(pipeline) > failuresBefore);
    }

    private static long unreachable(FaultyPipeline pipeline) throws Exception {
        String output = pipeline.output();
        return (output.length() - output.replace(UNREACHABLE, "").length()) / UNREACHABLE.length();
    }

    /** Waits until the DynamoDB table equals the source table; records the figures. */
    private static void converge(String fault, int injected, VersionedRows rows, DynamoDbClient client,
            long recoveryStartNanos) {
        Map<Integer, Integer> committed = rows.committed();
        Awaitility.await("the DynamoDB table equals the source table").atMost(TIMEOUT)
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(items(client)).as("DynamoDB's (id, version) by id")
                        .isEqualTo(committed));
        Duration recovery = Duration.ofNanos(System.nanoTime() - recoveryStartNanos);
        FaultReport.recordFinalTable(fault, injected, committed.size(), 0, recovery);
    }

    private static Map<Integer, Integer> items(DynamoDbClient client) {
        return VersionedRows.items(client, TABLE);
    }
}
