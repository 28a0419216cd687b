package io.tributary.testkit;

import java.util.List;

/**
 * Scenario S1's database, {@code brokerage}: accounts, instruments, their quotes, positions and a day's trades
 * (20,000), so that a snapshot has something to read. Used by the demo and by the tests that compute on it.
 */
public final class BrokerageSchema {
    public static final String DATABASE = "brokerage";
    public static final List<String> SYMBOLS = List.of("AAPL", "MSFT", "NVDA", "AMZN", "GOOG", "META", "TSLA", "JPM",
            "V", "XOM", "KO", "PEP", "NFLX", "ORCL", "INTC", "AMD", "IBM", "SAP", "ASML", "NVO");
    public static final int ACCOUNTS = 200;
    private static final int INITIAL_TRADES = 20_000;

    private BrokerageSchema() {
    }

    /** Creates the schema with a day's worth of rows, so the snapshot has something to read. */
    public static void create(TestingMariaDb mariaDb) {
        StringBuilder instruments = new StringBuilder();
        StringBuilder quotes = new StringBuilder();
        for (int i = 0; i < SYMBOLS.size(); i++) {
            String separator = i == 0 ? "" : ",";
            instruments.append(separator).append("('").append(SYMBOLS.get(i)).append("', 'NASDAQ', 'USD')");
            quotes.append(separator).append("('").append(SYMBOLS.get(i)).append("', ").append(50 + i * 17)
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
                        + "SELECT 1 + seq % " + ACCOUNTS + ", ELT(1 + seq % " + SYMBOLS.size() + ", '"
                        + String.join("','", SYMBOLS) + "'), IF(seq % 3 = 0, 'SELL', 'BUY'), 1 + seq % 50, "
                        + "100 + (seq % 997) / 10, NOW(3) - INTERVAL seq SECOND FROM brokerage.seq_1_to_"
                        + INITIAL_TRADES,
                "INSERT INTO brokerage.positions SELECT account_id, symbol, SUM(IF(side = 'BUY', quantity, -quantity)), "
                        + "AVG(price) FROM brokerage.trades GROUP BY account_id, symbol");
    }
}
