package io.tributary.testkit;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A private server with a binary log for tests — {@link TestingMariaDb} or the test kit's {@code TestingMySql} — so
 * that a test suite can be written once and run against both: its own data directory and port on 127.0.0.1, an admin
 * account ({@value #ADMIN_USER}) and a {@value #CDC_USER} account with exactly the privileges Debezium documents for
 * the server, SQL helpers, and stop / kill / start on the same port and data.
 *
 * <p>Those two are its only subclasses: the constructor is package-private. (It is not {@code sealed} because
 * {@code TestingMySql} lives in the test kit's jar, while this class and {@code TestingMariaDb} live in the demo's.)
 *
 * <p>Not thread-safe; the connections it hands out are independent.
 */
public abstract class TestingBinlogServer implements Closeable {
    public static final String ADMIN_USER = "root";
    public static final String ADMIN_PASSWORD = "root-secret";
    public static final String CDC_USER = "cdc";
    public static final String CDC_PASSWORD = "cdc-secret";

    private final TemporaryDirectory directory;
    private final ServerProcess server;
    private final BinlogSettings binlog;
    private final int serverId;
    private boolean closed;

    TestingBinlogServer(TemporaryDirectory directory, ServerProcess server, BinlogSettings binlog, int serverId) {
        this.directory = directory;
        this.server = server;
        this.binlog = binlog;
        this.serverId = serverId;
    }

    /** The server's private directory, as this JVM reaches it. */
    final Path directory() {
        return directory.path();
    }

    /** Which server this is, for messages and test names: {@code MariaDB} or {@code MySQL}. */
    public abstract String product();

    /** The connection properties this server's clients need beyond user and password. */
    abstract Properties connectionProperties();

    /** Creates the data directory and starts the server; closes everything if that fails. */
    final void initialiseAndStart(String initSql) {
        ExitCleanup.register(this);
        try {
            server.initialise(initSql);
            startServer();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return server.port();
    }

    public int serverId() {
        return serverId;
    }

    public BinlogSettings binlog() {
        return binlog;
    }

    public Path dataDirectory() {
        return server.dataDirectory();
    }

    /** A JDBC URL (MariaDB Connector/J, which talks to both servers) with no default database. */
    public String jdbcUrl() {
        return jdbcUrl("");
    }

    public String jdbcUrl(String database) {
        return "jdbc:mariadb://" + host() + ":" + port() + "/" + database;
    }

    /** A new connection as {@value #ADMIN_USER}; the caller closes it. */
    public Connection adminConnection() {
        return connection(ADMIN_USER, ADMIN_PASSWORD);
    }

    /** A new connection as {@value #CDC_USER}; the caller closes it. */
    public Connection cdcConnection() {
        return connection(CDC_USER, CDC_PASSWORD);
    }

    public Connection connection(String user, String password) {
        try {
            return openConnection(user, password);
        } catch (SQLException e) {
            throw new TestkitException("cannot connect to " + product() + " on port " + port() + " as " + user + ": "
                    + e.getMessage(), e);
        }
    }

    private Connection openConnection(String user, String password) throws SQLException {
        Properties properties = connectionProperties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("allowMultiQueries", "true");
        properties.setProperty("connectTimeout", "5000");
        return DriverManager.getConnection(jdbcUrl(), properties);
    }

    /** Runs each statement in turn as {@value #ADMIN_USER}, in autocommit mode. */
    public void execute(String... statements) {
        try (Connection connection = adminConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new TestkitException("SQL failed on " + product() + ": " + e.getMessage(), e);
        }
    }

    /** Runs a script of several statements separated by semicolons in one round trip. */
    public void runScript(String script) {
        execute(script);
    }

    public void runScript(Path file) {
        try {
            runScript(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read SQL script " + file, e);
        }
    }

    /** Runs a query as {@value #ADMIN_USER} and returns its rows, each a map of column label to value in order. */
    public List<Map<String, Object>> query(String sql) {
        try (Connection connection = adminConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            ResultSetMetaData metadata = rows.getMetaData();
            List<Map<String, Object>> result = new ArrayList<>();
            while (rows.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int column = 1; column <= metadata.getColumnCount(); column++) {
                    row.put(metadata.getColumnLabel(column), rows.getObject(column));
                }
                result.add(row);
            }
            return result;
        } catch (SQLException e) {
            throw new TestkitException("query failed on " + product() + ": " + e.getMessage(), e);
        }
    }

    /** The value of a server variable, such as {@code binlog_format}. */
    public String variable(String name) {
        List<Map<String, Object>> rows = query("SHOW GLOBAL VARIABLES LIKE '" + name.replace("'", "''") + "'");
        if (rows.isEmpty()) {
            throw new TestkitException(product() + " has no variable " + name);
        }
        return String.valueOf(rows.get(0).get("Value"));
    }

    /**
     * The binary log's current file and position ({@code File}, {@code Position}, ...): {@code SHOW BINARY LOG
     * STATUS} on MySQL 8.2 and later, {@code SHOW MASTER STATUS} elsewhere.
     */
    public abstract Map<String, Object> binlogStatus();

    /**
     * Makes this server a replica of {@code primary} (as {@value #ADMIN_USER}), positioned by GTID, and starts
     * replicating; its binlog logs the replicated transactions too.
     */
    public abstract void replicateFrom(TestingBinlogServer primary);

    /**
     * A derived table {@code integers} with one column {@code n} holding 1 to {@code count}, in SQL both servers
     * understand, for filling tables: {@code INSERT INTO t SELECT n, 'x' FROM } + {@code integers(1000)}.
     */
    public static String integers(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be positive, not " + count);
        }
        String digit = "(SELECT 0 AS d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 "
                + "UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9)";
        int digits = String.valueOf(count - 1).length();
        StringBuilder value = new StringBuilder("1");
        StringBuilder from = new StringBuilder();
        long weight = 1;
        for (int i = 0; i < digits; i++) {
            value.append(" + ").append(weight).append(" * d").append(i).append(".d");
            from.append(i == 0 ? "" : " CROSS JOIN ").append(digit).append(" AS d").append(i);
            weight *= 10;
        }
        return "(SELECT " + value + " AS n FROM " + from + " WHERE " + value + " <= " + count + ") AS integers";
    }

    /** Shuts the server down cleanly, keeping its data, so that tests can see a source go away. */
    public void stopServer() {
        server.stop();
    }

    /** Kills the server with SIGKILL, as in a crash, keeping its data. */
    public void killServer() {
        server.kill();
    }

    /** Starts a stopped server again, on the same port and data. */
    public void startServer() {
        server.start(() -> openConnection(ADMIN_USER, ADMIN_PASSWORD));
    }

    public boolean isRunning() {
        return server.isRunning();
    }

    /** Stops the server and deletes its files; a second call (the exit clean-up's, say) does nothing. */
    @Override
    public synchronized void close() {
        ExitCleanup.unregister(this);
        if (closed) {
            return;
        }
        closed = true;
        try {
            server.stop();
        } finally {
            directory.close();
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[port=" + port() + ", binlog=" + binlog + "]";
    }
}
