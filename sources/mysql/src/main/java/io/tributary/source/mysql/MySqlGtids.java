package io.tributary.source.mysql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.regex.Pattern;

import io.tributary.api.SourceException;

/** MySQL GTID sets ({@code uuid:1-5:7,uuid2:1-3}) as offsets keep them. */
final class MySqlGtids {
    /** A part of a set that names a tag ({@code uuid:tag:1-5}, MySQL 8.3+): a colon followed by a letter or '_'. */
    private static final Pattern TAG = Pattern.compile(":[A-Za-z_]");

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

    /** Refuses a set with tagged GTIDs, which the binlog client cannot parse or resume from. */
    static String requireUntagged(String gtids) {
        if (TAG.matcher(gtids).find()) {
            throw SourceException.fatal("the server's GTID set " + gtids + " holds tagged GTIDs (uuid:tag:number, "
                    + "MySQL 8.3+), which Tributary cannot read yet; stop writing them (SET gtid_next = 'AUTOMATIC' "
                    + "without a tag) and start from a new snapshot once the tagged ones are purged");
        }
        return gtids;
    }
}
