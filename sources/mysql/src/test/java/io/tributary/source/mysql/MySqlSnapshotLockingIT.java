package io.tributary.source.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tributary.api.ChangeRecord;
import io.tributary.api.SourceException;
import io.tributary.testkit.TestingMySql;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * snapshot.locking.mode on MySQL for a user like RDS's and Aurora's, who may take neither a global read lock nor
 * table locks: minimal says so clearly, none snapshots without any lock under concurrent writes and loses nothing.
 */
class MySqlSnapshotLockingIT {
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final int ROWS = 20_000;
    private static TestingMySql mySql;

    @BeforeAll
    static void startServer() {
        mySql = TestingMySql.create();
        mySql.execute("CREATE DATABASE rds", "CREATE TABLE rds.small (id INT PRIMARY KEY)",
                "INSERT INTO rds.small VALUES (1)");
    }

    @AfterAll
    static void stopServer() {
        mySql.close();
    }

    private static Map<String, String> rdsConfig(String database, String... overrides) {
        Map<String, String> config = SourceRunner.config(mySql, overrides);
        config.put("database.user", TestingMySql.RDS_USER);
        config.put("database.password", TestingMySql.RDS_PASSWORD);
        config.put("database.include.list", database);
        return config;
    }

    @Test
    void minimalLockingTellsAUserWithoutLockPrivilegesWhatToDo() throws InterruptedException {
        try (SourceRunner runner = SourceRunner.start(rdsConfig("rds"), Optional.empty())) {
            RuntimeException failure = runner.awaitFailure(TIMEOUT);

            assertThat(failure).isInstanceOf(SourceException.class)
                    .hasMessageContaining("user 'rds_cdc' may neither take a global read lock")
                    .hasMessageContaining("set snapshot.locking.mode=none")
                    .hasMessageContaining("GRANT LOCK TABLES ON *.* TO 'rds_cdc'");
            assertThat(((SourceException) failure).isRetriable()).isFalse();
        }
    }

    @Test
    void noLockingSnapshotsUnderConcurrentWritesAndLosesNothing() throws Exception {
        mySql.execute("CREATE DATABASE busy");
        VersionWriter.createTable(mySql, "busy.items", ROWS);
        VersionWriter writer = new VersionWriter(mySql, "busy.items", ROWS);
        writer.start();
        Map<Integer, List<Integer>> versions = new HashMap<>();
        Map<Integer, Boolean> snapshotted = new HashMap<>();
        try (SourceRunner runner = SourceRunner.start(rdsConfig("busy", "snapshot.locking.mode", "none",
                "snapshot.fetch.size", "1000"), Optional.empty())) {
            List<ChangeRecord> records = new ArrayList<>(runner.awaitRecords(ROWS, TIMEOUT));
            assertThat(records.get(0).offset()).containsKey("gtids");
            writer.stop();
            Map<Integer, Integer> expected = VersionWriter.versions(mySql, "busy.items");
            Map<Integer, Integer> captured = new HashMap<>();
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (!captured.equals(expected) && System.nanoTime() < deadline) {
                for (ChangeRecord record : records) {
                    apply(record, captured, versions, snapshotted);
                }
                records = runner.pollFor(Duration.ofMillis(500));
            }
            assertThat(captured).as("the captured state of every row").isEqualTo(expected);
        } finally {
            writer.stop();
        }
        // every update raises a version by one: streamed versions of a row follow each other without a gap, and
        // begin no later than one after the version the snapshot read (a transaction committed while the snapshot
        // started is both read and streamed, so streaming may begin before it)
        assertThat(versions.entrySet()).allSatisfy(row -> {
            List<Integer> seen = row.getValue();
            int first = snapshotted.containsKey(row.getKey()) ? 1 : 0;
            for (int i = first + 1; i < seen.size(); i++) {
                assertThat(seen.get(i)).as("versions of row %s: %s", row.getKey(), seen).isEqualTo(seen.get(i - 1) + 1);
            }
            if (first == 1 && seen.size() > 1) {
                assertThat(seen.get(1)).as("versions of row %s: %s", row.getKey(), seen)
                        .isLessThanOrEqualTo(seen.get(0) + 1);
            }
        });
    }

    /**
     * Applies a change event to the captured state (id to version), noting each version seen and which rows the
     * snapshot read.
     */
    private static void apply(ChangeRecord record, Map<Integer, Integer> state, Map<Integer, List<Integer>> seen,
            Map<Integer, Boolean> snapshotted) {
        if (record.value() == null) {
            return; // tombstone
        }
        Object[] value = (Object[]) record.value();
        int id = (Integer) ((Object[]) record.key())[0];
        if ("d".equals(value[4])) {
            state.remove(id);
            return;
        }
        int version = (Integer) ((Object[]) value[1])[1];
        if ("r".equals(value[4])) {
            snapshotted.put(id, true);
        }
        state.put(id, version);
        seen.computeIfAbsent(id, key -> new ArrayList<>()).add(version);
    }
}
