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
 * collation, temporal and decimal keys, ENUM keys (which sort by member, not name), SET, BIT and YEAR keys, TIME
 * keys past 99 hours and negative, unsigned BIGINT and DECIMAL keys that differ beyond a double's precision — every
 * row read exactly once, in the order the server's plain SELECT meets them (Debezium's); and a snapshot resumed from
 * the offset of a row in the middle reads exactly the rows after it. Keys that are not the storage order (DESC parts,
 * a unique key over a virtual column) or cannot be compared as they sort (FLOAT) are read in one pass, in the
 * server's order. Run against each server by a subclass.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SnapshotChunksIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private TestingBinlogServer server;

    abstract TestingBinlogServer startServer();

    /** A virtual generated column's attributes, NOT NULL where the server allows it (not on MariaDB). */
    String virtualNotNull() {
        return "VIRTUAL NOT NULL";
    }

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
        "uuids | id BINARY(16) NOT NULL, n INT, PRIMARY KEY (id) | 300 | true",
        "texts | a VARCHAR(20) NOT NULL, b INT NOT NULL, n INT, PRIMARY KEY (a, b) | 300 | true",
        "folded | a VARCHAR(10) COLLATE utf8mb4_general_ci NOT NULL, n INT, PRIMARY KEY (a) | 120 | true",
        "moments | t DATETIME(6) NOT NULL, d DECIMAL(12,4) NOT NULL, n INT, PRIMARY KEY (t, d) | 200 | true",
        "members | e ENUM('zeta','alpha','mid') NOT NULL, b INT NOT NULL, n INT, PRIMARY KEY (e, b) | 90 | true",
        "sets | s SET('x','a','m') NOT NULL, b INT NOT NULL, n INT, PRIMARY KEY (s, b) | 80 | true",
        "bits | b BIT(12) NOT NULL, n INT, PRIMARY KEY (b) | 100 | true",
        "years | y YEAR NOT NULL, n INT, PRIMARY KEY (y) | 90 | true",
        "reals | f FLOAT NOT NULL, n INT, PRIMARY KEY (f) | 60 | false",
        "durations | a INT NOT NULL, t TIME(3) NOT NULL, n INT, PRIMARY KEY (a, t) | 120 | true",
        "wide | u BIGINT UNSIGNED NOT NULL, d DECIMAL(30,10) NOT NULL, n INT, PRIMARY KEY (u, d) | 90 | true",
        "descending | a INT NOT NULL, b VARCHAR(5) NOT NULL, n INT, PRIMARY KEY (a DESC, b) | 90 | false",
        "virtual | id INT NOT NULL, v INT AS (1000 - id) {virtual}, n INT, UNIQUE KEY (v) | 90 | false"})
    void everyRowIsReadOnceWhateverTheKey(String table, String columns, int rows, boolean chunked)
            throws InterruptedException {
        server.execute("CREATE TABLE chunks." + table + " (" + columns.replace("{virtual}", virtualNotNull()) + ")");
        server.execute(inserts(table, rows).toArray(String[]::new));
        Map<String, String> config = SourceRunner.config(server, "table.include.list", "chunks\\." + table,
                "snapshot.fetch.size", "7");

        List<ChangeRecord> all;
        try (SourceRunner runner = SourceRunner.start(config, Optional.empty())) {
            all = runner.awaitRecords(rows, TIMEOUT);
        }
        assertThat(counters(all)).hasSize(rows).doesNotHaveDuplicates()
                .as("in the order the server's plain SELECT meets the rows, as Debezium reads them")
                .containsExactlyElementsOf(server.query("SELECT n FROM chunks." + table).stream()
                        .map(row -> ((Number) row.get("n")).intValue()).toList());

        ChangeRecord middle = all.get(rows / 2 - 1);
        try (SourceRunner runner = SourceRunner.start(config, Optional.of(middle.offset()))) {
            // a table read in one pass (its key is not its storage order, or cannot be compared as it sorts) is
            // read again from its start
            int from = chunked ? rows / 2 : 0;
            List<ChangeRecord> rest = runner.awaitRecords(rows - from, TIMEOUT);
            assertThat(counters(rest)).as("the rows after the resumed offset, once each")
                    .containsExactlyElementsOf(counters(all).subList(from, rows));
        }
    }

    /** Rows whose last column n counts 0, 1, 2, ... with keys of the table's kind in no particular order. */
    private static List<String> inserts(String table, int rows) {
        Random random = new Random(11);
        List<String> statements = new ArrayList<>();
        statements.add("START TRANSACTION");
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
                case "members" -> "'" + List.of("mid", "zeta", "alpha").get(n % 3) + "', " + (n * 7 % 31) + ", " + n;
                case "sets" -> "'" + List.of("m", "x,a", "a", "x,m", "", "a,m", "x", "x,a,m").get(n % 8) + "', "
                        + (n * 7 % 11) + ", " + n;
                case "bits" -> "b'" + Integer.toBinaryString(n * 37 % 4096) + "', " + n;
                case "years" -> (n == 0 ? "0" : String.valueOf(2155 - n)) + ", " + n;
                case "reals" -> (n * 7 % 60) + ".1, " + n;
                case "durations" -> (n % 2) + ", SEC_TO_TIME(" + ((n * 7919 % 2000) - 1000) * 1500 + ".125), " + n;
                case "wide" -> "18446744073709551615 - " + (n % 3) + ", '12345678901234567890."
                        + String.format("%02d", n * 7 % 97) + "', " + n;
                case "descending" -> (n * 7 % 13) + ", '" + "abcde".charAt(n % 5) + n + "', " + n;
                case "virtual" -> (n * 7 % 97) + ", DEFAULT, " + n;
                default -> "'2020-01-01 00:00:00' + INTERVAL " + (n % 17) + " SECOND + INTERVAL " + n
                        + " MICROSECOND, " + (n % 3) + "." + n + ", " + n;
            };
            statements.add("INSERT INTO chunks." + table + " VALUES (" + values + ")");
        }
        statements.add("COMMIT");
        return statements;
    }

    private static List<Integer> counters(List<ChangeRecord> records) {
        return records.stream().map(record -> {
            Object[] after = (Object[]) ((Object[]) record.value())[1];
            return (Integer) after[after.length - 1];
        }).collect(Collectors.toList());
    }
}
