package io.tributary.compat;

import java.time.Duration;
import java.util.Map;

import io.tributary.testkit.OrdersWorkload;
import io.tributary.testkit.TestingMySql;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code database.ssl.mode} in a differential run on MySQL: Debezium 3.6.1 and Tributary read as an account that may
 * only connect over TLS ({@code REQUIRE SSL}), so both encrypt every connection (JDBC and binlog), and write the
 * same events: a snapshot of 500 rows, then 50 transactions.
 */
class MySqlTlsDifferentialIT {
    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    @ParameterizedTest(name = "database.ssl.mode={0}")
    @ValueSource(strings = {"required", "preferred"})
    void eventsOverTlsEqualDebeziums(String mode) throws Exception {
        try (TestingMySql mySql = TestingMySql.create()) {
            mySql.execute("SET sql_log_bin = 0",
                    "CREATE USER 'tls_cdc'@'%' IDENTIFIED BY 'tls-secret' REQUIRE SSL",
                    "GRANT " + TestingMySql.CDC_PRIVILEGES + " ON *.* TO 'tls_cdc'@'%'",
                    "SET sql_log_bin = 1");
            OrdersWorkload workload = new OrdersWorkload(mySql, "shop");
            workload.load(500);
            Map<String, String> config = Map.of("database.include.list", "shop", "include.schema.changes", "false",
                    "database.user", "tls_cdc", "database.password", "tls-secret", "database.ssl.mode", mode);
            DifferentialRun run = DifferentialRun.start(mySql, "tls-" + mode, config);
            try (run) {
                run.awaitBoth(500, TIMEOUT);
                workload.run(50);
                run.awaitBoth(500 + 50 * (70 + 20 + 10 * 2), TIMEOUT);
            }
            run.compare();
        }
    }
}
