package io.tributary.compat;

import java.io.IOException;
import java.util.Map;

import io.tributary.testkit.TestingMariaDb;

/**
 * Debezium and Tributary capturing one database with the same configuration, each into its own {@link EventLog};
 * after {@link #close()}, {@link #compare()} checks that they wrote the same events.
 */
final class DifferentialRun implements AutoCloseable {
    private final EventLog debeziumLog;
    private final EventLog tributaryLog;
    private final DebeziumCapture debezium;
    private final TributaryCapture tributary;

    private DifferentialRun(TestingMariaDb mariaDb, String name, boolean schemas, Map<String, String> config) {
        debeziumLog = new EventLog(name + "-debezium");
        tributaryLog = new EventLog(name + "-tributary");
        debezium = DebeziumCapture.start(mariaDb, "diff", schemas, config, debeziumLog);
        tributary = TributaryCapture.start(mariaDb, "diff", schemas, config, tributaryLog);
    }

    /** Starts both captures with topic prefix {@code diff}; the logs are named after {@code name}. */
    static DifferentialRun start(TestingMariaDb mariaDb, String name, boolean schemas, Map<String, String> config) {
        return new DifferentialRun(mariaDb, name, schemas, config);
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
