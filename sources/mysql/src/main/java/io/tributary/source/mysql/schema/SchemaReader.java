package io.tributary.source.mysql.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads table definitions from {@code information_schema} (and the indexes from {@code SHOW INDEX}): no DDL parser,
 * so no DDL-parser failures. Knows the two ways servers spell column defaults (MariaDB quotes literals and writes
 * {@code NULL}; MySQL does neither).
 */
public final class SchemaReader {
    /** The default Debezium states for {@code CURRENT_TIMESTAMP}; a value converter reads it as the epoch. */
    public static final String EPOCH_DEFAULT = "1970-01-01 00:00:00";
    private static final Pattern CURRENT_TIMESTAMP = Pattern.compile(
            "(?i)(current_timestamp|now|localtimestamp)(\\(\\d?\\))?");
    private static final String COLUMNS = "SELECT TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME, ORDINAL_POSITION, "
            + "COLUMN_DEFAULT, IS_NULLABLE, DATA_TYPE, CHARACTER_MAXIMUM_LENGTH, NUMERIC_PRECISION, NUMERIC_SCALE, "
            + "DATETIME_PRECISION, CHARACTER_SET_NAME, COLUMN_TYPE, EXTRA, COLUMN_COMMENT, GENERATION_EXPRESSION "
            + "FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION";
    private static final String TABLE = "SELECT c.CHARACTER_SET_NAME, t.TABLE_COMMENT, t.TABLE_TYPE "
            + "FROM information_schema.TABLES t "
            + "LEFT JOIN information_schema.COLLATION_CHARACTER_SET_APPLICABILITY c ON c.COLLATION_NAME = t.TABLE_COLLATION "
            + "WHERE t.TABLE_SCHEMA = ? AND t.TABLE_NAME = ?";
    private static final String DATABASE_CHARSET = "SELECT DEFAULT_CHARACTER_SET_NAME FROM information_schema.SCHEMATA "
            + "WHERE SCHEMA_NAME = ?";
    /** MariaDB's TABLE_TYPE of a table {@code WITH SYSTEM VERSIONING}: a base table, its history kept. */
    private static final String SYSTEM_VERSIONED = "SYSTEM VERSIONED";
    private static final String TABLES = "SELECT TABLE_SCHEMA, TABLE_NAME FROM information_schema.TABLES "
            + "WHERE TABLE_TYPE IN ('BASE TABLE', '" + SYSTEM_VERSIONED + "')";

    /** ER_NO_SUCH_TABLE, on both servers. */
    private static final int NO_SUCH_TABLE = 1146;

    private final boolean mariaDb;

    public SchemaReader(boolean mariaDb) {
        this.mariaDb = mariaDb;
    }

    /**
     * Every base table on the server (MariaDB's system-versioned ones included), in Debezium's order: by {@code database.table} compared as Java strings, so
     * case-sensitively (MariaDB's {@code information_schema} orders names case-insensitively).
     */
    public List<TableId> tables(Connection connection) throws SQLException {
        List<TableId> tables = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(TABLES);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                tables.add(new TableId(rows.getString(1), rows.getString(2)));
            }
        }
        tables.sort(java.util.Comparator.comparing(id -> id.database() + "." + id.table()));
        return tables;
    }

    /** The default character set of a database, or empty when it does not exist. */
    /** The character set a database created without one takes: the server's {@code character_set_server}. */
    public Optional<String> serverCharset(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT @@global.character_set_server");
                ResultSet rows = statement.executeQuery()) {
            return rows.next() ? Optional.ofNullable(rows.getString(1)) : Optional.empty();
        }
    }

    public Optional<String> databaseCharset(Connection connection, String database) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(DATABASE_CHARSET)) {
            statement.setString(1, database);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.ofNullable(rows.getString(1)) : Optional.empty();
            }
        }
    }

    /**
     * The table's current definition, or empty when it does not exist; MariaDB's TIMESTAMP defaults in the session's
     * time zone, as Debezium's snapshot reads them.
     */
    public Optional<TableDefinition> read(Connection connection, TableId id) throws SQLException {
        return read(connection, id, false);
    }

    /**
     * As {@link #read(Connection, TableId)}, for a table a statement just made or changed: MariaDB's TIMESTAMP
     * defaults in the server's time zone, where they read as a statement run in it wrote them, as Debezium's DDL
     * parser takes them.
     */
    public Optional<TableDefinition> readAsStatementsWrite(Connection connection, TableId id) throws SQLException {
        return read(connection, id, true);
    }

    private Optional<TableDefinition> read(Connection connection, TableId id, boolean serverZone) throws SQLException {
        try {
            return readExisting(connection, id, serverZone);
        } catch (SQLException e) {
            if (e.getErrorCode() == NO_SUCH_TABLE) {
                // dropped between the column query and SHOW INDEX: a table that no longer exists
                return Optional.empty();
            }
            throw e;
        }
    }

    private Optional<TableDefinition> readExisting(Connection connection, TableId id, boolean serverZone)
            throws SQLException {
        List<ColumnDefinition> columns = new ArrayList<>();
        List<String> periodColumns = new ArrayList<>();
        // MariaDB writes a TIMESTAMP column's literal default in the session's time zone (this one may be in UTC for
        // reading rows); MySQL as the statement wrote it
        String sessionZone = mariaDb && serverZone ? switchToServerTimeZone(connection) : null;
        try (PreparedStatement statement = connection.prepareStatement(COLUMNS)) {
            statement.setString(1, id.database());
            statement.setString(2, id.table());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    columns.add(column(rows));
                    String generation = rows.getString("GENERATION_EXPRESSION");
                    if ("ROW START".equalsIgnoreCase(generation) || "ROW END".equalsIgnoreCase(generation)) {
                        periodColumns.add(columns.get(columns.size() - 1).name());
                    }
                }
            }
        } finally {
            if (sessionZone != null) {
                try (PreparedStatement restore = connection.prepareStatement("SET time_zone = ?")) {
                    restore.setString(1, sessionZone);
                    restore.execute();
                }
            }
        }
        if (columns.isEmpty()) {
            return Optional.empty();
        }
        if (!mariaDb && columns.stream().anyMatch(MySqlDefaults::mayBeLossy)) {
            columns = withDefaultsOfShowCreateTable(connection, id, columns);
        }
        TableKey key = TableIndex.keyOf(indexes(connection, id), columns);
        if (mariaDb && !periodColumns.isEmpty()) {
            // SHOW CREATE TABLE, which Debezium reads, writes neither NULL nor NOT NULL for a system period's
            // columns: nullable to Debezium unless in the key (MariaDB adds the period's end to it)
            columns = columns.stream().map(column -> periodColumns.contains(column.name())
                    ? column.withNullable(!key.columns().contains(column.name())) : column).toList();
        }
        Optional<String> charset = Optional.empty();
        Optional<String> comment = Optional.empty();
        boolean versioned = false;
        try (PreparedStatement statement = connection.prepareStatement(TABLE)) {
            statement.setString(1, id.database());
            statement.setString(2, id.table());
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    // renamed or dropped since its columns were read: half a table is none
                    return Optional.empty();
                }
                charset = Optional.ofNullable(rows.getString(1));
                comment = comment(rows.getString(2));
                versioned = SYSTEM_VERSIONED.equals(rows.getString(3));
            }
        }
        // a period the table names is made of ordinary columns, in information_schema and in the binlog alike
        return Optional.of(new TableDefinition(id, columns, key, charset, comment,
                mariaDb && versioned && periodColumns.isEmpty()));
    }

    /** Sets the session's time zone to the server's and returns the one it had. */
    private static String switchToServerTimeZone(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            String zone;
            try (ResultSet rows = statement.executeQuery("SELECT @@session.time_zone")) {
                rows.next();
                zone = rows.getString(1);
            }
            statement.execute("SET time_zone = @@global.time_zone");
            return zone;
        }
    }

    /** The columns with their defaults as {@code SHOW CREATE TABLE} writes them where it wrote a hex literal. */
    private static List<ColumnDefinition> withDefaultsOfShowCreateTable(Connection connection, TableId id,
            List<ColumnDefinition> columns) throws SQLException {
        String createTable;
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SHOW CREATE TABLE " + quote(id.database()) + "."
                        + quote(id.table()))) {
            if (!rows.next()) {
                return columns;
            }
            createTable = rows.getString(2);
        }
        List<ColumnDefinition> read = new ArrayList<>();
        for (ColumnDefinition column : columns) {
            Optional<String> hex = MySqlDefaults.mayBeLossy(column)
                    ? MySqlDefaults.hexDefault(createTable, column.name()) : Optional.empty();
            read.add(hex.isPresent() ? column.withDefaultValue(hex) : column);
        }
        return read;
    }

    /**
     * The table's indexes in the server's order. {@code information_schema} keeps no order of indexes (nor their
     * creation order), while Debezium takes the first eligible UNIQUE key in the order of {@code SHOW CREATE TABLE}:
     * {@code SHOW INDEX} lists the indexes in that same order on MariaDB and MySQL.
     */
    private static List<TableIndex> indexes(Connection connection, TableId id) throws SQLException {
        Map<String, IndexRows> byName = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SHOW INDEX FROM " + quote(id.table()) + " FROM "
                        + quote(id.database()))) {
            while (rows.next()) {
                String name = rows.getString("Key_name");
                IndexRows index = byName.get(name);
                if (index == null) {
                    index = new IndexRows(name, rows.getInt("Non_unique") == 0,
                            "HASH".equalsIgnoreCase(rows.getString("Index_type")));
                    byName.put(name, index);
                }
                index.parts().put(rows.getInt("Seq_in_index"), new TableIndex.Part(
                        Optional.ofNullable(rows.getString("Column_name")), rows.getObject("Sub_part") != null,
                        "D".equalsIgnoreCase(rows.getString("Collation"))));
            }
        }
        return byName.values().stream()
                .map(index -> new TableIndex(index.name(), index.unique(), index.hashed(),
                        List.copyOf(index.parts().values())))
                .toList();
    }

    /** The rows of one index while they are read, its parts by their position in the index. */
    private record IndexRows(String name, boolean unique, boolean hashed, SortedMap<Integer, TableIndex.Part> parts) {
        IndexRows(String name, boolean unique, boolean hashed) {
            this(name, unique, hashed, new TreeMap<>());
        }
    }

    private static String quote(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }

    private ColumnDefinition column(ResultSet row) throws SQLException {
        String dataType = row.getString("DATA_TYPE").toLowerCase(java.util.Locale.ROOT);
        String columnType = row.getString("COLUMN_TYPE");
        long length = firstNonNull(row, "CHARACTER_MAXIMUM_LENGTH", "NUMERIC_PRECISION");
        int scale = (int) firstNonNull(row, "NUMERIC_SCALE", "DATETIME_PRECISION");
        return new ColumnDefinition(
                row.getString("COLUMN_NAME"),
                row.getInt("ORDINAL_POSITION"),
                dataType,
                columnType,
                "YES".equals(row.getString("IS_NULLABLE")),
                defaultValue(row.getString("COLUMN_DEFAULT"), extra(row), dataType, length),
                Optional.ofNullable(row.getString("CHARACTER_SET_NAME")),
                dataType.equals("bit") ? bitLength(columnType) : length,
                scale,
                dataType.equals("enum") || dataType.equals("set") ? enumValues(columnType) : List.of(),
                // Debezium's MySQL DDL parser marks an ON UPDATE CURRENT_TIMESTAMP column auto-incremented too
                extra(row).contains("auto_increment") || !mariaDb && extra(row).contains("on update"),
                isGenerated(extra(row)),
                comment(row.getString("COLUMN_COMMENT")));
    }

    private static String extra(ResultSet row) throws SQLException {
        String extra = row.getString("EXTRA");
        return extra == null ? "" : extra.toLowerCase(java.util.Locale.ROOT);
    }

    /** MySQL's generated columns say {@code VIRTUAL GENERATED}, its expression defaults {@code DEFAULT_GENERATED}. */
    private static boolean isGenerated(String extra) {
        return extra.contains("virtual") || extra.contains("stored") || extra.contains("persistent")
                || extra.contains("generated") && !extra.contains("default_generated");
    }

    /**
     * A table or column comment as {@code SHOW CREATE TABLE} writes it. Only MariaDB's: Debezium 3.6's MySQL connector
     * leaves comments out under {@code include.schema.comments=false}; Debezium 3.5's MariaDB connector keeps them
     * under {@code include.schema.changes=true} (its events' schemas leave them out otherwise, as {@code SchemaCache}
     * does).
     */
    private Optional<String> comment(String text) {
        return !mariaDb || text == null || text.isEmpty() ? Optional.empty() : Optional.of(StringLiterals.body(text));
    }

    private static long firstNonNull(ResultSet row, String first, String second) throws SQLException {
        long value = row.getLong(first);
        if (!row.wasNull()) {
            return value;
        }
        value = row.getLong(second);
        return row.wasNull() ? 0 : value;
    }

    /**
     * The default as Debezium's DDL parser states it: a literal unquoted (escapes kept), {@code CURRENT_TIMESTAMP} as
     * {@value #EPOCH_DEFAULT}; empty for none, NULL, or another expression such as {@code uuid()}.
     *
     * @param raw {@code COLUMN_DEFAULT}: MariaDB quotes a literal as its DDL does; MySQL's is read by
     *     {@link MySqlDefaults}
     * @param extra {@code EXTRA}, lower case
     * @param dataType {@code DATA_TYPE}, lower case
     * @param length {@code CHARACTER_MAXIMUM_LENGTH}
     */
    Optional<String> defaultValue(String raw, String extra, String dataType, long length) {
        if (raw == null) {
            return Optional.empty();
        }
        return mariaDb ? mariaDbDefault(raw) : MySqlDefaults.of(raw, extra, dataType, length);
    }

    private static Optional<String> mariaDbDefault(String raw) {
        if (raw.equals("NULL")) {
            return Optional.empty();
        }
        if (raw.length() >= 2 && raw.startsWith("'") && raw.endsWith("'")) {
            // kept as written, doubled quotes included, as Debezium does
            return Optional.of(raw.substring(1, raw.length() - 1));
        }
        if (raw.matches("-?[0-9.eE+-]+") || raw.startsWith("b'")) {
            return Optional.of(raw);
        }
        // Debezium's DDL parser reads CURRENT_TIMESTAMP, at any precision, as the epoch
        return CURRENT_TIMESTAMP.matcher(raw).matches() ? Optional.of(EPOCH_DEFAULT) : Optional.empty();
    }

    private static long bitLength(String columnType) {
        int open = columnType.indexOf('(');
        return open < 0 ? 1 : Long.parseLong(columnType.substring(open + 1, columnType.indexOf(')')));
    }

    /** The member tokens of {@code enum('a','b''c')} or {@code set(...)}. */
    static List<String> enumValues(String columnType) {
        return EnumMembers.fromColumnType(columnType);
    }
}
