package io.tributary.source.mysql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.tributary.api.SourceException;
import io.tributary.source.mysql.event.ServerFlavor;

/**
 * Reads where the server's binary log is now: {@code SHOW BINARY LOG STATUS} on MySQL 8.2 and later (8.4 and 9.x
 * no longer know {@code SHOW MASTER STATUS}), {@code SHOW MASTER STATUS} on MySQL 8.0 and 8.1 — told apart by the
 * server's parse error — and on MariaDB. On MySQL the position carries the executed GTID set.
 */
final class BinlogStatus {
    /** ER_PARSE_ERROR: the server does not know the statement. */
    private static final int PARSE_ERROR = 1064;

    private BinlogStatus() {
    }

    /**
     * The current position.
     *
     * @throws SQLException if the server refuses the statement (see {@link #isPrivilegeMissing})
     * @throws SourceException if binary logging is off
     */
    static BinlogPosition read(Connection connection, ServerFlavor flavor) throws SQLException {
        if (flavor == ServerFlavor.MARIADB) {
            return query(connection, "SHOW MASTER STATUS");
        }
        try {
            return query(connection, "SHOW BINARY LOG STATUS");
        } catch (SQLException e) {
            if (e.getErrorCode() != PARSE_ERROR) {
                throw e;
            }
            return query(connection, "SHOW MASTER STATUS"); // MySQL before 8.2
        }
    }

    /**
     * Whether the server refused a statement for want of a privilege: ER_SPECIFIC_ACCESS_DENIED (1227, a global
     * privilege such as REPLICATION CLIENT or RELOAD), ER_DBACCESS_DENIED (1044, LOCK TABLES on a database),
     * ER_ACCESS_DENIED (1045) or ER_TABLEACCESS_DENIED (1142).
     */
    static boolean isPrivilegeMissing(SQLException e) {
        return switch (e.getErrorCode()) {
            case 1227, 1044, 1045, 1142 -> true;
            default -> false;
        };
    }

    private static BinlogPosition query(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet status = statement.executeQuery(sql)) {
            if (!status.next()) {
                throw SourceException.fatal(sql + " returned nothing: binary logging is off; start the server with "
                        + "log_bin");
            }
            String gtids = status.getMetaData().getColumnCount() >= 5 ? status.getString(5) : null;
            // MySQL puts a line break after each server UUID's part of the set
            return new BinlogPosition(status.getString(1), status.getLong(2),
                    gtids == null ? "" : gtids.replaceAll("\\s+", ""));
        }
    }
}
