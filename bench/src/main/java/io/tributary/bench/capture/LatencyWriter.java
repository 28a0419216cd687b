package io.tributary.bench.capture;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.tributary.testkit.OrdersWorkload;
import io.tributary.testkit.TestingBinlogServer;

/**
 * Inserts rows into {@code lat.orders} at a steady rate, each committed on its own with {@code created_at} set to
 * the client's clock (UTC, to the millisecond), until closed.
 */
final class LatencyWriter implements AutoCloseable {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private final Connection connection;
    private final PreparedStatement insert;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final AtomicLong nextId;
    private volatile SQLException failure;

    LatencyWriter(TestingBinlogServer server, int perSecond) throws SQLException {
        new OrdersWorkload(server, LatencyRun.DATABASE); // creates the table
        connection = server.adminConnection();
        connection.setAutoCommit(true);
        try (var max = connection.createStatement().executeQuery("SELECT COALESCE(MAX(id), 0) FROM "
                + LatencyRun.DATABASE + ".orders")) {
            max.next();
            nextId = new AtomicLong(max.getLong(1) + 1);
        }
        insert = connection.prepareStatement("INSERT INTO " + LatencyRun.DATABASE
                + ".orders VALUES (?, 1, 'latency probe', 9.99, 1, 'new', ?, NULL)");
        timer.scheduleAtFixedRate(this::insertOne, 0, 1_000_000 / perSecond, TimeUnit.MICROSECONDS);
    }

    private void insertOne() {
        try {
            insert.setLong(1, nextId.getAndIncrement());
            insert.setString(2, STAMP.format(LocalDateTime.ofInstant(Instant.now(), ZoneOffset.UTC)));
            insert.executeUpdate();
        } catch (SQLException e) {
            failure = e;
            timer.shutdown();
        }
    }

    /** Rows inserted so far. */
    long inserted() {
        return nextId.get();
    }

    @Override
    public void close() throws SQLException {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        connection.close();
        if (failure != null) {
            throw failure;
        }
    }
}
