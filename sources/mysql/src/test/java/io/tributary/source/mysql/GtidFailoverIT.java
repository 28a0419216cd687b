package io.tributary.source.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tributary.api.ChangeRecord;
import io.tributary.testkit.TestingMariaDb;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Offsets carry the GTID state, so capture resumes on a replica after a failover without loss or repetition. */
class GtidFailoverIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void captureContinuesOnTheReplicaFromTheStoredGtidSet() throws InterruptedException {
        try (TestingMariaDb primary = TestingMariaDb.builder().serverId(1).start();
                TestingMariaDb replica = TestingMariaDb.builder().serverId(2)
                        .serverArgument("--log-slave-updates=ON").start()) {
            // the replica's binlog files are named differently: file and position mean nothing there
            replica.execute("FLUSH BINARY LOGS", "FLUSH BINARY LOGS");
            replica.execute("CHANGE MASTER TO MASTER_HOST='" + primary.host() + "', MASTER_PORT=" + primary.port()
                    + ", MASTER_USER='" + TestingMariaDb.ADMIN_USER + "', MASTER_PASSWORD='"
                    + TestingMariaDb.ADMIN_PASSWORD + "', MASTER_USE_GTID=slave_pos", "START SLAVE");
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
            assertThat(replica.query("SHOW MASTER STATUS").get(0).get("File")).isNotEqualTo(offset.get("file"));
            primary.close();

            try (SourceRunner runner = SourceRunner.start(SourceRunner.config(replica), Optional.of(offset))) {
                List<ChangeRecord> records = runner.awaitRecords(3, TIMEOUT);
                assertThat(runner.pollFor(Duration.ofSeconds(1))).isEmpty();

                assertThat(records).extracting(GtidFailoverIT::op).containsExactly("c", "d", null);
                assertThat(records).extracting(ChangeRecord::key).extracting(key -> ((Object[]) key)[0])
                        .containsExactly(4, 2, 2);
            }
        }
    }

    private static Object op(ChangeRecord record) {
        return record.value() == null ? null : ((Object[]) record.value())[4];
    }
}
