package io.tributary.compat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

import io.tributary.testkit.TestingBinlogServer;

/**
 * Runs of the type catalogue ({@code types.sql} and {@code types-<server>.sql}, then {@code types-changes.sql} and
 * {@code types-changes-<server>.sql}) captured by Debezium and by Tributary from one server, for the catalogue's
 * differential tests. Each server's subclass says which server. The runs of {@link #compareUntilQuiet} share one
 * server per test class (each makes the catalogue again), which saves a server's start per run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CatalogueRuns {
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private TestingBinlogServer shared;

    abstract TestServer server();

    @AfterAll
    void stopSharedServer() throws Exception {
        if (shared != null) {
            shared.close();
        }
    }

    /**
     * Snapshot, then the changes script, on the class's shared server; compares everything each connector wrote once
     * Debezium went quiet. Returns how many events Debezium wrote.
     */
    int compareUntilQuiet(String name, Map<String, String> config,
            String... moreStatements) throws Exception {
        if (shared == null) {
            shared = server().startPermissive();
        }
        DifferentialRun run = captureUntilQuiet(shared, name, config, List.of(), moreStatements);
        run.compare();
        return run.debeziumLog().size();
    }

    /**
     * The catalogue, then {@code setup}, snapshotted; then the changes script and {@code moreStatements}, captured
     * until Debezium went quiet and Tributary wrote as many events, on a server of the run's own. Returns the closed
     * run, not yet compared.
     */
    DifferentialRun captureUntilQuiet(String name, Map<String, String> config,
            List<String> setup, String... moreStatements) throws Exception {
        try (TestingBinlogServer database = server().startPermissive()) {
            return captureUntilQuiet(database, name, config, setup, moreStatements);
        }
    }

    /**
     * The same run on {@code database}, a server other runs may have used: the {@code catalog} database is dropped
     * and made again first, so a run sees only its own catalogue (runs that read the binlog from its start, as
     * {@code snapshot.mode=never} does, and runs that change the server's settings need a server of their own).
     */
    DifferentialRun captureUntilQuiet(TestingBinlogServer database, String name, Map<String, String> config,
            List<String> setup, String... moreStatements) throws Exception {
        database.execute("DROP DATABASE IF EXISTS catalog");
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
