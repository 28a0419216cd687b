package io.tributary.testkit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * The standard mixed workload on an 8-column {@code orders} table (BIGINT key, INT, VARCHAR(255), DECIMAL(10,2),
 * INT, VARCHAR(16), DATETIME(3), nullable TEXT): transactions of 100 row changes, 70 inserts, 20 updates and 10
 * deletes each, from a fixed random seed so every run writes the same changes. Used by the differential tests and
 * by the benchmarks.
 */
public final class OrdersWorkload {
    private static final String CREATE_TABLE = "CREATE TABLE IF NOT EXISTS %s.orders ("
            + "id BIGINT PRIMARY KEY, customer_id INT NOT NULL, item VARCHAR(255) NOT NULL, price DECIMAL(10,2) NOT NULL, "
            + "quantity INT NOT NULL, status VARCHAR(16) NOT NULL, created_at DATETIME(3) NOT NULL, note TEXT)";
    private static final String[] STATUSES = {"new", "paid", "shipped", "delivered", "cancelled"};

    private final TestingBinlogServer mariaDb;
    private final String table;
    private final Random random = new Random(42);
    private final List<Long> live = new ArrayList<>();
    private long nextId = 1;

    /** Creates {@code database} and its {@code orders} table unless they exist. */
    public OrdersWorkload(TestingBinlogServer mariaDb, String database) {
        this.mariaDb = mariaDb;
        this.table = database + ".orders";
        mariaDb.execute("CREATE DATABASE IF NOT EXISTS " + database, CREATE_TABLE.formatted(database));
    }

    /** Inserts {@code rows} rows in transactions of 1,000. */
    public void load(int rows) throws SQLException {
        try (Connection connection = mariaDb.adminConnection()) {
            connection.setAutoCommit(false);
            for (int done = 0; done < rows; done += 1000) {
                insert(connection, Math.min(1000, rows - done));
                connection.commit();
            }
        }
    }

    /** Runs {@code transactions} mixed transactions: 100 row events each. */
    public void run(int transactions) throws SQLException {
        try (Connection connection = mariaDb.adminConnection()) {
            connection.setAutoCommit(false);
            for (int t = 0; t < transactions; t++) {
                insert(connection, 70);
                update(connection, pick(20, false));
                delete(connection, pick(10, true));
                connection.commit();
            }
        }
    }

    /**
     * Inserts one row of its own, {@code id} (outside the ids the workload gives, which start at 1), for a reader that
     * must tell when it has seen the workload's last change.
     */
    public void insertMarker(long id) {
        mariaDb.execute("INSERT INTO " + table + " VALUES (" + id
                + ", 0, 'the last change', 0, 0, 'new', '2026-01-01 00:00:00.000', NULL)");
    }

    private void insert(Connection connection, int rows) throws SQLException {
        StringBuilder sql = new StringBuilder("INSERT INTO " + table + " VALUES ");
        for (int i = 0; i < rows; i++) {
            sql.append(i == 0 ? "" : ",").append("(?,?,?,?,?,?,?,?)");
        }
        try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            int p = 1;
            for (int i = 0; i < rows; i++) {
                long id = nextId++;
                live.add(id);
                statement.setLong(p++, id);
                statement.setInt(p++, random.nextInt(10_000));
                statement.setString(p++, "item-" + random.nextInt(100_000) + (random.nextInt(10) == 0 ? " ünïcødé ✓" : ""));
                statement.setBigDecimal(p++, java.math.BigDecimal.valueOf(random.nextInt(10_000_000), 2));
                statement.setInt(p++, 1 + random.nextInt(20));
                statement.setString(p++, STATUSES[random.nextInt(STATUSES.length)]);
                statement.setString(p++, String.format("2026-%02d-%02d %02d:%02d:%02d.%03d", 1 + random.nextInt(12),
                        1 + random.nextInt(28), random.nextInt(24), random.nextInt(60), random.nextInt(60),
                        random.nextInt(1000)));
                statement.setString(p++, random.nextInt(3) == 0 ? null : "note " + random.nextLong());
            }
            statement.executeUpdate();
        }
    }

    private List<Long> pick(int count, boolean remove) {
        List<Long> picked = new ArrayList<>();
        while (picked.size() < count && !live.isEmpty()) {
            int index = random.nextInt(live.size());
            Long id = live.get(index);
            if (!picked.contains(id)) {
                picked.add(id);
                if (remove) {
                    live.set(index, live.get(live.size() - 1));
                    live.remove(live.size() - 1);
                }
            }
        }
        return picked;
    }

    private void update(Connection connection, List<Long> ids) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE " + table + " SET quantity = quantity + 1, status = '"
                    + STATUSES[random.nextInt(STATUSES.length)] + "', price = price * 1.01 WHERE id IN (" + list(ids) + ")");
        }
    }

    private void delete(Connection connection, List<Long> ids) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM " + table + " WHERE id IN (" + list(ids) + ")");
        }
    }

    private static String list(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
