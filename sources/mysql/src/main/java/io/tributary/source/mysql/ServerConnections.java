package io.tributary.source.mysql;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

import javax.net.ssl.SSLException;

import io.tributary.api.SourceException;
import io.tributary.api.config.ConfigOption;
import io.tributary.source.mysql.event.ServerFlavor;

/**
 * Opens JDBC connections to the source server and checks, before anything is captured, that the server is set up
 * for CDC. Every failure says what was expected, what was found and what to do, and never contains the password.
 */
final class ServerConnections {
    private static final int ACCESS_DENIED = 1045;
    private static final int INSECURE_TRANSPORT = 3159;

    private final MySqlSourceConfig config;

    ServerConnections(MySqlSourceConfig config) {
        this.config = config;
    }

    /** A new connection whose session reads TIMESTAMP values in UTC. */
    Connection open() {
        Properties properties = config.tls().jdbcProperties(config.tls().mode() == SslMode.PREFERRED
                && offersTls().orElse(false));
        properties.setProperty("user", config.user());
        properties.setProperty("password", config.password());
        properties.setProperty("connectTimeout", String.valueOf(config.connectTimeoutMs()));
        properties.setProperty("tcpKeepAlive", "true");
        // caching_sha2_password (MySQL 8's default) needs the password sent in full on a user's first connection after
        // a server start; without TLS the driver encrypts it with the server's RSA key, which it may fetch
        properties.setProperty("allowPublicKeyRetrieval", "true");
        String url = "jdbc:mariadb://" + config.hostname() + ":" + config.port() + "/";
        try {
            Connection connection = DriverManager.getConnection(url, properties);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET time_zone = '+00:00'");
            }
            return connection;
        } catch (SQLException e) {
            throw connectionFailure(e);
        }
    }

    /** Whether the server greets with TLS on offer; empty when it cannot be asked (the connection then says why). */
    private Optional<Boolean> offersTls() {
        try {
            return Optional.of(ServerGreeting.offersTls(config.hostname(), config.port(),
                    (int) Math.min(Integer.MAX_VALUE, config.connectTimeoutMs())));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The TLS failure among the causes of {@code e}, if any. */
    private static Optional<SSLException> tlsFailure(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SSLException tls) {
                return Optional.of(tls);
            }
        }
        return Optional.empty();
    }

    /**
     * Why the server's certificate is not accepted under a verifying mode, found by a TLS handshake of its own;
     * empty when the mode does not verify, the certificate is fine or the server cannot be asked.
     */
    private Optional<String> certificateProblem() {
        if (!config.tls().mode().verifiesCertificate()) {
            return Optional.empty();
        }
        try {
            return ServerGreeting.tlsHandshakeFailure(config.hostname(), config.port(),
                    (int) Math.min(Integer.MAX_VALUE, config.connectTimeoutMs()), config.tls().sslContext(),
                    config.tls().mode() == SslMode.VERIFY_IDENTITY);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private SourceException connectionFailure(SQLException e) {
        String where = config.hostname() + ":" + config.port();
        String message = String.valueOf(e.getMessage());
        Optional<String> tls = tlsFailure(e).map(SSLException::getMessage).or(this::certificateProblem);
        if (tls.isPresent()) {
            return SourceException.fatal("TLS with the server at " + where + " failed (" + tls.get()
                    + ") under database.ssl.mode=" + ConfigOption.spelling(config.tls().mode()) + "; check "
                    + "database.ssl.truststore (the server's certificate authority) or choose a mode that does not "
                    + "verify the certificate (required)");
        }
        if (e.getErrorCode() == ACCESS_DENIED) {
            String tlsHint = config.tls().mode() == SslMode.DISABLED || config.tls().mode() == SslMode.PREFERRED
                    ? ", or the account requires TLS (REQUIRE SSL) and the connection had none: set "
                            + "database.ssl.mode=required"
                    : "";
            return SourceException.fatal("the server at " + where + " refused user '" + config.user()
                    + "': wrong password, or no such user for this client host" + tlsHint + "; check database.user "
                    + "and database.password");
        }
        if (config.tls().mode() != SslMode.DISABLED && config.tls().mode() != SslMode.PREFERRED
                && offersTls().equals(Optional.of(false))) {
            return SourceException.fatal("the server at " + where + " offers no TLS and database.ssl.mode="
                    + ConfigOption.spelling(config.tls().mode()) + " requires it: enable TLS on the server (ssl_cert, "
                    + "ssl_key) or set database.ssl.mode=preferred");
        }
        if (e.getErrorCode() == INSECURE_TRANSPORT) {
            return SourceException.fatal("the server at " + where + " accepts only TLS connections "
                    + "(require_secure_transport) and database.ssl.mode=" + ConfigOption.spelling(config.tls().mode())
                    + " made a plain one: set database.ssl.mode=required (or verify_ca / verify_identity)");
        }
        return SourceException.retriable("cannot connect to the server at " + where + " (" + firstLine(message)
                + "); check database.hostname and database.port and that the server is running", e);
    }

    /** Where managed MySQL servers take server settings from. */
    static final String PARAMETER_GROUP = " (on Amazon RDS for MySQL: the DB parameter group; on Aurora MySQL: the DB "
            + "cluster parameter group)";

    /** What the server is, after checking that its binlog can feed a CDC connector. */
    ServerFlavor checkServer(Connection connection) {
        try {
            ServerFlavor flavor = ServerFlavor.fromVersion(single(connection, "SELECT VERSION()"));
            String where = config.hostname() + ":" + config.port();
            if (!"ON".equalsIgnoreCase(variable(connection, "log_bin")) && !"1".equals(variable(connection, "log_bin"))) {
                throw SourceException.fatal("binary logging is off on " + where + "; start the server with log_bin "
                        + "(--log-bin), binlog_format=ROW and binlog_row_image=FULL (on Amazon RDS for MySQL the binlog "
                        + "is on while automated backups are, a backup retention period above 0; on Aurora MySQL set "
                        + "binlog_format=ROW in the DB cluster parameter group and reboot the writer)");
            }
            String format = variable(connection, "binlog_format");
            if (!"ROW".equalsIgnoreCase(format)) {
                throw SourceException.fatal("binlog_format is " + format + " on " + where + ", expected ROW; set "
                        + "binlog_format=ROW in the server configuration" + PARAMETER_GROUP);
            }
            String rowImage = variable(connection, "binlog_row_image");
            if (rowImage != null && !"FULL".equalsIgnoreCase(rowImage)) {
                throw SourceException.fatal("binlog_row_image is " + rowImage + " on " + where + ", expected FULL; "
                        + "set binlog_row_image=FULL so that updates and deletes carry whole rows" + PARAMETER_GROUP);
            }
            checkReplicationClient(connection, flavor);
            return flavor;
        } catch (SQLException e) {
            throw SourceException.retriable("cannot read the server's settings: " + firstLine(e.getMessage()), e);
        }
    }

    private void checkReplicationClient(Connection connection, ServerFlavor flavor) {
        try {
            BinlogStatus.read(connection, flavor);
        } catch (SQLException e) {
            if (!BinlogStatus.isPrivilegeMissing(e)) {
                throw SourceException.retriable("cannot read the server's binlog position: "
                        + firstLine(e.getMessage()), e);
            }
            String privilege = flavor == ServerFlavor.MARIADB ? "BINLOG MONITOR (REPLICATION CLIENT)" : "REPLICATION CLIENT";
            throw SourceException.fatal("user '" + config.user() + "' may not read binlog positions ("
                    + firstLine(e.getMessage()) + "); grant it " + privilege + " and REPLICATION SLAVE: GRANT "
                    + "SELECT, RELOAD, REPLICATION SLAVE, REPLICATION CLIENT ON *.* TO '" + config.user() + "'");
        }
    }

    static String variable(Connection connection, String name) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SHOW GLOBAL VARIABLES LIKE '" + name + "'")) {
            return rows.next() ? rows.getString(2).toUpperCase(Locale.ROOT) : null;
        }
    }

    static String single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    static String firstLine(String message) {
        if (message == null) {
            return "no message";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
