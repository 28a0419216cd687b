package io.tributary.compat;

import java.time.Duration;
import java.util.Map;

import io.tributary.testkit.OrdersWorkload;
import io.tributary.testkit.TestingBinlogServer;
import org.junit.jupiter.api.Test;

/**
 * A snapshot of 5,000 rows, then 1,000 transactions of 70 inserts, 20 updates and 10 deletes (100,000 row
 * events), captured by Debezium and by Tributary from one server: every event equal, in order. A subclass per
 * server starts it: {@link MariaDbWorkloadDifferentialIT} here (Debezium 3.5), {@code MySqlWorkloadDifferentialIT}
 * in compat-mysql (Debezium 3.6).
 */
abstract class WorkloadDifferentialIT {
    private static final int SNAPSHOT_ROWS = 5_000;
    private static final int TRANSACTIONS = 1_000;
    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    abstract TestingBinlogServer startServer();

    @Test
    void hundredThousandRowEventsEqualDebeziums() throws Exception {
        try (TestingBinlogServer server = startServer()) {
            OrdersWorkload workload = new OrdersWorkload(server, "shop");
            workload.load(SNAPSHOT_ROWS);
            Map<String, String> config = Map.of("database.include.list", "shop", "include.schema.changes", "false");
            DifferentialRun run = DifferentialRun.start(server, "workload", config);
            try (run) {
                DebeziumCapture debezium = run.debezium();
                TributaryCapture tributary = run.tributary();
                debezium.awaitEvents(SNAPSHOT_ROWS, TIMEOUT);
                tributary.awaitEvents(SNAPSHOT_ROWS, TIMEOUT);

                workload.run(TRANSACTIONS);
                // 70 creates, 20 updates, 10 deletes each followed by a tombstone
                int expected = SNAPSHOT_ROWS + TRANSACTIONS * (70 + 20 + 10 * 2);
                debezium.awaitEvents(expected, TIMEOUT);
                tributary.awaitEvents(expected, TIMEOUT);
            }
            run.compare();
        }
    }
}
