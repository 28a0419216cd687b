package io.tributary.source.mysql.schema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The server's collations by id, with their character set and its longest character in bytes. */
public final class Collations {
    /** The collation id of binary strings: BINARY, VARBINARY and BLOB columns. */
    public static final int BINARY = 63;

    private static final String QUERY = "SELECT co.ID, co.CHARACTER_SET_NAME, cs.MAXLEN "
            + "FROM information_schema.COLLATIONS co "
            + "JOIN information_schema.CHARACTER_SETS cs ON cs.CHARACTER_SET_NAME = co.CHARACTER_SET_NAME "
            + "WHERE co.ID IS NOT NULL";

    /** A collation's character set. */
    public record Collation(String charset, int maxBytesPerChar) {
    }

    private final Map<Integer, Collation> byId;

    public Collations(Map<Integer, Collation> byId) {
        this.byId = Map.copyOf(byId);
    }

    public static Collations read(Connection connection) throws SQLException {
        Map<Integer, Collation> byId = new HashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(QUERY)) {
            while (rows.next()) {
                byId.put(rows.getInt(1), new Collation(rows.getString(2), rows.getInt(3)));
            }
        }
        return new Collations(byId);
    }

    public Optional<Collation> byId(int id) {
        return Optional.ofNullable(byId.get(id));
    }
}
