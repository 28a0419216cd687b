package io.tributary.source.mysql;

import java.io.IOException;
import java.io.Serializable;
import java.sql.Connection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.github.shyiko.mysql.binlog.BinaryLogClient;
import com.github.shyiko.mysql.binlog.event.EventType;
import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.WriteRowsEventData;
import com.github.shyiko.mysql.binlog.event.deserialization.ByteArrayEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDeserializer;
import com.github.shyiko.mysql.binlog.event.ByteArrayEventData;
import com.github.shyiko.mysql.binlog.io.ByteArrayInputStream;
import io.tributary.api.ChangeRecord;
import io.tributary.source.mysql.binlog.RepeatedTableMaps;
import io.tributary.source.mysql.event.ServerFlavor;
import io.tributary.source.mysql.event.SourceInfo;
import io.tributary.source.mysql.event.TableSchemas;
import io.tributary.source.mysql.schema.SchemaReader;
import io.tributary.source.mysql.schema.TableId;
import io.tributary.testkit.TestingMariaDb;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Decoding binlog rows into change records, per row: a real rows event of 50 {@code orders} inserts, taken from a
 * private MariaDB's binlog in the setup, decoded by capture's own rows decoder (as the binlog client is configured for it),
 * converted column by column and built into a change record, as {@code BinlogReader} does for each row. (In the
 * source's package, for its package-private steps.)
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RowDecodingBenchmark {
    private static final int ROWS = 50;

    private final Map<Long, TableMapEventData> tableMaps = new HashMap<>();
    private TestingMariaDb mariaDb;
    private byte[] rowsEvent;
    private EventDataDeserializer<WriteRowsEventData> rowsDeserializer;
    private TableSchemas table;
    private RecordFactory records;

    @Setup
    public void setUp() throws Exception {
        mariaDb = TestingMariaDb.create();
        mariaDb.execute("CREATE DATABASE jmh", "CREATE TABLE jmh.orders (id BIGINT PRIMARY KEY, customer_id INT NOT "
                + "NULL, item VARCHAR(255) NOT NULL, price DECIMAL(10,2) NOT NULL, quantity INT NOT NULL, status "
                + "VARCHAR(16) NOT NULL, created_at DATETIME(3) NOT NULL, note TEXT)");
        StringBuilder insert = new StringBuilder("INSERT INTO jmh.orders VALUES ");
        for (int i = 1; i <= ROWS; i++) {
            insert.append(i == 1 ? "" : ",").append("(").append(i).append(", ").append(4700 + i)
                    .append(", 'item-").append(84_213 * i).append(i % 10 == 0 ? " ünïcødé ✓'" : "'").append(", ")
                    .append(i * 37).append(".25, ").append(i % 20 + 1).append(", 'paid', '2026-11-30 10:20:30.")
                    .append(100 + i).append("', ").append(i % 3 == 0 ? "NULL" : "'note " + i * 7_919L + "'")
                    .append(")");
        }
        mariaDb.execute(insert.toString());
        captureRowsEvent();
        Map<String, String> config = Map.of("database.hostname", mariaDb.host(),
                "database.port", String.valueOf(mariaDb.port()), "database.user", TestingMariaDb.CDC_USER,
                "database.password", TestingMariaDb.CDC_PASSWORD, "topic.prefix", "bench",
                "database.server.id", "7001");
        MySqlSourceConfig parsed = MySqlSourceConfig.parse(config);
        try (Connection connection = mariaDb.cdcConnection()) {
            table = new SchemaCache(parsed, new SchemaReader(true), ServerFlavor.MARIADB)
                    .get(connection, new TableId("jmh", "orders")).orElseThrow();
        }
        records = new RecordFactory("bench", ServerFlavor.MARIADB, parsed);
        @SuppressWarnings("unchecked")
        EventDataDeserializer<WriteRowsEventData> capture = (EventDataDeserializer<WriteRowsEventData>)
                BinlogReader.eventDeserializer(tableMaps, new RepeatedTableMaps())
                        .getEventDataDeserializer(EventType.WRITE_ROWS);
        rowsDeserializer = capture;
        if (decode(ignored -> { }) != ROWS) {
            throw new IllegalStateException("expected one rows event of " + ROWS + " rows");
        }
    }

    /** Reads the binlog until the first rows event, keeping its table map and its body's bytes. */
    private void captureRowsEvent() throws Exception {
        BinaryLogClient client = new BinaryLogClient(mariaDb.host(), mariaDb.port(), TestingMariaDb.CDC_USER,
                TestingMariaDb.CDC_PASSWORD);
        client.setServerId(7000);
        client.setBinlogFilename("");
        client.setBinlogPosition(4);
        client.setKeepAlive(false);
        EventDeserializer raw = new EventDeserializer();
        raw.setEventDataDeserializer(EventType.WRITE_ROWS, new ByteArrayEventDataDeserializer());
        raw.setEventDataDeserializer(EventType.EXT_WRITE_ROWS, new ByteArrayEventDataDeserializer());
        client.setEventDeserializer(raw);
        CountDownLatch found = new CountDownLatch(1);
        client.registerEventListener(event -> {
            if (event.getData() instanceof TableMapEventData map) {
                tableMaps.put(map.getTableId(), map);
            } else if (event.getHeader().getEventType() == EventType.WRITE_ROWS && found.getCount() > 0) {
                rowsEvent = ((ByteArrayEventData) event.getData()).getData();
                found.countDown();
            }
        });
        client.connect(10_000);
        boolean captured = found.await(30, TimeUnit.SECONDS);
        client.disconnect();
        if (!captured) {
            throw new IllegalStateException("no WRITE_ROWS event in the binlog");
        }
    }

    @TearDown
    public void tearDown() {
        mariaDb.close();
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public void decodeAndBuildRecords(Blackhole blackhole) throws IOException {
        decode(blackhole::consume);
    }

    private int decode(java.util.function.Consumer<Object> consumer) throws IOException {
        WriteRowsEventData data = rowsDeserializer.deserialize(new ByteArrayInputStream(rowsEvent));
        List<Serializable[]> rows = data.getRows();
        for (int row = 0; row < rows.size(); row++) {
            SourceInfo source = new SourceInfo(1_767_225_600_000L, "false", "jmh", "orders", 1, null,
                    "mariadb-bin.000001", 4_096, row, null);
            MySqlOffset offset = MySqlOffset.streamingWithin("mariadb-bin.000001", 4_096, 2, row + 1);
            ChangeRecord record = records.create(table, BinlogReader.row(table, rows.get(row)), source, null, offset);
            consumer.accept(record);
        }
        return rows.size();
    }
}
