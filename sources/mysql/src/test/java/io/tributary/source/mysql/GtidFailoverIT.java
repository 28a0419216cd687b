package io.tributary.source.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tributary.api.ChangeRecord;
import io.tributary.testkit.TestingBinlogServer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Offsets carry the GTID state, so capture resumes on a replica after a failover without loss or repetition, and
 * again from an offset whose GTIDs come from both servers. Run against each server by a subclass.
 */
abstract class GtidFailoverIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** A server ready for CDC with GTIDs, whose binlog logs what it replicates. */
    abstract TestingBinlogServer startServer(int serverId);

    /** Asserts what an offset's GTID text says once both servers have written transactions. */
    abstract void assertGtidsOfBothServers(String gtids);

    @Test
    void captureContinuesOnTheReplicaFromTheStoredGtidSet() throws InterruptedException {
        try (TestingBinlogServer primary = startServer(1); TestingBinlogServer replica = startServer(2)) {
            // the replica's binlog files are named differently: file and position mean nothing there
            replica.execute("FLUSH BINARY LOGS", "FLUSH BINARY LOGS");
            replica.replicateFrom(primary);
            primary.execute("CREATE DATABASE shop", "CREATE TABLE shop.items (id INT PRIMARY KEY, name VARCHAR(20))",
                    "INSERT INTO shop.items VALUES (1, 'one'), (2, 'two')");

            Map<String, ?> offset;
            try (SourceRunner runner = SourceRunner.start(SourceRunner.config(primary), Optional.empty())) {
                runner.awaitRecords(2, TIMEOUT);
                primary.execute("INSERT INTO shop.items VALUES (3, 'three')", "UPDATE shop.items SET name = 'uno' "
                        + "WHERE id = 1");
                runner.awaitRecords(4, TIMEOUT);
                offset = runner.lastOffset();
            }
            assertThat(offset).containsKey("gtids");
            primary.execute("INSERT INTO shop.items VALUES (4, 'four')", "DELETE FROM shop.items WHERE id = 2");
            Awaitility.await().atMost(TIMEOUT).until(() -> replica.query("SELECT id FROM shop.items").size() == 3);
            assertThat(replica.binlogStatus().get("File")).isNotEqualTo(offset.get("file"));
            primary.close();

            try (SourceRunner runner = SourceRunner.start(SourceRunner.config(replica), Optional.of(offset))) {
                List<ChangeRecord> records = runner.awaitRecords(3, TIMEOUT);
                assertThat(runner.pollFor(Duration.ofSeconds(1))).isEmpty();

                assertThat(records).extracting(GtidFailoverIT::op).containsExactly("c", "d", null);
                assertThat(records).extracting(GtidFailoverIT::id).containsExactly(4, 2, 2);
                replica.execute("INSERT INTO shop.items VALUES (5, 'five')", "INSERT INTO shop.items VALUES (6, 'six')");
                runner.awaitRecords(5, TIMEOUT);
                offset = runner.lastOffset();
            }
            assertGtidsOfBothServers((String) offset.get("gtids"));

            try (SourceRunner runner = SourceRunner.start(SourceRunner.config(replica), Optional.of(offset))) {
                replica.execute("UPDATE shop.items SET name = 'cinq' WHERE id = 5");
                List<ChangeRecord> records = runner.awaitRecords(1, TIMEOUT);
                assertThat(runner.pollFor(Duration.ofSeconds(1))).isEmpty();
                assertThat(records).extracting(GtidFailoverIT::op).containsExactly("u");
            }
        }
    }

    private static Object op(ChangeRecord record) {
        return record.value() == null ? null : ((Object[]) record.value())[4];
    }

    private static Object id(ChangeRecord record) {
        return ((Object[]) record.key())[0];
    }
}
