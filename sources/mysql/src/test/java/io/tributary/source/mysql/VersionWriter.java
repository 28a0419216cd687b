package io.tributary.source.mysql;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.tributary.testkit.TestingBinlogServer;

/**
 * Writes to a table {@code (id INT PRIMARY KEY, version INT NOT NULL, payload VARCHAR(64))} of {@code rows} rows
 * until stopped, in small transactions: updates that raise a row's version by one, an insert (then an update) of a
 * new row, sometimes a delete. A captured row whose versions have a gap therefore lost a change.
 */
final class VersionWriter {
    private final TestingBinlogServer server;
    private final String table;
    private final int rows;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong nextId;
    private Thread thread;
    private volatile SQLException failure;

    VersionWriter(TestingBinlogServer server, String table, int rows) {
        this.server = server;
        this.table = table;
        this.rows = rows;
        this.nextId = new AtomicLong(rows + 1);
    }

    /** Creates the table with {@code rows} rows at version 0. */
    static void createTable(TestingBinlogServer server, String table, int rows) {
        server.execute("CREATE TABLE " + table + " (id INT PRIMARY KEY, version INT NOT NULL, payload VARCHAR(64))",
                "INSERT INTO " + table + " SELECT n, 0, REPEAT('x', 40) FROM " + TestingBinlogServer.integers(rows));
    }

    /** The table's rows now: id to version. */
    static Map<Integer, Integer> versions(TestingBinlogServer server, String table) {
        Map<Integer, Integer> versions = new HashMap<>();
        for (Map<String, Object> row : server.query("SELECT id, version FROM " + table)) {
            versions.put(((Number) row.get("id")).intValue(), ((Number) row.get("version")).intValue());
        }
        return versions;
    }

    void start() {
        thread = new Thread(this::run, "version-writer");
        thread.start();
    }

    private void run() {
        Random random = new Random(7);
        try (Connection connection = server.adminConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            while (running.get()) {
                for (int i = 0; i < 10; i++) {
                    statement.executeUpdate("UPDATE " + table + " SET version = version + 1 WHERE id = "
                            + (1 + random.nextInt(rows)));
                }
                long id = nextId.getAndIncrement();
                statement.executeUpdate("INSERT INTO " + table + " VALUES (" + id + ", 0, 'new')");
                statement.executeUpdate("UPDATE " + table + " SET version = version + 1 WHERE id = " + id);
                if (random.nextInt(4) == 0) {
                    statement.executeUpdate("DELETE FROM " + table + " WHERE id = " + (1 + random.nextInt(rows)));
                }
                connection.commit();
            }
        } catch (SQLException e) {
            failure = e;
        }
    }

    /** Stops writing; throws what made writing fail, if anything did. */
    void stop() throws InterruptedException, SQLException {
        running.set(false);
        if (thread != null) {
            thread.join();
        }
        if (failure != null) {
            throw failure;
        }
    }
}
