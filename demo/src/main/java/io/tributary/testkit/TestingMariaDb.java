package io.tributary.testkit;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
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
public final class TestingMariaDb extends TestingBinlogServer {
    public static final String CDC_PRIVILEGES = "SELECT, RELOAD, LOCK TABLES, REPLICATION SLAVE, BINLOG MONITOR";

    private TestingMariaDb(TemporaryDirectory directory, ServerProcess server, BinlogSettings binlog, int serverId) {
        super(directory, server, binlog, serverId);
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

    @Override
    public String product() {
        return "MariaDB";
    }

    @Override
    Properties connectionProperties() {
        return new Properties();
    }

    @Override
    public Map<String, Object> binlogStatus() {
        return query("SHOW MASTER STATUS").get(0);
    }

    @Override
    public void replicateFrom(TestingBinlogServer primary) {
        execute("CHANGE MASTER TO MASTER_HOST='" + primary.host() + "', MASTER_PORT=" + primary.port()
                + ", MASTER_USER='" + ADMIN_USER + "', MASTER_PASSWORD='" + ADMIN_PASSWORD
                + "', MASTER_USE_GTID=slave_pos", "START SLAVE");
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
            ServerProcess server = new ServerProcess(binaries, directory.path(), FreePorts.next(), settings);
            TestingMariaDb mariaDb = new TestingMariaDb(directory, server, binlog, serverId);
            mariaDb.initialiseAndStart(initSql());
            return mariaDb;
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
