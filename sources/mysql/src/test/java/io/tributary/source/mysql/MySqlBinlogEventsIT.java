package io.tributary.source.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
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
 * MySQL binlog events beyond the plain ones: compressed transactions (binlog_transaction_compression=ON) read as
 * the same changes uncompressed, and an event that may carry changes the reader cannot read stops capture.
 */
class MySqlBinlogEventsIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String COLUMNS = "(id INT PRIMARY KEY, name VARCHAR(40), price DECIMAL(10,2), "
            + "made DATETIME(3), doc JSON, data BLOB)";
    private static TestingMySql mySql;

    @BeforeAll
    static void startServer() {
        mySql = TestingMySql.builder().serverArgument("--binlog-transaction-compression=ON").start();
        mySql.execute("CREATE DATABASE events");
    }

    @AfterAll
    static void stopServer() {
        mySql.close();
    }

    @Test
    void anIdleConnectionHearsTheServersHeartbeats() throws InterruptedException {
        // heartbeat records flow while nothing is written only if the server sends heartbeat events, which is also
        // what keeps connect.keep.alive from taking an idle connection for a silent one
        try (SourceRunner runner = SourceRunner.start(SourceRunner.config(mySql, "database.include.list", "events",
                "snapshot.mode", "no_data", "heartbeat.interval.ms", "300", "connect.keep.alive.interval.ms",
                "60000"), Optional.empty())) {
            List<ChangeRecord> records = runner.awaitRecords(3, TIMEOUT);
            assertThat(records).extracting(ChangeRecord::topic).containsOnly("__debezium-heartbeat.test");
        }
    }

    @Test
    void compressedTransactionsCarryTheSameChangesAsPlainOnes() throws InterruptedException {
        mySql.execute("CREATE TABLE events.compressed " + COLUMNS, "CREATE TABLE events.plain " + COLUMNS);
        try (SourceRunner runner = SourceRunner.start(SourceRunner.config(mySql, "database.include.list", "events",
                "snapshot.mode", "no_data"), Optional.empty())) {
            runner.pollFor(Duration.ofMillis(500));
            mySql.execute(changes("events.compressed", "ON"));
            mySql.execute(changes("events.plain", "OFF"));

            List<ChangeRecord> records = runner.awaitRecords(14, TIMEOUT);
            assertThat(mySql.query("SHOW BINLOG EVENTS")).extracting(row -> row.get("Event_type"))
                    .contains("Transaction_payload");
            List<ChangeRecord> compressed = records.stream()
                    .filter(record -> record.topic().equals("test.events.compressed")).toList();
            List<ChangeRecord> plain = records.stream().filter(record -> record.topic().equals("test.events.plain"))
                    .toList();
            assertThat(compressed).as("six changes and a delete's tombstone").hasSize(7);
            assertThat(compressed).extracting(MySqlBinlogEventsIT::change)
                    .containsExactlyElementsOf(plain.stream().map(MySqlBinlogEventsIT::change).toList());
        }
    }

    @Test
    void aRestartWithinACompressedTransactionSkipsWhatWasDelivered() throws InterruptedException {
        mySql.execute("CREATE TABLE events.resumed (id INT PRIMARY KEY)");
        Map<String, ?> offset;
        try (SourceRunner runner = SourceRunner.start(SourceRunner.config(mySql, "database.include.list", "events",
                "table.include.list", "events\\.resumed", "snapshot.mode", "no_data"), Optional.empty())) {
            runner.pollFor(Duration.ofMillis(500));
            mySql.execute("START TRANSACTION", "INSERT INTO events.resumed VALUES (1)",
                    "INSERT INTO events.resumed VALUES (2), (3)", "INSERT INTO events.resumed VALUES (4)", "COMMIT");
            offset = runner.awaitRecords(4, TIMEOUT).get(1).offset();
        }
        try (SourceRunner runner = SourceRunner.start(SourceRunner.config(mySql, "database.include.list", "events",
                "table.include.list", "events\\.resumed"), Optional.of(offset))) {
            List<ChangeRecord> records = runner.awaitRecords(2, TIMEOUT);
            assertThat(runner.pollFor(Duration.ofSeconds(1))).isEmpty();
            assertThat(records).extracting(record -> ((Object[]) record.key())[0]).containsExactly(3, 4);
        }
    }

    @Test
    void partialJsonUpdatesStopCaptureWithAClearError() throws InterruptedException {
        mySql.execute("CREATE TABLE events.partial (id INT PRIMARY KEY, doc JSON)",
                "INSERT INTO events.partial VALUES (1, '{\"a\": 1, \"b\": \"long enough to update in place\"}')");
        try (SourceRunner runner = SourceRunner.start(SourceRunner.config(mySql, "database.include.list", "events",
                "table.include.list", "events\\.partial", "snapshot.mode", "no_data"), Optional.empty())) {
            runner.pollFor(Duration.ofMillis(500));
            mySql.execute("SET SESSION binlog_row_value_options = 'PARTIAL_JSON'; "
                    + "UPDATE events.partial SET doc = JSON_SET(doc, '$.a', 2) WHERE id = 1");

            RuntimeException failure = runner.awaitFailure(TIMEOUT);
            assertThat(failure).isInstanceOf(SourceException.class)
                    .hasMessageContaining("partial JSON")
                    .hasMessageContaining("binlog_row_value_options")
                    .hasMessageContaining("capture stopped there");
            assertThat(((SourceException) failure).isRetriable()).isFalse();
        }
    }

    @Test
    void aTaggedGtidStopsCaptureWithAClearError() throws InterruptedException {
        // a server of its own: once a tagged GTID is in its executed set, no capture can start there
        try (TestingMySql tagged = TestingMySql.create()) {
            tagged.execute("CREATE DATABASE tags", "CREATE TABLE tags.t (id INT PRIMARY KEY)");
            try (SourceRunner runner = SourceRunner.start(SourceRunner.config(tagged, "snapshot.mode", "no_data"),
                    Optional.empty())) {
                runner.pollFor(Duration.ofMillis(500));
                tagged.execute("SET gtid_next = 'AUTOMATIC:nightly'", "INSERT INTO tags.t VALUES (1)");

                RuntimeException failure = runner.awaitFailure(TIMEOUT);
                assertThat(failure).isInstanceOf(SourceException.class)
                        .hasMessageContaining("holds a transaction with a tagged GTID (uuid:tag:number");
            }
            try (SourceRunner runner = SourceRunner.start(SourceRunner.config(tagged, "snapshot.mode", "no_data"),
                    Optional.empty())) {
                assertThat(runner.awaitFailure(TIMEOUT)).hasMessageContaining("holds tagged GTIDs");
            }
        }
    }

    /** A transaction of inserts, updates and deletes, compressed in the binlog or not. */
    private static String changes(String table, String compression) {
        return String.join("; ",
                "SET SESSION binlog_transaction_compression = " + compression,
                "START TRANSACTION",
                "INSERT INTO " + table + " VALUES (1, 'one', 1.50, '2024-02-29 12:34:56.789', '{\"k\": [1, 2.5, "
                        + "\"x\", null, true]}', x'00ff10'), (2, 'two', NULL, NULL, NULL, NULL)",
                "UPDATE " + table + " SET name = 'uno', doc = JSON_OBJECT('n', 1) WHERE id = 1",
                "INSERT INTO " + table + " VALUES (3, REPEAT('z', 40), -99999999.99, '1970-01-01 00:00:00', "
                        + "'[]', REPEAT('b', 300))",
                "DELETE FROM " + table + " WHERE id = 2",
                "UPDATE " + table + " SET price = price + 1 WHERE id = 3",
                "COMMIT");
    }

    /** A change as consumers see it, without the source block (positions and table differ) and times. */
    private static List<Object> change(ChangeRecord record) {
        if (record.isTombstone()) {
            return List.of(Arrays.deepToString(new Object[] {record.key()}), "tombstone");
        }
        Object[] value = (Object[]) record.value();
        return List.of(Arrays.deepToString(new Object[] {record.key()}), Arrays.deepToString(
                new Object[] {value[0], value[1]}), value[4]);
    }
}
