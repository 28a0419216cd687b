package io.tributary.bench.capture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.shyiko.mysql.binlog.BinaryLogClient;
import com.github.shyiko.mysql.binlog.event.DeleteRowsEventData;
import com.github.shyiko.mysql.binlog.event.EventData;
import com.github.shyiko.mysql.binlog.event.UpdateRowsEventData;
import com.github.shyiko.mysql.binlog.event.WriteRowsEventData;
import io.tributary.testkit.TestingBinlogServer;

/**
 * The raw limits, each in a JVM of its own: how fast the bare tools can go with no CDC engine around them.
 * {@code BINLOG}: the binlog client alone, decoding row events (its default deserializers) and counting rows.
 * {@code JDBC_SCAN}: {@code SELECT *} of the snapshot table, streamed, every column read. {@code SCAN_JSON}: the same
 * scan with each row written as a JSON object by Jackson.
 *
 * <p>Arguments: limit, host, port, database, rows, server id, result file.
 */
public final class RawRun {
    enum Limit {
        BINLOG("binlog client alone"), JDBC_SCAN("JDBC scan"), SCAN_JSON("JDBC scan + JSON");

        final String label;

        Limit(String label) {
            this.label = label;
        }
    }

    private RawRun() {
    }

    public static void main(String[] args) throws Exception {
        Limit limit = Limit.valueOf(args[0]);
        String host = args[1];
        int port = Integer.parseInt(args[2]);
        long rows = Long.parseLong(args[4]);
        Meter meter = Meter.start();
        long counted = limit == Limit.BINLOG
                ? binlog(host, port, Long.parseLong(args[5]), rows)
                : scan(host, port, args[3], limit == Limit.SCAN_JSON);
        Files.writeString(Path.of(args[6]), meter.stop(counted).toLine());
        System.exit(0);
    }

    /** Reads the binlog from its start until {@code rows} row images were decoded. */
    private static long binlog(String host, int port, long serverId, long rows) throws Exception {
        BinaryLogClient client = new BinaryLogClient(host, port, TestingBinlogServer.CDC_USER,
                TestingBinlogServer.CDC_PASSWORD);
        client.setServerId(serverId);
        client.setBinlogFilename(""); // the oldest binlog file
        client.setBinlogPosition(4);
        client.setKeepAlive(false);
        CountDownLatch done = new CountDownLatch(1);
        long[] counted = {0};
        client.registerEventListener(event -> {
            EventData data = event.getData();
            List<?> images = data instanceof WriteRowsEventData write ? write.getRows()
                    : data instanceof UpdateRowsEventData update ? update.getRows()
                    : data instanceof DeleteRowsEventData delete ? delete.getRows() : List.of();
            counted[0] += images.size();
            if (counted[0] >= rows && done.getCount() > 0) {
                done.countDown();
            }
        });
        client.connect(10_000);
        done.await();
        client.disconnect();
        return counted[0];
    }

    /** Streams the whole {@code orders} table of {@code database}, optionally writing each row as JSON. */
    private static long scan(String host, int port, String database, boolean json) throws SQLException {
        ObjectMapper mapper = new ObjectMapper();
        long rows = 0;
        long bytes = 0;
        try (Connection connection = DriverManager.getConnection("jdbc:mariadb://" + host + ":" + port + "/"
                + database + "?allowPublicKeyRetrieval=true", TestingBinlogServer.CDC_USER, TestingBinlogServer.CDC_PASSWORD);
                Statement select = connection.createStatement()) {
            select.setFetchSize(10_000);
            try (ResultSet result = select.executeQuery("SELECT * FROM orders")) {
                ResultSetMetaData columns = result.getMetaData();
                int count = columns.getColumnCount();
                while (result.next()) {
                    rows++;
                    Map<String, Object> row = json ? new LinkedHashMap<>() : null;
                    for (int i = 1; i <= count; i++) {
                        Object value = result.getObject(i);
                        if (json) {
                            row.put(columns.getColumnLabel(i), value == null ? null : value instanceof Number number
                                    ? number : value.toString());
                        }
                    }
                    if (json) {
                        try {
                            bytes += mapper.writeValueAsBytes(row).length;
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }
                }
            }
        }
        if (json && bytes == 0) {
            throw new IllegalStateException("nothing written");
        }
        return rows;
    }
}
