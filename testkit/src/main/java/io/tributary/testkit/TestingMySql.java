package io.tributary.testkit;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A private MySQL server (9.x, from the Debian root {@code scripts/install-deps.sh} makes) for tests: its own data
 * directory, socket, temporary directory and port on 127.0.0.1, a binary log set up as {@link BinlogSettings} says
 * with {@code binlog_row_metadata} and, if asked, GTIDs on; clients connect over TCP.
 *
 * <p>Accounts, all allowed from any host and all using the server's default authentication
 * ({@code caching_sha2_password}): {@value #ADMIN_USER} with every privilege; {@value #CDC_USER} with exactly the
 * privileges Debezium's MySQL connector documents ({@value #CDC_PRIVILEGES}); and {@value #RDS_USER}, which lacks
 * what Amazon RDS and Aurora withhold from their users and what a snapshot's locks need: no SUPER, no RELOAD (so no
 * {@code FLUSH TABLES WITH READ LOCK}) and no LOCK TABLES. Account set-up is kept out of the binary log.
 *
 * <p>Not thread-safe; the connections it hands out are independent.
 */
public final class TestingMySql extends TestingBinlogServer {
    public static final String CDC_PRIVILEGES =
            "SELECT, RELOAD, SHOW DATABASES, REPLICATION SLAVE, REPLICATION CLIENT, LOCK TABLES";
    public static final String RDS_USER = "rds_cdc";
    public static final String RDS_PASSWORD = "rds-secret";
    public static final String RDS_PRIVILEGES = "SELECT, SHOW DATABASES, REPLICATION SLAVE, REPLICATION CLIENT";

    private final boolean gtids;

    private TestingMySql(TemporaryDirectory directory, ServerProcess server, BinlogSettings binlog, int serverId,
            boolean gtids) {
        super(directory, server, binlog, serverId);
        this.gtids = gtids;
    }

    /** A server with binlog settings ready for CDC and GTIDs on (MySQL 9.7's default). */
    public static TestingMySql create() {
        return builder().start();
    }

    /** A server whose binary log is set up as given. */
    public static TestingMySql create(BinlogSettings binlog) {
        return builder().binlog(binlog).start();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String product() {
        return "MySQL";
    }

    /** Whether the server runs with {@code gtid_mode=ON}. */
    public boolean gtids() {
        return gtids;
    }

    /**
     * Public key retrieval lets a client that has no TLS connection send its password for
     * {@code caching_sha2_password}'s full authentication (every user's first connection after a server start).
     */
    @Override
    Properties connectionProperties() {
        Properties properties = new Properties();
        properties.setProperty("allowPublicKeyRetrieval", "true");
        return properties;
    }

    /**
     * The certificate authority (PEM) the server made for itself when its data directory was created
     * ({@code auto_generate_certs}): its TLS certificate is signed by it.
     */
    public Path certificateAuthority() {
        return directory().resolve("data").resolve("ca.pem");
    }

    @Override
    public Map<String, Object> binlogStatus() {
        return query("SHOW BINARY LOG STATUS").get(0);
    }

    @Override
    public void replicateFrom(TestingBinlogServer primary) {
        execute("CHANGE REPLICATION SOURCE TO SOURCE_HOST='" + primary.host() + "', SOURCE_PORT=" + primary.port()
                + ", SOURCE_USER='" + ADMIN_USER + "', SOURCE_PASSWORD='" + ADMIN_PASSWORD
                + "', SOURCE_AUTO_POSITION=1, GET_SOURCE_PUBLIC_KEY=1", "START REPLICA");
    }

    /** Settings for a {@link TestingMySql} before it starts. */
    public static final class Builder {
        private BinlogSettings binlog = BinlogSettings.cdcReady();
        private int serverId = 1;
        private boolean gtids = true;
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

        /**
         * {@code gtid_mode=ON} with {@code enforce_gtid_consistency=ON} (the default), or both {@code OFF} (as RDS for
         * MySQL and Aurora MySQL 3 start).
         */
        public Builder gtids(boolean on) {
            this.gtids = on;
            return this;
        }

        /** Any further {@code mysqld} option, for example {@code --binlog-transaction-compression=ON}. */
        public Builder serverArgument(String argument) {
            extraArguments.add(requireNonNull(argument, "argument is null"));
            return this;
        }

        public TestingMySql start() {
            MySqlRoot root = MySqlRoot.locate();
            List<String> settings = new ArrayList<>(binlog.serverArguments());
            settings.add("--server-id=" + serverId);
            String gtidMode = gtids ? "ON" : "OFF";
            settings.addAll(List.of("--gtid-mode=" + gtidMode, "--enforce-gtid-consistency=" + gtidMode));
            settings.addAll(extraArguments);
            TemporaryDirectory directory = root.newServerDirectory();
            ServerProcess server = new ServerProcess(root, directory.path(), FreePorts.next(), settings);
            TestingMySql mySql = new TestingMySql(directory, server, binlog, serverId, gtids);
            mySql.initialiseAndStart(initSql());
            return mySql;
        }

        private static String initSql() {
            return String.join("\n",
                    "SET sql_log_bin = 0;",
                    "CREATE USER IF NOT EXISTS '" + ADMIN_USER + "'@'%' IDENTIFIED BY '" + ADMIN_PASSWORD + "';",
                    "GRANT ALL PRIVILEGES ON *.* TO '" + ADMIN_USER + "'@'%' WITH GRANT OPTION;",
                    "CREATE USER IF NOT EXISTS '" + CDC_USER + "'@'%' IDENTIFIED BY '" + CDC_PASSWORD + "';",
                    "GRANT " + CDC_PRIVILEGES + " ON *.* TO '" + CDC_USER + "'@'%';",
                    "CREATE USER IF NOT EXISTS '" + RDS_USER + "'@'%' IDENTIFIED BY '" + RDS_PASSWORD + "';",
                    "GRANT " + RDS_PRIVILEGES + " ON *.* TO '" + RDS_USER + "'@'%';",
                    "");
        }
    }
}
