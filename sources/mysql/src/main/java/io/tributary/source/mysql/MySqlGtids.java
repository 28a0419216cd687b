package io.tributary.source.mysql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** MySQL GTID sets ({@code uuid:1-5:7,uuid2:1-3,uuid2:tag:1-2}) as offsets keep them. */
final class MySqlGtids {
    private MySqlGtids() {
    }

    /**
     * True when the server still has every transaction after {@code gtids}: all it purged ({@code gtid_purged}) is
     * within the set.
     */
    static boolean stillAvailable(Connection connection, String gtids) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT GTID_SUBSET(@@GLOBAL.gtid_purged, ?)")) {
            statement.setString(1, gtids);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getInt(1) == 1;
            }
        }
    }
}
