package io.tributary.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import io.tributary.testkit.TestingBinlogServer;

/**
 * Debezium and Tributary capturing one database with the same configuration, each into its own {@link EventLog};
 * after {@link #close()}, {@link #compare()} checks that they wrote the same events.
 */
final class DifferentialRun implements AutoCloseable {
    private final EventLog debeziumLog;
    private final EventLog tributaryLog;
    private final DebeziumCapture debezium;
    private final TributaryCapture tributary;

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
     * Waits until Debezium has written nothing for three seconds and Tributary has written as many events; returns
     * how many that is.
     */
    int awaitBothQuiet(Duration timeout) {
        int events = debezium.awaitQuiet(Duration.ofSeconds(3), timeout);
        tributary.awaitEvents(events, timeout);
        return events;
    }

    /**
     * Waits until both captures went quiet having written as many events. Debezium, slower, may pause for seconds in
     * the middle of its snapshot on a loaded machine; it is waited for until it caught up with Tributary, and a
     * statement run next cannot overtake its snapshot.
     */
    void awaitAlike(Duration timeout) {
        int tributaryEvents = tributary.awaitQuiet(Duration.ofSeconds(1), timeout);
        debezium.awaitEvents(tributaryEvents, timeout);
        tributary.awaitEvents(debezium.awaitQuiet(Duration.ofSeconds(3), timeout), timeout);
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
