package io.tributary.source.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tributary.api.ChangeRecord;
import io.tributary.api.EventSchema;
import io.tributary.api.SourceException;
import io.tributary.testkit.BinlogSettings;
import io.tributary.testkit.TestingBinlogServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rows read after their table changed again (a restart behind a DDL statement, or streaming from an old position):
 * decoded with their own layout when the binlog carries it, refused with advice when it does not. Run against each
 * server by a subclass.
 */
abstract class OlderTableLayoutsIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** A server ready for CDC whose binlog is as {@code binlog} says. */
    abstract TestingBinlogServer startServer(BinlogSettings binlog);

    @Test
    void rowsWrittenBeforeLaterDdlKeepTheirOwnColumns() throws InterruptedException {
        try (TestingBinlogServer server = startServer(BinlogSettings.cdcReady())) {
            server.execute("CREATE DATABASE shop",
                    "CREATE TABLE shop.items (id INT PRIMARY KEY, a VARCHAR(10) DEFAULT 'x', qty INT NOT NULL)",
                    "CREATE TABLE shop.gone (id INT PRIMARY KEY, note TEXT)");
            Map<String, ?> before = position(server);
            // every change is in the binlog before the source reads any of it
            server.execute("INSERT INTO shop.items VALUES (1, 'old', 2)",
                    "ALTER TABLE shop.items CHANGE a renamed VARCHAR(10) DEFAULT 'x'",
                    "INSERT INTO shop.items VALUES (2, 'new', 3)",
                    "ALTER TABLE shop.items DROP COLUMN qty, MODIFY id BIGINT",
                    "INSERT INTO shop.items VALUES (3, 'now')",
                    "INSERT INTO shop.gone VALUES (7, 'bye')",
                    "DROP TABLE shop.gone");

            try (SourceRunner runner = SourceRunner.start(SourceRunner.config(server, "snapshot.mode", "never"),
                    Optional.of(before))) {
                List<ChangeRecord> records = runner.awaitRecords(4, TIMEOUT);

                assertThat(records).extracting(ChangeRecord::topic).containsExactly("test.shop.items",
                        "test.shop.items", "test.shop.items", "test.shop.gone");
                assertThat(records).extracting(OlderTableLayoutsIT::after).containsExactly(
                        Map.of("id", 1, "a", "old", "qty", 2),
                        Map.of("id", 2, "renamed", "new", "qty", 3),
                        Map.of("id", 3L, "renamed", "now"),
                        Map.of("id", 7, "note", "bye"));
                // defaults are not in the binlog: a column that still exists with the same type keeps its own
                assertThat(field(records.get(1), "renamed").defaultValue()).contains("x");
                assertThat(field(records.get(0), "a").defaultValue()).isEmpty();
                assertThat(field(records.get(1), "qty").optional()).isFalse();
            }
        }
    }

    @Test
    void withoutFullRowMetadataOlderRowsAreRefusedNotMisread() throws InterruptedException {
        BinlogSettings minimal = BinlogSettings.cdcReady().withRowMetadata(BinlogSettings.RowMetadata.MINIMAL);
        try (TestingBinlogServer server = startServer(minimal)) {
            server.execute("CREATE DATABASE shop", "CREATE TABLE shop.items (id INT PRIMARY KEY, a VARCHAR(10))");
            Map<String, ?> before = position(server);
            server.execute("INSERT INTO shop.items VALUES (1, 'old')", "ALTER TABLE shop.items DROP COLUMN a");

            try (SourceRunner runner = SourceRunner.start(SourceRunner.config(server, "snapshot.mode", "never"),
                    Optional.of(before))) {
                assertThat(runner.awaitFailure(TIMEOUT)).isInstanceOf(SourceException.class)
                        .hasMessageContaining("table shop.items has 2 columns in the binlog but columns [id] now")
                        .hasMessageContaining("Set binlog_row_metadata=FULL")
                        .hasMessageContaining("take a new snapshot");
            }
        }
    }

    @Test
    void aRestartBehindDdlThatRanWhileStoppedDecodesOlderRowsFromTheSchemaHistory(@TempDir Path state)
            throws InterruptedException {
        BinlogSettings minimal = BinlogSettings.cdcReady().withRowMetadata(BinlogSettings.RowMetadata.MINIMAL);
        try (TestingBinlogServer server = startServer(minimal)) {
            server.execute("CREATE DATABASE shop",
                    "CREATE TABLE shop.items (id INT PRIMARY KEY, a VARCHAR(10) DEFAULT 'x')",
                    "INSERT INTO shop.items VALUES (1, 'one')");
            Map<String, String> config = SourceRunner.config(server, "tributary.schema.history.file",
                    state.resolve("history.jsonl").toString());
            Map<String, ?> stopped;
            try (SourceRunner runner = SourceRunner.start(config, Optional.empty())) {
                runner.awaitRecords(1, TIMEOUT);
                server.execute("ALTER TABLE shop.items MODIFY a VARCHAR(20) DEFAULT 'y'",
                        "INSERT INTO shop.items VALUES (2, 'two')");
                runner.awaitRecords(2, TIMEOUT);
                stopped = runner.lastOffset();
            }
            // while capture is stopped: a row under the old layout, then a statement that changes it
            server.execute("INSERT INTO shop.items VALUES (3, 'old')",
                    "ALTER TABLE shop.items DROP COLUMN a, ADD COLUMN b INT DEFAULT 7, ADD COLUMN c INT",
                    "INSERT INTO shop.items VALUES (4, 9, 10)");

            try (SourceRunner runner = SourceRunner.start(config, Optional.of(stopped))) {
                List<ChangeRecord> records = runner.awaitRecords(2, TIMEOUT);

                assertThat(records).extracting(OlderTableLayoutsIT::after).containsExactly(
                        Map.of("id", 3, "a", "old"),
                        Map.of("id", 4, "b", 9, "c", 10));
                // the table as the statement read before the stop left it, default and all
                assertThat(field(records.get(0), "a").defaultValue()).contains("y");
                assertThat(field(records.get(1), "b").defaultValue()).contains(7);
            }
        }
    }

    private static Map<String, ?> position(TestingBinlogServer server) {
        Map<String, Object> status = server.binlogStatus();
        return Map.of("file", status.get("File"), "pos", ((Number) status.get("Position")).longValue());
    }

    private static EventSchema afterSchema(ChangeRecord record) {
        return record.valueSchema().fields().stream().filter(field -> field.name().equals("after")).findFirst()
                .orElseThrow().schema();
    }

    private static EventSchema field(ChangeRecord record, String name) {
        return afterSchema(record).fields().stream().filter(field -> field.name().equals(name)).findFirst()
                .orElseThrow().schema();
    }

    private static Map<String, Object> after(ChangeRecord record) {
        EventSchema schema = afterSchema(record);
        Object[] after = (Object[]) ((Object[]) record.value())[1];
        Map<String, Object> values = new LinkedHashMap<>();
        schema.fields().forEach(field -> values.put(field.name(), after[field.index()]));
        return values;
    }
}
