package io.tributary.source.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;

import io.tributary.api.ChangeRecord;
import io.tributary.testkit.TestingBinlogServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Snapshots read in chunks of a few rows by keys of every awkward kind — random 16-byte binary keys (UUIDs as ORMs
 * store them), composite keys whose text holds tabs, commas, percent signs and emoji, keys in a case-insensitive
 * collation, temporal and decimal keys — every row read exactly once; and a snapshot resumed from the offset of a
 * row in the middle reads exactly the rows after it. Run against each server by a subclass.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SnapshotChunksIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private TestingBinlogServer server;

    abstract TestingBinlogServer startServer();

    @BeforeAll
    void startTheServer() {
        server = startServer();
        server.execute("CREATE DATABASE chunks");
    }

    @AfterAll
    void stopTheServer() {
        server.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "uuids | id BINARY(16) NOT NULL, n INT, PRIMARY KEY (id) | 300",
        "texts | a VARCHAR(20) NOT NULL, b INT NOT NULL, n INT, PRIMARY KEY (a, b) | 300",
        "folded | a VARCHAR(10) COLLATE utf8mb4_general_ci NOT NULL, n INT, PRIMARY KEY (a) | 120",
        "moments | t DATETIME(6) NOT NULL, d DECIMAL(12,4) NOT NULL, n INT, PRIMARY KEY (t, d) | 200"})
    void everyRowIsReadOnceWhateverTheKey(String table, String columns, int rows) throws InterruptedException {
        server.execute("CREATE TABLE chunks." + table + " (" + columns + ")");
        server.execute(inserts(table, rows).toArray(String[]::new));
        Map<String, String> config = SourceRunner.config(server, "table.include.list", "chunks\\." + table,
                "snapshot.fetch.size", "7");

        List<ChangeRecord> all;
        try (SourceRunner runner = SourceRunner.start(config, Optional.empty())) {
            all = runner.awaitRecords(rows, TIMEOUT);
        }
        assertThat(counters(all)).hasSize(rows).doesNotHaveDuplicates();

        ChangeRecord middle = all.get(rows / 2 - 1);
        try (SourceRunner runner = SourceRunner.start(config, Optional.of(middle.offset()))) {
            List<ChangeRecord> rest = runner.awaitRecords(rows - rows / 2, TIMEOUT);
            assertThat(counters(rest)).as("the rows after the resumed offset, once each")
                    .containsExactlyElementsOf(counters(all).subList(rows / 2, rows));
        }
    }

    /** Rows whose last column n counts 0, 1, 2, ... with keys of the table's kind in no particular order. */
    private static List<String> inserts(String table, int rows) {
        Random random = new Random(11);
        List<String> statements = new ArrayList<>();
        String[] awkward = {"tab\there", "comma,here", "per%cent", "emoji 😀", "plain", "%2C", "back\\\\slash"};
        for (int n = 0; n < rows; n++) {
            String values = switch (table) {
                case "uuids" -> {
                    byte[] id = new byte[16];
                    random.nextBytes(id);
                    yield "x'" + HexFormat.of().formatHex(id) + "', " + n;
                }
                case "texts" -> "'" + awkward[n % awkward.length] + "', " + n + ", " + n;
                case "folded" -> "'" + (n % 2 == 0 ? "k" : "K") + n + "', " + n;
                default -> "'2020-01-01 00:00:00' + INTERVAL " + (n % 17) + " SECOND + INTERVAL " + n
                        + " MICROSECOND, " + (n % 3) + "." + n + ", " + n;
            };
            statements.add("INSERT INTO chunks." + table + " VALUES (" + values + ")");
        }
        return statements;
    }

    private static List<Integer> counters(List<ChangeRecord> records) {
        return records.stream().map(record -> {
            Object[] after = (Object[]) ((Object[]) record.value())[1];
            return (Integer) after[after.length - 1];
        }).collect(Collectors.toList());
    }
}
