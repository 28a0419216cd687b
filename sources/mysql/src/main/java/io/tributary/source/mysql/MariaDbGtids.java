package io.tributary.source.mysql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/** MariaDB's GTID state at a binlog position, and whether a server's binlog can still continue from one. */
final class MariaDbGtids {
    private MariaDbGtids() {
    }

    /** The GTID state (every domain's last GTID) at a binlog position, or empty text where there is none. */
    static String at(Connection connection, String file, long pos) throws SQLException {
        try (var statement = connection.prepareStatement("SELECT BINLOG_GTID_POS(?, ?)")) {
            statement.setString(1, file);
            statement.setLong(2, pos);
            try (var result = statement.executeQuery()) {
                String gtids = result.next() ? result.getString(1) : null;
                return gtids == null ? "" : gtids;
            }
        }
    }

    /**
     * True when, in every replication domain, the state is at or past where the oldest binlog file begins (its
     * {@code Gtid_list} event), so nothing after the state was purged.
     */
    static boolean stillAvailable(Connection connection, String gtids) throws SQLException {
        String oldest;
        try (Statement statement = connection.createStatement(); ResultSet logs = statement.executeQuery("SHOW BINARY LOGS")) {
            if (!logs.next()) {
                return false;
            }
            oldest = logs.getString(1);
        }
        Map<Long, Long> state = sequences(gtids);
        try (Statement statement = connection.createStatement();
                ResultSet events = statement.executeQuery("SHOW BINLOG EVENTS IN '" + oldest.replace("'", "''")
                        + "' LIMIT 4")) {
            while (events.next()) {
                if ("Gtid_list".equalsIgnoreCase(events.getString("Event_type"))) {
                    Map<Long, Long> start = sequences(events.getString("Info").replace("[", "").replace("]", ""));
                    return start.entrySet().stream()
                            .allMatch(domain -> state.getOrDefault(domain.getKey(), -1L) >= domain.getValue());
                }
            }
        }
        return true;
    }

    /** {@code 0-1-5,1-2-9} as the highest sequence number per domain. */
    static Map<Long, Long> sequences(String gtids) {
        Map<Long, Long> sequences = new HashMap<>();
        for (String gtid : gtids.split(",")) {
            String[] parts = gtid.trim().split("-");
            if (parts.length == 3) {
                sequences.merge(Long.parseLong(parts[0]), Long.parseLong(parts[2]), Math::max);
            }
        }
        return sequences;
    }
}
