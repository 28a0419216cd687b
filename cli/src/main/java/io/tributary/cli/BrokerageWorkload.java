package io.tributary.cli;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import io.tributary.testkit.TestingMariaDb;

/**
 * The S1 story's database: a brokerage with accounts, instruments, positions, quotes and trades, and a generator
 * of what happens all day — price ticks, trades, and the position changes they cause.
 */
final class BrokerageWorkload implements AutoCloseable {
    static final String DATABASE = "brokerage";
    static final String[] SYMBOLS = {"AAPL", "MSFT", "NVDA", "AMZN", "GOOG", "META", "TSLA", "JPM", "V", "XOM",
        "KO", "PEP", "NFLX", "ORCL", "INTC", "AMD", "IBM", "SAP", "ASML", "NVO"};
    private static final int ACCOUNTS = 200;
    private static final int INITIAL_TRADES = 20_000;

    private final Connection connection;
    private final Random random = new Random(42);
    private final AtomicLong changes = new AtomicLong();
    private volatile boolean running = true;
    private Thread thread;

    private BrokerageWorkload(Connection connection) {
        this.connection = connection;
    }

    /** Creates the schema with a day's worth of rows, so the snapshot has something to read. */
    static BrokerageWorkload create(TestingMariaDb mariaDb) throws SQLException {
        StringBuilder instruments = new StringBuilder();
        StringBuilder quotes = new StringBuilder();
        for (int i = 0; i < SYMBOLS.length; i++) {
            String separator = i == 0 ? "" : ",";
            instruments.append(separator).append("('").append(SYMBOLS[i]).append("', 'NASDAQ', 'USD')");
            quotes.append(separator).append("('").append(SYMBOLS[i]).append("', ").append(50 + i * 17)
                    .append(".25, NOW(3))");
        }
        mariaDb.execute(
                "CREATE DATABASE " + DATABASE,
                "CREATE TABLE brokerage.accounts (id INT PRIMARY KEY, owner VARCHAR(64) NOT NULL, "
                        + "currency CHAR(3) NOT NULL DEFAULT 'USD', opened DATE NOT NULL)",
                "CREATE TABLE brokerage.instruments (symbol VARCHAR(8) PRIMARY KEY, exchange VARCHAR(16) NOT NULL, "
                        + "currency CHAR(3) NOT NULL)",
                "CREATE TABLE brokerage.quotes (symbol VARCHAR(8) PRIMARY KEY, price DECIMAL(12,4) NOT NULL, "
                        + "updated_at DATETIME(3) NOT NULL)",
                "CREATE TABLE brokerage.positions (account_id INT NOT NULL, symbol VARCHAR(8) NOT NULL, "
                        + "quantity DECIMAL(14,2) NOT NULL, avg_price DECIMAL(12,4) NOT NULL, "
                        + "PRIMARY KEY (account_id, symbol))",
                "CREATE TABLE brokerage.trades (id BIGINT AUTO_INCREMENT PRIMARY KEY, account_id INT NOT NULL, "
                        + "symbol VARCHAR(8) NOT NULL, side ENUM('BUY','SELL') NOT NULL, quantity DECIMAL(14,2) NOT NULL, "
                        + "price DECIMAL(12,4) NOT NULL, executed_at DATETIME(3) NOT NULL)",
                "INSERT INTO brokerage.instruments VALUES " + instruments,
                "INSERT INTO brokerage.quotes VALUES " + quotes,
                "INSERT INTO brokerage.accounts SELECT seq, CONCAT('client-', seq), 'USD', "
                        + "DATE_SUB(CURDATE(), INTERVAL seq DAY) FROM brokerage.seq_1_to_" + ACCOUNTS,
                "INSERT INTO brokerage.trades (account_id, symbol, side, quantity, price, executed_at) "
                        + "SELECT 1 + seq % " + ACCOUNTS + ", ELT(1 + seq % " + SYMBOLS.length + ", '"
                        + String.join("','", SYMBOLS) + "'), IF(seq % 3 = 0, 'SELL', 'BUY'), 1 + seq % 50, "
                        + "100 + (seq % 997) / 10, NOW(3) - INTERVAL seq SECOND FROM brokerage.seq_1_to_"
                        + INITIAL_TRADES,
                "INSERT INTO brokerage.positions SELECT account_id, symbol, SUM(IF(side = 'BUY', quantity, -quantity)), "
                        + "AVG(price) FROM brokerage.trades GROUP BY account_id, symbol");
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
                    String symbol = SYMBOLS[random.nextInt(SYMBOLS.length)];
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
