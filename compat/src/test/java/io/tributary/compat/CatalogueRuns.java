package io.tributary.compat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.tributary.testkit.TestingBinlogServer;

/**
 * Runs of the type catalogue ({@code types.sql} and {@code types-<server>.sql}, then {@code types-changes.sql} and
 * {@code types-changes-<server>.sql}) captured by Debezium and by Tributary from one server, for the catalogue's
 * differential tests. Each server's subclass says which server.
 */
abstract class CatalogueRuns {
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    abstract TestServer server();

    /** Snapshot, then the changes script; compares everything each connector wrote once Debezium went quiet. */
    int compareUntilQuiet(String name, Map<String, String> config,
            String... moreStatements) throws Exception {
        DifferentialRun run = captureUntilQuiet(name, config, List.of(), moreStatements);
        run.compare();
        return run.debeziumLog().size();
    }

    /**
     * The catalogue, then {@code setup}, snapshotted; then the changes script and {@code moreStatements}, captured
     * until Debezium went quiet and Tributary wrote as many events. Returns the closed run, not yet compared.
     */
    DifferentialRun captureUntilQuiet(String name, Map<String, String> config,
            List<String> setup, String... moreStatements) throws Exception {
        try (TestingBinlogServer database = server().startPermissive()) {
            server().runScripts(database, "types");
            database.execute(setup.toArray(String[]::new));
            DifferentialRun run = DifferentialRun.start(database, name, config);
            try (run) {
                run.awaitAlike(TIMEOUT);
                server().runScripts(database, "types-changes");
                database.execute(moreStatements);
                run.awaitAlike(TIMEOUT);
            }
            return run;
        }
    }
}
