package io.tributary.source.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.tributary.api.ChangeRecord;
import io.tributary.testkit.TestingBinlogServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What each snapshot.mode reads, and the progress a snapshot reports; run against each server by a subclass
 * ({@link MariaDbSnapshotModesIT}, {@link MySqlSnapshotModesIT}) that starts it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SnapshotModesIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private TestingBinlogServer server;

    /** A server ready for CDC, with GTIDs on. */
    abstract TestingBinlogServer startServer();

    /** Asserts that an offset's GTID text counts the transaction {@code gtid} as completed. */
    abstract void assertCompleted(TestingBinlogServer server, String offsetGtids, String gtid);

    @BeforeAll
    void startAndFillServer() {
        server = startServer();
        server.execute("CREATE DATABASE shop",
                "CREATE TABLE shop.items (id INT PRIMARY KEY, name VARCHAR(20))",
                "INSERT INTO shop.items SELECT n, CONCAT('item ', n) FROM " + TestingBinlogServer.integers(2500),
                "CREATE TABLE shop.log (line VARCHAR(20))",
                "INSERT INTO shop.log VALUES ('first'), ('second')");
    }

    @AfterAll
    void stopServer() {
        server.close();
    }

    @Test
    void initialReadsEveryRowInKeyChunksThenStreams() throws InterruptedException {
        try (SourceRunner runner = SourceRunner.start(SourceRunner.config(server, "database.include.list", "shop",
                "snapshot.fetch.size", "300"), Optional.empty())) {
            List<ChangeRecord> snapshot = runner.awaitRecords(2502, TIMEOUT);

            assertThat(snapshot).extracting(ChangeRecord::topic).containsOnly("test.shop.items", "test.shop.log");
            assertThat(snapshot.stream().filter(record -> record.topic().equals("test.shop.items"))
                    .map(record -> (Integer) ((Object[]) record.key())[0]).toList())
                    .isSorted().hasSize(2500).doesNotHaveDuplicates();
            assertThat(snapshot.stream().filter(record -> record.topic().equals("test.shop.log")))
                    .allSatisfy(record -> assertThat(record.key()).as("a table without primary key").isNull());
            assertThat(runner.source().snapshotCompleted()).isTrue();
            assertThat(runner.source().snapshotProgress()).containsEntry("shop.items",
                    new io.tributary.api.TableProgress(2500, estimated("items"), true));

            server.execute("INSERT INTO shop.items VALUES (9001, 'streamed')");
            assertThat(runner.awaitRecords(2503, TIMEOUT).get(2502).key()).isEqualTo(new Object[] {9001});
        } finally {
            server.execute("DELETE FROM shop.items WHERE id = 9001");
        }
    }

    @Test
    void noDataStreamsOnlyNewChanges() throws InterruptedException {
        try (SourceRunner runner = SourceRunner.start(SourceRunner.config(server, "database.include.list", "shop",
                "snapshot.mode", "no_data"), Optional.empty())) {
            runner.awaitStreaming(TIMEOUT);
            server.execute("UPDATE shop.log SET line = 'third' WHERE line = 'first'");

            List<ChangeRecord> records = runner.awaitRecords(1, TIMEOUT);
            assertThat(records).singleElement().extracting(record -> ((Object[]) record.value())[4]).isEqualTo("u");
            String gtid = (String) ((Object[]) ((Object[]) records.get(0).value())[2])[11];
            server.execute("UPDATE shop.log SET line = 'first' WHERE line = 'third'");
            // the offset of the next transaction's event counts the one before it as completed
            assertCompleted(server, (String) runner.awaitRecords(2, TIMEOUT).get(1).offset().get("gtids"), gtid);
        }
    }

    @Test
    void initialOnlyStopsAfterTheSnapshot() throws InterruptedException {
        try (SourceRunner runner = SourceRunner.start(SourceRunner.config(server, "database.include.list", "shop",
                "table.include.list", "shop\\.log", "snapshot.mode", "initial_only"), Optional.empty())) {
            assertThat(runner.awaitRecords(2, TIMEOUT)).extracting(ChangeRecord::topic).containsOnly("test.shop.log");
            server.execute("INSERT INTO shop.log VALUES ('not captured')");

            assertThat(runner.pollFor(Duration.ofSeconds(2))).isEmpty();
        } finally {
            server.execute("DELETE FROM shop.log WHERE line = 'not captured'");
        }
    }

    private long estimated(String table) {
        return ((Number) server.query("SELECT TABLE_ROWS FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'shop' "
                + "AND TABLE_NAME = '" + table + "'").get(0).get("TABLE_ROWS")).longValue();
    }
}
