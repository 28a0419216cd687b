package io.tributary.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tributary.api.ChangeRecord;
import io.tributary.api.EventSchema;
import io.tributary.core.offsets.DebeziumOffsetFile;
import io.tributary.core.offsets.OffsetJson;
import io.tributary.source.mysql.MySqlSource;
import io.tributary.testkit.TestingBinlogServer;
import io.tributary.testkit.TestingMySql;
import org.junit.jupiter.api.Test;

/**
 * Switching from Debezium to Tributary and back without a new snapshot: each continues from the offset the other
 * stored — taken after a snapshot row, at the end of the snapshot, inside a rows event (Debezium's {@code row}),
 * after whole events of a transaction ({@code event}) and at a transaction's end — and the changes that follow are
 * exactly those the first would have delivered: none lost, none repeated, in order; on MySQL with tagged GTIDs in
 * the sets handed over. A subclass per server:
 * {@link MariaDbOffsetInterchangeIT} here (Debezium 3.5), {@code MySqlOffsetInterchangeIT} in compat-mysql (3.6).
 */
abstract class OffsetInterchangeIT {
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final int ROWS = 200;
    private static final int TRANSACTIONS = 4;
    /** Per transaction: an update of 60 rows (one rows event), another of 60, an insert, an update of that row. */
    private static final int CHANGES_PER_TRANSACTION = 60 + 60 + 1 + 1;

    abstract TestingBinlogServer startServer();

    /** One change as both sides describe it. */
    record Change(String op, int id, int version) {
    }

    /** A change and the offset stored with it (what resuming after it starts from). */
    record Captured(Change change, Map<String, ?> offset) {
    }

    @Test
    void tributaryContinuesFromDebeziumsOffsets() throws Exception {
        try (TestingBinlogServer server = startServer()) {
            load(server);
            Path engineDirectory = Files.createTempDirectory("debezium-offsets");
            List<Captured> debezium = DebeziumOffsetsCapture.capture(server, "swap", Map.of(),
                    ROWS + TRANSACTIONS * CHANGES_PER_TRANSACTION, TIMEOUT, engineDirectory);
            List<Change> expected = changes(debezium);

            // what Debezium's engine stored in its offset file when it stopped, as `tributary import-offsets` reads
            // it: the offset of one of the changes it delivered, which Tributary continues from
            Map<String, Object> stored = DebeziumOffsetFile.find(engineDirectory.resolve("offsets.dat"), "swap",
                    Optional.empty()).offset();
            List<String> delivered = debezium.stream().map(captured -> json(captured.offset())).toList();
            assertThat(delivered).contains(json(stored));
            int last = delivered.lastIndexOf(json(stored));
            if (last < expected.size() - 1) {
                assertThat(tributaryFrom(server, stored, expected.size() - last - 1))
                        .isEqualTo(expected.subList(last + 1, expected.size()));
            }

            for (int cut : streamingCuts()) {
                List<Change> continued = tributaryFrom(server, debezium.get(cut).offset(), expected.size() - cut - 1);
                assertThat(continued).as("Tributary after Debezium's offset of change %d: %s", cut,
                        debezium.get(cut).offset()).isEqualTo(expected.subList(cut + 1, expected.size()));
            }

            // an offset taken during Debezium's snapshot: the snapshot is taken again (of every row there is now,
            // the workload's inserts included), then streaming from where Debezium's snapshot began loses nothing
            int midSnapshot = ROWS / 2;
            int rowsNow = ROWS + TRANSACTIONS;
            List<Change> again = tributaryFrom(server, debezium.get(midSnapshot).offset(),
                    rowsNow + TRANSACTIONS * CHANGES_PER_TRANSACTION);
            assertThat(again.subList(0, rowsNow)).extracting(Change::op).containsOnly("r");
            assertThat(again.subList(0, rowsNow)).extracting(Change::id).doesNotHaveDuplicates();
            assertThat(again.subList(rowsNow, again.size())).isEqualTo(expected.subList(ROWS, expected.size()));
        }
    }

    @Test
    void debeziumContinuesFromTributarysOffsets() throws Exception {
        try (TestingBinlogServer server = startServer()) {
            load(server);
            List<Captured> tributary = tributaryCapture(server, Optional.empty(),
                    ROWS + TRANSACTIONS * CHANGES_PER_TRANSACTION);
            List<Change> expected = changes(tributary);

            for (int cut : streamingCuts()) {
                List<Captured> continued = DebeziumOffsetsCapture.captureFrom(server, "swap",
                        tributary.get(cut).offset(), expected.size() - cut - 1, TIMEOUT);
                assertThat(changes(continued)).as("Debezium after Tributary's offset of change %d: %s", cut,
                        tributary.get(cut).offset()).isEqualTo(expected.subList(cut + 1, expected.size()));
            }
        }
    }

    /** The last snapshot row; inside the first rows event; after whole events; at the end of a transaction. */
    private static List<Integer> streamingCuts() {
        int first = ROWS;
        return List.of(ROWS - 1, first + 29, first + 60 + 9, first + 120, first + CHANGES_PER_TRANSACTION - 1,
                first + CHANGES_PER_TRANSACTION + 60 + 59);
    }

    private static void load(TestingBinlogServer server) {
        server.execute("CREATE DATABASE swap", "CREATE TABLE swap.items (id INT PRIMARY KEY, version INT NOT NULL)",
                gtidNext(server, 0), "INSERT INTO swap.items (id, version) SELECT n, 0 FROM "
                        + TestingBinlogServer.integers(ROWS));
    }

    /**
     * On MySQL, the load and every other transaction of the workload get a tagged GTID ({@code uuid:swap:n}, MySQL
     * 8.3+), so that the offsets handed over hold tagged GTID sets; on MariaDB a statement that changes nothing.
     */
    private static String gtidNext(TestingBinlogServer server, int transaction) {
        if (!(server instanceof TestingMySql)) {
            return "DO 0";
        }
        return transaction % 2 == 0 ? "SET gtid_next = 'AUTOMATIC:swap'" : "SET gtid_next = 'AUTOMATIC'";
    }

    private static void runWorkload(TestingBinlogServer server) {
        for (int t = 1; t <= TRANSACTIONS; t++) {
            int inserted = 1000 + t;
            server.execute(gtidNext(server, t), "START TRANSACTION",
                    "UPDATE swap.items SET version = version + 1 WHERE id BETWEEN 1 AND 60",
                    "UPDATE swap.items SET version = version + 1 WHERE id BETWEEN 61 AND 120",
                    "INSERT INTO swap.items VALUES (" + inserted + ", 0)",
                    "UPDATE swap.items SET version = 1 WHERE id = " + inserted,
                    "COMMIT");
        }
    }

    private static List<Change> changes(List<Captured> captured) {
        return captured.stream().map(Captured::change).toList();
    }

    private List<Change> tributaryFrom(TestingBinlogServer server, Map<String, ?> offset, int count)
            throws InterruptedException {
        return changes(tributaryCapture(server, Optional.of(offset), count));
    }

    /**
     * Tributary's source from {@code offset} (or afresh, running the workload once the snapshot is read) until
     * {@code count} changes arrived.
     */
    private static List<Captured> tributaryCapture(TestingBinlogServer server, Optional<Map<String, ?>> offset,
            int count) throws InterruptedException {
        Map<String, String> config = new HashMap<>();
        config.put("database.hostname", server.host());
        config.put("database.port", String.valueOf(server.port()));
        config.put("database.user", TestingBinlogServer.CDC_USER);
        config.put("database.password", TestingBinlogServer.CDC_PASSWORD);
        config.put("database.server.id", "5402");
        config.put("topic.prefix", "swap");
        config.put("database.include.list", "swap");
        config.put("include.schema.changes", "false");
        List<Captured> captured = new ArrayList<>();
        MySqlSource source = new MySqlSource();
        source.start(config, offset);
        try {
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            boolean workloadRun = offset.isPresent();
            while (captured.size() < count) {
                assertThat(System.nanoTime()).as("%s of %s changes within %s", captured.size(), count, TIMEOUT)
                        .isLessThan(deadline);
                for (ChangeRecord record : source.poll()) {
                    tributaryChange(record).ifPresent(change -> captured.add(new Captured(change, record.offset())));
                }
                if (!workloadRun && captured.size() >= ROWS) {
                    runWorkload(server);
                    workloadRun = true;
                }
            }
        } finally {
            source.close();
        }
        return captured;
    }

    private static Optional<Change> tributaryChange(ChangeRecord record) {
        if (record.value() == null) {
            return Optional.empty(); // a tombstone
        }
        EventSchema schema = record.valueSchema();
        Object[] envelope = (Object[]) record.value();
        String op = (String) envelope[schema.field("op").orElseThrow().index()];
        EventSchema.Field side = schema.field(op.equals("d") ? "before" : "after").orElseThrow();
        Object[] row = (Object[]) envelope[side.index()];
        EventSchema rowSchema = side.schema();
        return Optional.of(new Change(op, (Integer) row[rowSchema.field("id").orElseThrow().index()],
                (Integer) row[rowSchema.field("version").orElseThrow().index()]));
    }

    /** Runs the workload once Debezium has read the snapshot (called by {@link DebeziumOffsetsCapture}). */
    static void afterSnapshot(TestingBinlogServer server) {
        runWorkload(server);
    }

    static int snapshotRows() {
        return ROWS;
    }

    /** An offset as JSON, so that offsets read back from a file (integers) and kept in memory (longs) compare. */
    private static String json(Map<String, ?> offset) {
        return new String(OffsetJson.write(new java.util.TreeMap<>(offset)), java.nio.charset.StandardCharsets.UTF_8);
    }
}
