package io.tributary.source.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tributary.api.ChangeRecord;
import io.tributary.api.EventSchema;
import io.tributary.testkit.BinlogSettings;
import io.tributary.testkit.TestingMariaDb;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A MariaDB table {@code WITH SYSTEM VERSIONING} whose period columns the server added itself, captured as its users
 * see it: the snapshot and the stream carry the table's own columns and current rows; history rows the binlog shows
 * are left out and a row that became history is a delete. Debezium stops on such a table while streaming (its schema
 * lacks the two columns the rows carry), so this is not a differential test; MariaDbSystemVersionedDifferentialIT
 * (compat) compares everything Debezium can capture.
 */
class MariaDbSystemVersioningIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @ParameterizedTest(name = "binlog_row_metadata={0}")
    @EnumSource(value = BinlogSettings.RowMetadata.class, names = {"FULL", "MINIMAL"})
    void currentRowsOnlyAndHistoryAsDeletes(BinlogSettings.RowMetadata metadata) throws InterruptedException {
        try (TestingMariaDb mariaDb = TestingMariaDb.create(BinlogSettings.cdcReady().withRowMetadata(metadata))) {
            mariaDb.execute("CREATE DATABASE shop",
                    "CREATE TABLE shop.prices (id INT PRIMARY KEY, price INT) WITH SYSTEM VERSIONING",
                    "INSERT INTO shop.prices VALUES (1, 10), (2, 20), (3, 30)",
                    // a history row before the snapshot, which must not read it
                    "UPDATE shop.prices SET price = 11 WHERE id = 1");

            try (SourceRunner runner = SourceRunner.start(SourceRunner.config(mariaDb), Optional.empty())) {
                List<ChangeRecord> snapshot = runner.awaitRecords(3, TIMEOUT);
                assertThat(snapshot).extracting(MariaDbSystemVersioningIT::change).containsExactly(
                        "r null {id=1, price=11}", "r null {id=2, price=20}", "r null {id=3, price=30}");

                mariaDb.execute("INSERT INTO shop.prices VALUES (4, 40)",
                        "UPDATE shop.prices SET price = 21 WHERE id = 2",
                        "DELETE FROM shop.prices WHERE id = 3",
                        "DELETE HISTORY FROM shop.prices",
                        "SET STATEMENT system_versioning_alter_history = KEEP FOR "
                                + "ALTER TABLE shop.prices ADD COLUMN note VARCHAR(10)",
                        "INSERT INTO shop.prices VALUES (5, 50, 'new')",
                        "UPDATE shop.prices SET note = 'x' WHERE id = 4");

                List<ChangeRecord> stream = runner.awaitRecords(9, TIMEOUT).subList(3, 9);
                assertThat(stream).extracting(MariaDbSystemVersioningIT::change).containsExactly(
                        "c null {id=4, price=40}",
                        "u {id=2, price=20} {id=2, price=21}",
                        "d {id=3, price=30} null",
                        "tombstone",
                        "c null {id=5, price=50, note=new}",
                        "u {id=4, price=40, note=null} {id=4, price=40, note=x}");
            }
        }
    }

    /** {@code op before after}, each row as its fields. */
    private static String change(ChangeRecord record) {
        if (record.isTombstone()) {
            return "tombstone";
        }
        Object[] value = (Object[]) record.value();
        return value[index(record, "op")] + " " + row(record, "before") + " " + row(record, "after");
    }

    private static Map<String, Object> row(ChangeRecord record, String name) {
        Object[] row = (Object[]) ((Object[]) record.value())[index(record, name)];
        if (row == null) {
            return null;
        }
        EventSchema schema = record.valueSchema().fields().get(index(record, name)).schema();
        Map<String, Object> values = new LinkedHashMap<>();
        schema.fields().forEach(field -> values.put(field.name(), row[field.index()]));
        return values;
    }

    private static int index(ChangeRecord record, String name) {
        return record.valueSchema().fields().stream().filter(field -> field.name().equals(name)).findFirst()
                .orElseThrow().index();
    }
}
