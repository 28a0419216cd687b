package io.tributary.source.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tributary.api.ChangeRecord;
import io.tributary.testkit.TestingMySql;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * MySQL binlog events beyond the plain ones: compressed transactions (binlog_transaction_compression=ON) read as
 * the same changes uncompressed, partial JSON updates (binlog_row_value_options=PARTIAL_JSON) as the same whole rows
 * a full log gives, tagged GTIDs (MySQL 8.3+) captured and resumed from, and an event that may carry changes the reader cannot read stops capture.
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

    /**
     * Without GTIDs a restart goes by file and position: a heartbeat's offset after the server moved to a new binlog
     * file must be a position in that file (it was the old file's last transaction's, which the new file may not have).
     */
    @Test
    void aHeartbeatAfterABinlogRotationResumesInTheNewFile() throws InterruptedException {
        try (TestingMySql server = TestingMySql.builder().gtids(false).start()) {
            server.execute("CREATE DATABASE rot", "CREATE TABLE rot.t (id INT PRIMARY KEY)");
            Map<String, String> config = SourceRunner.config(server, "database.include.list", "rot",
                    "snapshot.mode", "no_data", "heartbeat.interval.ms", "100");
            Map<String, ?> heartbeat;
            try (SourceRunner runner = SourceRunner.start(config, Optional.empty())) {
                server.execute("INSERT INTO rot.t VALUES (1)");
                runner.awaitRecords(1, TIMEOUT);
                server.execute("FLUSH BINARY LOGS");
                String rotated = String.valueOf(server.binlogStatus().get("File"));
                heartbeat = awaitHeartbeatIn(runner, rotated);
            }
            server.execute("INSERT INTO rot.t VALUES (2)");
            try (SourceRunner runner = SourceRunner.start(config, Optional.of(heartbeat))) {
                List<ChangeRecord> records = runner.awaitRecords(1, TIMEOUT);
                assertThat(records.stream().filter(record -> record.topic().equals("test.rot.t")).toList())
                        .extracting(record -> ((Object[]) record.key())[0]).containsExactly(2);
            }
        }
    }

    /** The offset of the first heartbeat record whose offset names {@code file}. */
    private static Map<String, ?> awaitHeartbeatIn(SourceRunner runner, String file) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            for (ChangeRecord record : runner.pollFor(Duration.ofMillis(200))) {
                if (record.topic().startsWith("__debezium-heartbeat") && file.equals(record.offset().get("file"))) {
                    return record.offset();
                }
            }
        }
        throw new AssertionError("no heartbeat in " + file + " within " + TIMEOUT);
    }

    @Test
    void compressedTransactionsCarryTheSameChangesAsPlainOnes() throws InterruptedException {
        mySql.execute("CREATE TABLE events.compressed " + COLUMNS, "CREATE TABLE events.plain " + COLUMNS);
        try (SourceRunner runner = SourceRunner.start(SourceRunner.config(mySql, "database.include.list", "events",
                "snapshot.mode", "no_data"), Optional.empty())) {
            runner.awaitStreaming(TIMEOUT);
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
            runner.awaitStreaming(TIMEOUT);
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
    void partialJsonUpdatesCarryTheWholeNewDocumentAsFullUpdatesDo() throws InterruptedException {
        String document = "'{\"a\": 1, \"b\": \"long enough to update in place\", \"list\": [1, 2, 3, {\"x\": null}], "
                + "\"nested\": {\"k\": \"v\", \"n\": 1.25e10}}'";
        mySql.execute("CREATE TABLE events.partial (id INT PRIMARY KEY, doc JSON, other JSON)",
                "INSERT INTO events.partial VALUES (1, " + document + ", '[1]'), (2, " + document + ", '[1]')");
        List<String> updates = List.of(
                "doc = JSON_SET(doc, '$.a', 2)",
                "doc = JSON_REPLACE(doc, '$.b', 'short')",
                "doc = JSON_SET(doc, '$.new', 'added', '$.list[1]', 20, '$.aa', JSON_ARRAY(true, false))",
                "doc = JSON_REMOVE(doc, '$.list[0]')",
                "doc = JSON_SET(doc, '$.list[10]', 'appended', '$.list[last]', 'last one')",
                "doc = JSON_SET(doc, '$.nested.\"key with space\"', JSON_OBJECT('deep', 1.5))",
                "doc = JSON_REMOVE(doc, '$.nested.k'), other = JSON_SET(other, '$[0]', 'x')",
                "doc = JSON_SET(doc, '$.a', CAST('2024-05-06 07:08:09.123' AS DATETIME(3)), '$.list[0]', 12.5)",
                "doc = JSON_ARRAY_APPEND(doc, '$.list', 4)",
                "doc = JSON_SET(doc, '$', JSON_ARRAY(1, 'root'))",
                "doc = JSON_REPLACE(doc, '$[last]', 'end'), other = NULL");
        try (SourceRunner runner = SourceRunner.start(SourceRunner.config(mySql, "database.include.list", "events",
                "table.include.list", "events\\.partial", "snapshot.mode", "no_data"), Optional.empty())) {
            runner.awaitStreaming(TIMEOUT);
            mySql.execute(updatesOf(1, "'PARTIAL_JSON'", updates));
            mySql.execute(updatesOf(2, "''", updates));

            List<ChangeRecord> records = runner.awaitRecords(2 * updates.size(), TIMEOUT);
            assertThat(mySql.query("SHOW BINLOG EVENTS")).extracting(row -> row.get("Event_type"))
                    .as("the server logged partial JSON updates").contains("Update_rows_partial");
            List<String> partial = imagesOf(records, 1);
            assertThat(partial).hasSize(updates.size());
            assertThat(partial).as("each update as a whole-row log of the same update has it")
                    .containsExactlyElementsOf(imagesOf(records, 2));
            assertThat(partial.get(0)).containsPattern("\"a\": ?2[,}]").contains("long enough to update in place");
        }
    }

    /** One session's updates of a row, logged with the given binlog_row_value_options (an SQL literal). */
    private static String updatesOf(int id, String valueOptions, List<String> updates) {
        return "SET SESSION binlog_row_value_options = " + valueOptions + "; " + String.join("; ", updates.stream()
                        .map(update -> "UPDATE events.partial SET " + update + " WHERE id = " + id).toList());
    }

    /** The before and after images of one row's updates, without the key, in order. */
    private static List<String> imagesOf(List<ChangeRecord> records, int id) {
        return records.stream().filter(record -> ((Object[]) record.key())[0].equals(id)).map(record -> {
            Object[] value = (Object[]) record.value();
            Object[] before = ((Object[]) value[0]).clone();
            Object[] after = ((Object[]) value[1]).clone();
            before[0] = null;
            after[0] = null;
            return Arrays.deepToString(new Object[] {before, after});
        }).toList();
    }

    @Test
    void taggedGtidsAreCapturedAndCaptureResumesFromASetHoldingThem() throws InterruptedException {
        // a server of its own: tagged GTIDs stay in its executed set for good
        try (TestingMySql tagged = TestingMySql.create()) {
            tagged.execute("CREATE DATABASE tags", "CREATE TABLE tags.t (id INT PRIMARY KEY)",
                    "SET gtid_next = 'AUTOMATIC:nightly'", "INSERT INTO tags.t VALUES (1)",
                    "SET gtid_next = 'AUTOMATIC'");
            String uuid = (String) tagged.query("SELECT @@server_uuid AS uuid").get(0).get("uuid");
            Map<String, ?> offset;
            try (SourceRunner runner = SourceRunner.start(SourceRunner.config(tagged, "database.include.list",
                    "tags"), Optional.empty())) {
                assertThat(runner.awaitRecords(1, TIMEOUT)).extracting(MySqlBinlogEventsIT::gtid).containsOnlyNulls();
                tagged.execute("SET gtid_next = 'AUTOMATIC:nightly'", "INSERT INTO tags.t VALUES (2)",
                        "SET gtid_next = '" + uuid + ":batch_2:7'", "INSERT INTO tags.t VALUES (3)",
                        "SET gtid_next = 'AUTOMATIC'", "INSERT INTO tags.t VALUES (4)");

                List<ChangeRecord> records = runner.awaitRecords(4, TIMEOUT);
                assertThat(records.subList(1, 4)).extracting(MySqlBinlogEventsIT::gtid)
                        .containsExactly(uuid + ":nightly:2", uuid + ":batch_2:7", uuid + ":3");
                offset = runner.lastOffset();
            }
            // the last row's offset: the transactions before its own, tags and all (spelt as Debezium's offsets
            // spell them, by the binlog client's GtidSet)
            String gtids = (String) offset.get("gtids");
            assertThat(gtids).contains(":nightly:1-2", ":batch_2:7");
            assertThat(tagged.query("SELECT GTID_SUBTRACT(@@GLOBAL.gtid_executed, '" + gtids + "') AS missing, "
                    + "GTID_SUBTRACT('" + gtids + "', @@GLOBAL.gtid_executed) AS extra").get(0))
                    .containsEntry("missing", uuid + ":3").containsEntry("extra", "");

            // written while capture is down: resumed by the GTID set with its tags, nothing lost or repeated
            tagged.execute("SET gtid_next = 'AUTOMATIC:nightly'", "INSERT INTO tags.t VALUES (5)",
                    "SET gtid_next = 'AUTOMATIC'", "INSERT INTO tags.t VALUES (6)");
            try (SourceRunner runner = SourceRunner.start(SourceRunner.config(tagged, "database.include.list",
                    "tags"), Optional.of(offset))) {
                runner.awaitRecords(2, TIMEOUT);
                tagged.execute("SET gtid_next = 'AUTOMATIC:batch_2'", "INSERT INTO tags.t VALUES (7)");
                List<ChangeRecord> records = runner.awaitRecords(3, TIMEOUT);
                assertThat(runner.pollFor(Duration.ofMillis(500))).isEmpty();
                // an automatic number is the lowest the tag has not used: batch_2 used only 7
                assertThat(records).extracting(MySqlBinlogEventsIT::gtid)
                        .containsExactly(uuid + ":nightly:3", uuid + ":4", uuid + ":batch_2:1");
                assertThat(records).extracting(record -> ((Object[]) record.key())[0]).containsExactly(5, 6, 7);
                assertThat(records).extracting(MySqlBinlogEventsIT::gtid).doesNotHaveDuplicates();
            }
        }
    }

    private static String gtid(ChangeRecord record) {
        return (String) ((Object[]) ((Object[]) record.value())[2])[11];
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
