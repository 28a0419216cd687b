package io.tributary.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import io.tributary.testkit.TestingBinlogServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Values at the edges, where Debezium's own conversions show: zero and partly zero dates, two-digit years, dates
 * before the Gregorian calendar, TIMESTAMP(n) text, FLOAT(M,D) and REAL, ENUM and SET members holding commas,
 * quotes and backslashes, and column defaults of every kind (CURRENT_TIMESTAMP, hex, unsigned and large integers,
 * expressions) — snapshotted, then inserted, updated and deleted while streaming, on a server in UTC and in
 * +05:30, captured by Debezium and by Tributary: the events must be the same, in the same order. Columns of types
 * only one server has are in {@code edges-<server>.sql}; a subclass per server runs it
 * ({@link MariaDbEdgeValuesDifferentialIT}, {@code MySqlEdgeValuesDifferentialIT} in compat-mysql).
 */
abstract class EdgeValuesDifferentialIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    abstract TestServer server();

    @ParameterizedTest(name = "server time zone {0}")
    @ValueSource(strings = {"+00:00", "+05:30"})
    void edgeValuesEqualDebeziums(String timeZone) throws Exception {
        try (TestingBinlogServer database = server().startPermissive("--default-time-zone=" + timeZone)) {
            server().runScripts(database, "edges");
            Map<String, String> config = Map.of("database.include.list", "edges", "include.schema.changes", "true");
            String name = "edges-tz" + timeZone.replace(":", "");
            DifferentialRun run = DifferentialRun.start(database, name, config);
            try (run) {
                run.awaitBothQuiet(TIMEOUT);

                server().runScripts(database, "edges-changes");
                run.awaitBothQuiet(TIMEOUT);
                // snapshot reads and streamed changes of every table arrived, not only schema changes
                assertThat(run.debeziumLog().size("diff.edges.temporals")).isEqualTo(7 + 7 + 1 + 1 + 2);
                assertThat(run.debeziumLog().size("diff.edges.floats")).isEqualTo(4 + 4 + 1);
                assertThat(run.debeziumLog().size("diff.edges.enums")).isEqualTo(6 + 6 + 1);
                assertThat(run.debeziumLog().size("diff.edges.defaults")).isEqualTo(2 + 2 + 2);
            }
            run.compare();
        }
    }
}
