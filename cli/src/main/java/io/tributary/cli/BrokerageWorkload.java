package io.tributary.cli;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import io.tributary.testkit.BrokerageSchema;
import io.tributary.testkit.TestingMariaDb;

/**
 * The S1 story's database: a brokerage with accounts, instruments, positions, quotes and trades, and a generator
 * of what happens all day — price ticks, trades, and the position changes they cause.
 */
final class BrokerageWorkload implements AutoCloseable {
    static final String DATABASE = BrokerageSchema.DATABASE;
    private static final List<String> SYMBOLS = BrokerageSchema.SYMBOLS;
    private static final int ACCOUNTS = BrokerageSchema.ACCOUNTS;

    private final Connection connection;
    private final Random random = new Random(42);
    private final AtomicLong changes = new AtomicLong();
    private volatile boolean running = true;
    private Thread thread;

    private BrokerageWorkload(Connection connection) {
        this.connection = connection;
    }

    /** Creates the schema with a day's worth of rows ({@link BrokerageSchema}) and a workload on it. */
    static BrokerageWorkload create(TestingMariaDb mariaDb) throws SQLException {
        BrokerageSchema.create(mariaDb);
        return new BrokerageWorkload(mariaDb.adminConnection());
    }

    /** Starts trading: a price tick every few milliseconds, a trade (and its position change) every few ticks. */
    void start(int changesPerSecond) {
        thread = new Thread(() -> {
            long pause = Math.max(1, 1000 / Math.max(1, changesPerSecond));
            try (PreparedStatement tick = connection.prepareStatement(
                            "UPDATE brokerage.quotes SET price = GREATEST(1, price * ?), updated_at = NOW(3) WHERE symbol = ?");
                    PreparedStatement trade = connection.prepareStatement(
                            "INSERT INTO brokerage.trades (account_id, symbol, side, quantity, price, executed_at) "
                                    + "SELECT ?, symbol, ?, ?, price, NOW(3) FROM brokerage.quotes WHERE symbol = ?");
                    PreparedStatement position = connection.prepareStatement(
                            "INSERT INTO brokerage.positions SELECT ?, symbol, ?, price FROM brokerage.quotes "
                                    + "WHERE symbol = ? ON DUPLICATE KEY UPDATE quantity = quantity + VALUES(quantity)")) {
                while (running) {
                    String symbol = SYMBOLS.get(random.nextInt(SYMBOLS.size()));
                    tick.setDouble(1, 1 + (random.nextGaussian() / 500));
                    tick.setString(2, symbol);
                    tick.executeUpdate();
                    changes.incrementAndGet();
                    if (random.nextInt(4) == 0) {
                        int account = 1 + random.nextInt(ACCOUNTS);
                        boolean buy = random.nextBoolean();
                        int quantity = 1 + random.nextInt(100);
                        connection.setAutoCommit(false);
                        trade.setInt(1, account);
                        trade.setString(2, buy ? "BUY" : "SELL");
                        trade.setInt(3, quantity);
                        trade.setString(4, symbol);
                        trade.executeUpdate();
                        position.setInt(1, account);
                        position.setInt(2, buy ? quantity : -quantity);
                        position.setString(3, symbol);
                        position.executeUpdate();
                        connection.commit();
                        connection.setAutoCommit(true);
                        changes.addAndGet(2);
                    }
                    Thread.sleep(pause);
                }
            } catch (SQLException e) {
                if (running) {
                    System.err.println("the demo workload stopped: " + e.getMessage());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "tributary-demo-workload");
        thread.setDaemon(true);
        thread.start();
    }

    long changes() {
        return changes.get();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.join(5_000);
        }
        try {
            connection.close();
        } catch (SQLException e) {
            // the server goes away next anyway
        }
    }
}
