package io.tributary.testkit;

import static java.util.Objects.requireNonNull;

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
 * A private MariaDB server for tests: its own data directory, socket and port on 127.0.0.1, and a binary log
 * set up as {@link BinlogSettings} says (by default everything a CDC connector needs).
 *
 * <p>Two accounts exist, both allowed from any host: {@value #ADMIN_USER} with every privilege, and
 * {@value #CDC_USER} with exactly the privileges a CDC connector needs (SELECT, RELOAD, LOCK TABLES,
 * REPLICATION SLAVE and BINLOG MONITOR, which is MariaDB's name for REPLICATION CLIENT). Account set-up is kept
 * out of the binary log, so the log holds only what tests do.
 *
 * <p>Not thread-safe; the connections it hands out are independent.
 */
public final class TestingMariaDb implements Closeable {
    public static final String ADMIN_USER = "root";
    public static final String ADMIN_PASSWORD = "root-secret";
    public static final String CDC_USER = "cdc";
    public static final String CDC_PASSWORD = "cdc-secret";
    public static final String CDC_PRIVILEGES = "SELECT, RELOAD, LOCK TABLES, REPLICATION SLAVE, BINLOG MONITOR";

    private final TemporaryDirectory directory;
    private final MariaDbServerProcess server;
    private final BinlogSettings binlog;
    private final int serverId;

    private TestingMariaDb(TemporaryDirectory directory, MariaDbServerProcess server, BinlogSettings binlog, int serverId) {
        this.directory = directory;
        this.server = server;
        this.binlog = binlog;
        this.serverId = serverId;
    }

    /** A server with binlog settings ready for CDC. */
    public static TestingMariaDb create() {
        return builder().start();
    }

    /** A server whose binary log is set up as given, for example {@code BinlogSettings.off()}. */
    public static TestingMariaDb create(BinlogSettings binlog) {
        return builder().binlog(binlog).start();
    }

    public static Builder builder() {
        return new Builder();
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

    /** A JDBC URL with no default database. */
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
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("allowMultiQueries", "true");
        try {
            return DriverManager.getConnection(jdbcUrl(), properties);
        } catch (SQLException e) {
            throw new TestkitException("cannot connect to MariaDB on port " + port() + " as " + user + ": "
                    + e.getMessage(), e);
        }
    }

    /** Runs each statement in turn as {@value #ADMIN_USER}, in autocommit mode. */
    public void execute(String... statements) {
        try (Connection connection = adminConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new TestkitException("SQL failed on MariaDB: " + e.getMessage(), e);
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
            throw new TestkitException("query failed on MariaDB: " + e.getMessage(), e);
        }
    }

    /** The value of a server variable, such as {@code binlog_format}. */
    public String variable(String name) {
        List<Map<String, Object>> rows = query("SHOW GLOBAL VARIABLES LIKE '" + name.replace("'", "''") + "'");
        if (rows.isEmpty()) {
            throw new TestkitException("MariaDB has no variable " + name);
        }
        return String.valueOf(rows.get(0).get("Value"));
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
        server.start(ADMIN_USER, ADMIN_PASSWORD);
    }

    public boolean isRunning() {
        return server.isRunning();
    }

    @Override
    public void close() {
        ExitCleanup.unregister(this);
        try {
            server.stop();
        } finally {
            directory.close();
        }
    }

    @Override
    public String toString() {
        return "TestingMariaDb[port=" + port() + ", binlog=" + binlog + "]";
    }

    /** Settings for a {@link TestingMariaDb} before it starts. */
    public static final class Builder {
        private BinlogSettings binlog = BinlogSettings.cdcReady();
        private int serverId = 1;
        private final List<String> extraArguments = new ArrayList<>();

        private Builder() {
        }

        public Builder binlog(BinlogSettings binlog) {
            this.binlog = requireNonNull(binlog, "binlog is null");
            return this;
        }

        public Builder serverId(int serverId) {
            this.serverId = serverId;
            return this;
        }

        /** Any further {@code mariadbd} option, for example {@code --default-time-zone=+02:00}. */
        public Builder serverArgument(String argument) {
            extraArguments.add(requireNonNull(argument, "argument is null"));
            return this;
        }

        public TestingMariaDb start() {
            MariaDbBinaries binaries = MariaDbBinaries.locate();
            List<String> settings = new ArrayList<>(binlog.serverArguments());
            settings.add("--server-id=" + serverId);
            settings.addAll(extraArguments);
            TemporaryDirectory directory = TemporaryDirectory.create("mariadb");
            MariaDbServerProcess server = new MariaDbServerProcess(binaries, directory.path(), FreePorts.next(), settings);
            TestingMariaDb mariaDb = new TestingMariaDb(directory, server, binlog, serverId);
            ExitCleanup.register(mariaDb);
            try {
                server.initialise(initSql());
                server.start(ADMIN_USER, ADMIN_PASSWORD);
                return mariaDb;
            } catch (RuntimeException e) {
                mariaDb.close();
                throw e;
            }
        }

        private static String initSql() {
            return String.join("\n",
                    "SET sql_log_bin = 0;",
                    // mariadb-install-db also makes password-less root@127.0.0.1 and root@::1, which would win
                    "DROP USER IF EXISTS '" + ADMIN_USER + "'@'127.0.0.1', '" + ADMIN_USER + "'@'::1';",
                    "CREATE USER IF NOT EXISTS '" + ADMIN_USER + "'@'%' IDENTIFIED BY '" + ADMIN_PASSWORD + "';",
                    "GRANT ALL PRIVILEGES ON *.* TO '" + ADMIN_USER + "'@'%' WITH GRANT OPTION;",
                    "CREATE USER IF NOT EXISTS '" + CDC_USER + "'@'%' IDENTIFIED BY '" + CDC_PASSWORD + "';",
                    "GRANT " + CDC_PRIVILEGES + " ON *.* TO '" + CDC_USER + "'@'%';",
                    "");
        }
    }
}
