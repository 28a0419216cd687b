package io.tributary.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import io.tributary.testkit.TestingBinlogServer;
import org.awaitility.Awaitility;

/**
 * Debezium and Tributary capturing one database with the same configuration, each into its own {@link EventLog};
 * after {@link #close()}, {@link #compare()} checks that they wrote the same events.
 */
final class DifferentialRun implements AutoCloseable {
    private static final Duration QUIET = Duration.ofSeconds(3);

    private final EventLog debeziumLog;
    private final EventLog tributaryLog;
    private final DebeziumCapture debezium;
    private final TributaryCapture tributary;
    /** How many events both captures had written at the last {@link #awaitBothQuiet}. */
    private int agreed;

    private DifferentialRun(TestingBinlogServer server, String name, boolean schemas,
            Map<String, String> debeziumConfig, Map<String, String> tributaryConfig) {
        debeziumLog = new EventLog(name + "-debezium");
        tributaryLog = new EventLog(name + "-tributary");
        debezium = DebeziumCapture.start(server, "diff", schemas, debeziumConfig, debeziumLog);
        tributary = TributaryCapture.start(server, "diff", schemas, tributaryConfig, tributaryLog);
    }

    /** Starts both captures with topic prefix {@code diff}; the logs are named after {@code name}. */
    static DifferentialRun start(TestingBinlogServer server, String name, boolean schemas, Map<String, String> config) {
        return new DifferentialRun(server, name, schemas, config, config);
    }

    /**
     * Starts both captures with topic prefix {@code diff}, each with its own configuration: for a behaviour the two
     * spell differently.
     */
    static DifferentialRun start(TestingBinlogServer server, String name, boolean schemas,
            Map<String, String> debeziumConfig, Map<String, String> tributaryConfig) {
        return new DifferentialRun(server, name, schemas, debeziumConfig, tributaryConfig);
    }

    DebeziumCapture debezium() {
        return debezium;
    }

    TributaryCapture tributary() {
        return tributary;
    }

    EventLog debeziumLog() {
        return debeziumLog;
    }

    EventLog tributaryLog() {
        return tributaryLog;
    }

    /**
     * Waits until both captures have written the same number of events, more than at the last such wait, and nothing
     * more for three seconds; returns how many that is. Neither a slow start nor a pause in the middle of a snapshot
     * (Debezium may stop for seconds on a loaded machine) ends the wait early: the two counts must agree.
     */
    int awaitBothQuiet(Duration timeout) {
        int[] last = {-1, -1};
        long[] since = {System.nanoTime()};
        Awaitility.await("Debezium and Tributary to agree on more than " + agreed + " events and go quiet")
                .atMost(timeout).pollInterval(Duration.ofMillis(100)).until(() -> {
                    failIfEitherFailed();
                    int debeziumEvents = debeziumLog.size();
                    int tributaryEvents = tributaryLog.size();
                    if (debeziumEvents != last[0] || tributaryEvents != last[1]) {
                        last[0] = debeziumEvents;
                        last[1] = tributaryEvents;
                        since[0] = System.nanoTime();
                    }
                    return debeziumEvents == tributaryEvents && debeziumEvents > agreed
                            && System.nanoTime() - since[0] >= QUIET.toNanos();
                });
        agreed = debeziumLog.size();
        return agreed;
    }

    /** The same wait as {@link #awaitBothQuiet}, for suites that read better saying both captures are alike. */
    void awaitAlike(Duration timeout) {
        awaitBothQuiet(timeout);
    }

    private void failIfEitherFailed() {
        for (Capture capture : new Capture[] {debezium, tributary}) {
            if (capture.failure() != null) {
                throw new AssertionError("a capture failed", capture.failure());
            }
        }
    }

    /** Waits until both have written at least {@code events} events. */
    void awaitBoth(int events, Duration timeout) {
        debezium.awaitEvents(events, timeout);
        tributary.awaitEvents(events, timeout);
    }

    /** Checks that both wrote exactly these numbers of events to these topics. */
    void assertEventsPerTopic(Map<String, Integer> expected) {
        for (Map.Entry<String, Integer> topic : expected.entrySet()) {
            assertThat(debeziumLog.size(topic.getKey())).as("Debezium's events on %s", topic.getKey())
                    .isEqualTo(topic.getValue());
            assertThat(tributaryLog.size(topic.getKey())).as("Tributary's events on %s", topic.getKey())
                    .isEqualTo(topic.getValue());
        }
    }

    /** Compares the two logs; call after {@link #close()}. */
    void compare() throws IOException {
        DifferentialReport.compare(debeziumLog, tributaryLog);
    }

    @Override
    public void close() throws IOException {
        try {
            debezium.close();
        } finally {
            tributary.close();
            // written out even when a wait failed, so that what each side captured can be read
            debeziumLog.close();
            tributaryLog.close();
        }
    }
}
