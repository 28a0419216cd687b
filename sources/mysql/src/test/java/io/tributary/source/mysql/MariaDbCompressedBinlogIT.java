package io.tributary.source.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tributary.api.ChangeRecord;
import io.tributary.api.EventSchema;
import io.tributary.testkit.TestingMariaDb;
import org.junit.jupiter.api.Test;

/**
 * A MariaDB server that compresses its binlog events ({@code log_bin_compress=ON}, here from 10 bytes on): statements
 * and rows are read as from an uncompressed binlog. Debezium 3.5 skips such events without a word (their changes are
 * lost), so this is not a differential test; the events are checked against the statements that wrote them, and the
 * binlog is checked to hold compressed events of every kind.
 */
class MariaDbCompressedBinlogIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void compressedStatementsAndRowsAreCapturedAsWritten() throws InterruptedException {
        try (TestingMariaDb mariaDb = TestingMariaDb.builder().serverArgument("--log-bin-compress=ON")
                .serverArgument("--log-bin-compress-min-len=10").start()) {
            mariaDb.execute("CREATE DATABASE shop", "CREATE TABLE shop.notes (id INT PRIMARY KEY, body TEXT, n INT)",
                    "INSERT INTO shop.notes VALUES (0, 'seed', 0)");
            try (SourceRunner runner = SourceRunner.start(SourceRunner.config(mariaDb, "include.schema.changes",
                    "true", "database.include.list", "shop"), Optional.empty())) {
                runner.awaitRecords(record -> record.topic().equals("test.shop.notes"), 1, TIMEOUT);
                String create = "CREATE TABLE shop.more (id INT PRIMARY KEY, v VARCHAR(100))";
                String alter = "ALTER TABLE shop.notes ADD COLUMN tag VARCHAR(20) DEFAULT 'compressed'";
                mariaDb.execute(create,
                        "INSERT INTO shop.more VALUES (1, REPEAT('m', 50))",
                        "INSERT INTO shop.notes VALUES (1, REPEAT('a', 2000), 1), (2, 'short', 2)",
                        "UPDATE shop.notes SET body = REPEAT('b', 3000), n = 3 WHERE id = 2",
                        "DELETE FROM shop.notes WHERE id = 1",
                        alter,
                        "INSERT INTO shop.notes (id, body) VALUES (3, REPEAT('c', 500))");

                List<ChangeRecord> rows = runner.awaitRecords(record -> record.topic().equals("test.shop.notes"), 7,
                        TIMEOUT);
                assertThat(rows).extracting(MariaDbCompressedBinlogIT::change).containsExactly(
                        "r null {id=0, body=seed, n=0}",
                        "c null {id=1, body=a×2000, n=1}",
                        "c null {id=2, body=short, n=2}",
                        "u {id=2, body=short, n=2} {id=2, body=b×3000, n=3}",
                        "d {id=1, body=a×2000, n=1} null",
                        "tombstone",
                        "c null {id=3, body=c×500, n=null, tag=compressed}");
                assertThat(runner.awaitRecords(record -> record.topic().equals("test.shop.more"), 1, TIMEOUT))
                        .extracting(MariaDbCompressedBinlogIT::change).containsExactly("c null {id=1, v=m×50}");
                assertThat(runner.awaitRecords(record -> record.topic().equals("test"), 1, TIMEOUT))
                        .extracting(record -> field(record, "ddl")).contains(create, alter);
            }
            assertThat(mariaDb.query("SHOW BINLOG EVENTS")).extracting(event -> event.get("Event_type"))
                    .contains("Query_compressed", "Write_rows_compressed_v1", "Update_rows_compressed_v1",
                            "Delete_rows_compressed_v1");
        }
    }

    /** {@code op before after}, each row as its fields, a long run of one letter as {@code letter×count}. */
    private static String change(ChangeRecord record) {
        if (record.isTombstone()) {
            return "tombstone";
        }
        return field(record, "op") + " " + row(record, "before") + " " + row(record, "after");
    }

    private static Map<String, Object> row(ChangeRecord record, String name) {
        Object[] row = (Object[]) field(record, name);
        if (row == null) {
            return null;
        }
        EventSchema schema = record.valueSchema().fields().get(index(record, name)).schema();
        Map<String, Object> values = new LinkedHashMap<>();
        schema.fields().forEach(field -> values.put(field.name(), runs(row[field.index()])));
        return values;
    }

    private static Object runs(Object value) {
        if (value instanceof String text && text.length() > 20 && text.chars().distinct().count() == 1) {
            return text.charAt(0) + "×" + text.length();
        }
        return value;
    }

    private static Object field(ChangeRecord record, String name) {
        return ((Object[]) record.value())[index(record, name)];
    }

    private static int index(ChangeRecord record, String name) {
        return record.valueSchema().fields().stream().filter(field -> field.name().equals(name)).findFirst()
                .orElseThrow().index();
    }
}
