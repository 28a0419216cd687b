package io.tributary.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.tributary.connect.DynamoDbSinkConnector;
import io.tributary.connect.MySqlSourceConnector;
import io.tributary.testkit.ConnectRestException;
import io.tributary.testkit.ConnectorStatus;
import io.tributary.testkit.TestingConnectWorker;
import io.tributary.testkit.TestingDynamoDb;
import io.tributary.testkit.TestingKafka;
import io.tributary.testkit.TestingMariaDb;
import io.tributary.testkit.TestkitException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.common.IsolationLevel;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Tributary's connectors on a Kafka Connect cluster of three workers, each in a JVM of its own: the source with
 * Connect's exactly-once source support (KIP-618) into Kafka, and the DynamoDB sink out of it, while a workload
 * changes rows. Workers are bounced four times, as Kafka's system tests bounce them for KIP-618
 * ({@code connect_distributed_test.py}, {@code test_exactly_once_source}): the source task's worker and then the sink
 * task's, each once politely (SIGTERM) and once with SIGKILL, each started again once its tasks run on the surviving
 * workers. A {@code read_committed} consumer of the change topic must see every committed row version exactly once,
 * and the DynamoDB table must end equal to the source table.
 */
class ConnectClusterFaultsIT {
    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    private static final String DATABASE = "eos";
    private static final String TOPIC = DATABASE + "." + DATABASE + ".items";
    private static final String SOURCE = "eos-source";
    private static final String SINK = "eos-dynamodb";
    private static final int WORKERS = 3;
    private static final int SNAPSHOT_ROWS = 500;
    /** About 10 transactions (30 inserts, 30 updates) a second: a few thousand rows over the run. */
    private static final long WRITER_PAUSE_MS = 100;
    private static final List<Bounce> BOUNCES = List.of(new Bounce(SOURCE, Signal.SIGTERM),
            new Bounce(SOURCE, Signal.SIGKILL), new Bounce(SINK, Signal.SIGTERM), new Bounce(SINK, Signal.SIGKILL));

    private enum Signal {
        SIGTERM, SIGKILL
    }

    /** The worker running {@code connector}'s task stopped with {@code signal}. */
    private record Bounce(String connector, Signal signal) {
    }

    /**
     * What a bounce took: the worker that runs the source task after it, and the time from the stop until every change
     * committed before it was in the topic and in DynamoDB.
     */
    private record Recovery(String sourceWorker, Duration topic, Duration table) {
    }

    @Test
    void bouncedWorkersLoseAndRepeatNoChange() throws Exception {
        try (TestingMariaDb mariaDb = TestingMariaDb.create();
                TestingKafka kafka = TestingKafka.create();
                TestingDynamoDb dynamo = TestingDynamoDb.create();
                DynamoDbClient client = dynamo.client();
                VersionedRows rows = new VersionedRows(mariaDb, DATABASE, System.nanoTime(), WRITER_PAUSE_MS);
                ConnectCluster cluster = ConnectCluster.start(DATABASE, kafka, WORKERS,
                        Map.of("exactly.once.source.support", "enabled"))) {
            rows.insert(SNAPSHOT_ROWS);
            cluster.rest().putConnector(SOURCE, sourceConfig(mariaDb));
            cluster.rest().putConnector(SINK, sinkConfig(dynamo));
            await("the snapshot").until(() -> inTopic(kafka).size() >= SNAPSHOT_ROWS);
            rows.start();
            // changes streamed past the snapshot: the committed offset is the binlog's, so a bounce resumes there
            await("changes stream").until(() -> inTopic(kafka).size() > SNAPSHOT_ROWS + 30);

            List<String> sourceWorkers = new ArrayList<>(List.of(taskWorker(cluster, SOURCE)));
            Duration topicRecovery = Duration.ZERO;
            Duration tableRecovery = Duration.ZERO;
            for (Bounce bounce : BOUNCES) {
                Recovery recovery = bounce(bounce, cluster, rows, kafka, client);
                sourceWorkers.add(recovery.sourceWorker());
                topicRecovery = max(topicRecovery, recovery.topic());
                tableRecovery = max(tableRecovery, recovery.table());
            }
            awaitRunningOnLiveWorkers(cluster, "");
            rows.stop();
            Map<Integer, Integer> committed = rows.committed();
            await("every change in the topic").until(() -> inTopic(kafka).equals(committed));
            await("the DynamoDB table equals the source table")
                    .untilAsserted(() -> assertThat(VersionedRows.items(client, TOPIC))
                            .as("DynamoDB's (id, version) by id").isEqualTo(committed));

            Tally tally = VersionedRows.tally(VersionedRows.topicValues(kafka, TOPIC), committed);
            Tally uncommitted = VersionedRows.tally(
                    VersionedRows.topicValues(kafka, TOPIC, IsolationLevel.READ_UNCOMMITTED), committed);
            FaultReport.record("Kafka Connect, " + WORKERS + " workers in JVMs of their own, exactly-once source "
                    + "(KIP-618): the source task's worker and then the sink task's bounced, each by SIGTERM and by "
                    + "kill -9, restarted once its tasks had moved (a read_uncommitted consumer saw "
                    + uncommitted.duplicated() + " repeats)", BOUNCES.size(), tally, topicRecovery);
            FaultReport.recordFinalTable("the same bounces: Kafka Connect's DynamoDB sink", BOUNCES.size(),
                    committed.size(), 0, tableRecovery);
            assertThat(tally.lost()).as("row versions lost").isZero();
            assertThat(tally.duplicated()).as("row versions a read_committed consumer saw twice").isZero();
            assertThat(new HashSet<>(sourceWorkers)).as("the source task's workers, first and after each bounce")
                    .hasSizeGreaterThan(1);
            assertThat(transactionalIds(kafka)).as("the transactional producers (KIP-618: <group>-<connector>-<task>)")
                    .contains(cluster.groupId() + "-" + SOURCE + "-0");
            assertThat(cluster.workers()).allMatch(TestingConnectWorker::isRunning);
        }
    }

    /**
     * Stops the worker that runs {@code bounce.connector()}'s task, waits until both connectors' tasks run on the
     * other workers and every change committed before the stop is in the topic and in DynamoDB, and starts the worker
     * again.
     */
    private static Recovery bounce(Bounce bounce, ConnectCluster cluster, VersionedRows rows, TestingKafka kafka,
            DynamoDbClient client) {
        awaitRunningOnLiveWorkers(cluster, "");
        TestingConnectWorker victim = cluster.running(taskWorker(cluster, bounce.connector())).orElseThrow();
        String sourceWorker = taskWorker(cluster, SOURCE);
        String sinkWorker = taskWorker(cluster, SINK);
        stop(victim, bounce.signal());
        long down = System.nanoTime();
        Map<Integer, Integer> committed = rows.committed();

        awaitRunningOnLiveWorkers(cluster, victim.workerId());
        System.out.printf("ConnectClusterFaultsIT: %s of %s (%s's task): source task on %s -> %s, sink task on %s -> "
                + "%s%n", bounce.signal(), victim.workerId(), bounce.connector(), sourceWorker,
                taskWorker(cluster, SOURCE), sinkWorker, taskWorker(cluster, SINK));
        assertThat(taskWorker(cluster, bounce.connector()))
                .as("the worker of %s's task after %s of %s", bounce.connector(), bounce.signal(), victim.workerId())
                .isNotEqualTo(victim.workerId())
                .matches(worker -> cluster.running(worker).isPresent(), "a running worker");
        Recovery recovery = new Recovery(taskWorker(cluster, SOURCE),
                timeUntil(down, "the changes committed before the bounce in the topic",
                        () -> includes(inTopic(kafka), committed)),
                timeUntil(down, "the changes committed before the bounce in DynamoDB",
                        () -> includes(VersionedRows.items(client, TOPIC), committed)));
        victim.start();
        return recovery;
    }

    private static Map<String, String> sourceConfig(TestingMariaDb mariaDb) {
        Map<String, String> config = new HashMap<>(converters());
        config.put("connector.class", MySqlSourceConnector.class.getName());
        config.put("tasks.max", "1");
        config.put("database.hostname", mariaDb.host());
        config.put("database.port", String.valueOf(mariaDb.port()));
        config.put("database.user", TestingMariaDb.CDC_USER);
        config.put("database.password", TestingMariaDb.CDC_PASSWORD);
        config.put("topic.prefix", DATABASE);
        config.put("database.include.list", DATABASE);
        config.put("include.schema.changes", "false");
        config.put("errors.max.retries", "-1");
        config.put("errors.retry.delay.max.ms", "1000");
        // KIP-618: the worker starts the connector only if it declares exactly-once support; a transaction per poll()
        config.put("exactly.once.support", "required");
        config.put("transaction.boundary", "poll");
        return config;
    }

    private static Map<String, String> sinkConfig(TestingDynamoDb dynamo) {
        Map<String, String> config = new HashMap<>(converters());
        config.put("connector.class", DynamoDbSinkConnector.class.getName());
        config.put("tasks.max", "1");
        config.put("topics", TOPIC);
        config.put("aws.dynamodb.region", TestingDynamoDb.REGION.id());
        config.put("aws.dynamodb.endpoint", dynamo.endpoint().toString());
        config.put("aws.access.key.id", TestingDynamoDb.CREDENTIALS.accessKeyId());
        config.put("aws.secret.access.key", TestingDynamoDb.CREDENTIALS.secretAccessKey());
        config.put("aws.dynamodb.pk.hash", "value.id");
        // the records of a transaction that a bounced source task left open are no rows the database committed
        config.put("consumer.override.isolation.level", "read_committed");
        // a killed sink task's consumer holds the partition until its session ends: 10 s rather than the default 45 s
        config.put("consumer.override.session.timeout.ms", "10000");
        return config;
    }

    /** Schemaless JSON keys and values, as VersionedRows reads them. */
    private static Map<String, String> converters() {
        return Map.of("key.converter", "org.apache.kafka.connect.json.JsonConverter",
                "key.converter.schemas.enable", "false",
                "value.converter", "org.apache.kafka.connect.json.JsonConverter",
                "value.converter.schemas.enable", "false");
    }

    private static void stop(TestingConnectWorker worker, Signal signal) {
        switch (signal) {
            case SIGTERM -> worker.stop();
            case SIGKILL -> worker.kill();
        }
    }

    /** Each row's newest version in the change topic, as a {@code read_committed} consumer sees it. */
    private static Map<Integer, Integer> inTopic(TestingKafka kafka) {
        return VersionedRows.newest(VersionedRows.topicValues(kafka, TOPIC));
    }

    /** The worker that runs the connector's task, as the cluster's status says. */
    private static String taskWorker(ConnectCluster cluster, String connector) {
        return cluster.rest().connectorStatus(connector).tasks().get(0).workerId();
    }

    /**
     * Waits until both connectors and their tasks are RUNNING, each on a running worker other than {@code notOn}
     * (after a SIGKILL, the status names the dead worker until its tasks are reassigned).
     */
    private static void awaitRunningOnLiveWorkers(ConnectCluster cluster, String notOn) {
        await("both connectors running on live workers" + (notOn.isEmpty() ? "" : ", none on " + notOn))
                .ignoreExceptionsMatching(e -> e instanceof ConnectRestException || e instanceof TestkitException)
                .until(() -> runsOnLiveWorkers(cluster, SOURCE, notOn) && runsOnLiveWorkers(cluster, SINK, notOn));
    }

    /** Whether the connector and its task run on live workers other than {@code notOn}; fails once one has FAILED. */
    private static boolean runsOnLiveWorkers(ConnectCluster cluster, String connector, String notOn) {
        ConnectorStatus status = cluster.rest().connectorStatus(connector);
        boolean failed = "FAILED".equals(status.state())
                || status.tasks().stream().anyMatch(task -> "FAILED".equals(task.state()));
        if (failed) {
            throw new AssertionError(connector + " failed (Connect does not restart it): " + status);
        }
        List<String> workers = new ArrayList<>(List.of(status.workerId()));
        status.tasks().forEach(task -> workers.add(task.workerId()));
        return status.isRunning(1)
                && workers.stream().allMatch(worker -> !worker.equals(notOn) && cluster.running(worker).isPresent());
    }

    /** Whether every row has reached at least its version in {@code committed}. */
    private static boolean includes(Map<Integer, Integer> delivered, Map<Integer, Integer> committed) {
        return committed.entrySet().stream()
                .allMatch(row -> delivered.getOrDefault(row.getKey(), -1) >= row.getValue());
    }

    /** Waits for {@code condition}; the time from {@code sinceNanos} until it held. */
    private static Duration timeUntil(long sinceNanos, String what, Callable<Boolean> condition) {
        await(what).until(condition);
        return Duration.ofNanos(System.nanoTime() - sinceNanos);
    }

    private static Duration max(Duration left, Duration right) {
        return left.compareTo(right) >= 0 ? left : right;
    }

    private static List<String> transactionalIds(TestingKafka kafka) throws Exception {
        try (Admin admin = kafka.admin()) {
            return admin.listTransactions().all().get().stream().map(TransactionListing::transactionalId).toList();
        }
    }

    private static ConditionFactory await(String what) {
        return Awaitility.await(what).atMost(TIMEOUT).pollInterval(Duration.ofMillis(500));
    }
}
