package io.tributary.source.mysql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

import io.tributary.source.mysql.event.ServerFlavor;
import io.tributary.source.mysql.schema.TableId;
import io.tributary.source.mysql.schema.TableKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a snapshot may read a table in key-ordered chunks and still meet its rows in the order Debezium's plain
 * {@code SELECT} does. The server decides that order: an InnoDB table scan follows the clustered index (the key), but
 * a partitioned table is scanned partition by partition, another engine keeps rows in the order they were written,
 * and the optimizer may scan a covering secondary index instead (a table of an id and a unique name comes in name
 * order). So chunks are taken only for an unpartitioned InnoDB table whose plain {@code SELECT} the server plans as a
 * table scan or a scan of the key's own index; any other table is read in one pass with that {@code SELECT}.
 */
final class ScanOrder {
    private static final Logger LOG = LoggerFactory.getLogger(ScanOrder.class);

    private ScanOrder() {
    }

    /**
     * @param select the plain statement the table would be read with in one pass: {@code SELECT <columns> FROM t}
     */
    static boolean followsKey(Connection connection, ServerFlavor flavor, TableId id, TableKey key, String select)
            throws SQLException {
        if (!key.ordersRows() || !unpartitionedInnoDb(connection, id)) {
            return false;
        }
        String explain = (flavor == ServerFlavor.MYSQL ? "EXPLAIN FORMAT=TRADITIONAL " : "EXPLAIN ") + select;
        String access;
        String index;
        try (Statement statement = connection.createStatement(); ResultSet plan = statement.executeQuery(explain)) {
            if (!plan.next()) {
                return false;
            }
            access = plan.getString("type");
            index = plan.getString("key");
            if (plan.next()) {
                return false;
            }
        } catch (SQLException unexplained) {
            // a plan the server will not show is no proof: the table is read as Debezium reads it
            LOG.debug("{} is read in one pass: EXPLAIN failed: {}", id, unexplained.toString());
            return false;
        }
        boolean follows = "ALL".equalsIgnoreCase(access)
                || ("index".equalsIgnoreCase(access) && key.index().equalsIgnoreCase(index));
        if (!follows) {
            LOG.info("{} is read in one pass, in the order of its index {} as Debezium's SELECT meets its rows (a "
                    + "restart reads it again from its start)", id, index);
        }
        return follows;
    }

    private static boolean unpartitionedInnoDb(Connection connection, TableId id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT ENGINE, CREATE_OPTIONS FROM "
                + "information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?")) {
            statement.setString(1, id.database());
            statement.setString(2, id.table());
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return false;
                }
                String engine = rows.getString(1);
                String options = rows.getString(2);
                return "InnoDB".equalsIgnoreCase(engine)
                        && (options == null || !options.toLowerCase(Locale.ROOT).contains("partitioned"));
            }
        }
    }
}
