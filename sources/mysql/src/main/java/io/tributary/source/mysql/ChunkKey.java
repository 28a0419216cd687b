package io.tributary.source.mysql;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.tributary.source.mysql.schema.ColumnDefinition;
import io.tributary.source.mysql.schema.TableDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key a snapshot reads a table in order of, a chunk at a time: each chunk is the rows after the last key read.
 * Each value is read and bound back so that {@code (k1, k2) > (?, ?)} compares as {@code ORDER BY} sorts: text in
 * the column's own collation, binary values as bytes, numbers as exact numbers (never through a double), ENUM, SET,
 * BIT and YEAR as the numbers they sort by (an ENUM sorts in the order of its members, not of their names), TIME as
 * a TIME (its text, negative or past 99 hours, does not sort as its values do). A key with a column of any other
 * type (FLOAT, DOUBLE: their text need not be their exact value) gives no chunks: the table is read in one pass.
 * The values are kept in the offset as one text: each percent-encoded (so that any byte, a comma or a tab
 * survives), binary values as hex, joined by commas.
 */
final class ChunkKey {
    private static final Logger LOG = LoggerFactory.getLogger(ChunkKey.class);
    private static final String ALIAS = "__tributary_key_";

    /** How a key column's values are read, kept and bound back. */
    private enum Kind {
        /** The server's text, bound as text: compared in the column's collation or as its temporal type. */
        TEXT("char", "varchar", "tinytext", "text", "mediumtext", "longtext", "date", "datetime", "timestamp",
                "uuid", "inet4", "inet6"),
        /** Bytes, bound as bytes. */
        BYTES("binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob"),
        /** The server's text of an integer or decimal, bound as an exact number. */
        NUMBER("tinyint", "smallint", "mediumint", "int", "bigint", "decimal"),
        /** The number the column sorts by ({@code k + 0}: an ENUM's member index, a SET's or BIT's bits). */
        ORDINAL("enum", "set", "bit", "year"),
        /** The server's text, bound as {@code CAST(? AS TIME(6))}. */
        TIME("time");

        private final Set<String> dataTypes;

        Kind(String... dataTypes) {
            this.dataTypes = Set.of(dataTypes);
        }

        static Optional<Kind> of(String dataType) {
            return Arrays.stream(values()).filter(kind -> kind.dataTypes.contains(dataType)).findFirst();
        }
    }

    private final List<String> columns;
    private final List<Kind> kinds;

    /** No key: the table is read in one pass. */
    static final ChunkKey NONE = new ChunkKey(List.of(), List.of());

    private ChunkKey(List<String> columns, List<Kind> kinds) {
        this.columns = columns;
        this.kinds = kinds;
    }

    /**
     * The table's key, when its rows are stored in key order and every key column can be compared as it sorts;
     * else none: the table is read in one pass.
     */
    static ChunkKey of(TableDefinition table) {
        if (!table.key().ordersRows()) {
            return NONE;
        }
        List<Kind> kinds = new ArrayList<>();
        for (String name : table.key().columns()) {
            Optional<ColumnDefinition> column = table.columns().stream()
                    .filter(candidate -> candidate.name().equals(name)).findFirst();
            Optional<Kind> kind = column.flatMap(found -> Kind.of(found.dataType()));
            if (kind.isEmpty()) {
                LOG.info("{} is read in one pass: its key column {} ({}) cannot be read in chunks", table.id(), name,
                        column.map(ColumnDefinition::columnType).orElse("not found"));
                return NONE;
            }
            kinds.add(kind.get());
        }
        return new ChunkKey(table.key().columns(), List.copyOf(kinds));
    }

    boolean isEmpty() {
        return columns.isEmpty();
    }

    /** The key columns to add to a chunk's select list, each under an alias of its own. */
    String selectList() {
        List<String> expressions = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            String column = SnapshotReader.quote(columns.get(i));
            expressions.add((kinds.get(i) == Kind.ORDINAL ? "(" + column + " + 0)" : column) + " AS " + ALIAS + i);
        }
        return String.join(", ", expressions);
    }

    /** {@code WHERE (k1, k2) > (?, ?)}: the rows after a key, to be {@link #bind bound}. */
    String after() {
        return " WHERE (" + quotedList() + ") > (" + kinds.stream()
                .map(kind -> kind == Kind.TIME ? "CAST(? AS TIME(6))" : "?").collect(Collectors.joining(", ")) + ")";
    }

    String orderBy() {
        return " ORDER BY " + quotedList();
    }

    private String quotedList() {
        return columns.stream().map(SnapshotReader::quote).collect(Collectors.joining(", "));
    }

    /** The key of the current row, encoded for the offset. */
    String read(ResultSet row) throws SQLException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            if (kinds.get(i) == Kind.BYTES) {
                text.append(HexFormat.of().formatHex(row.getBytes(ALIAS + i)));
            } else {
                percentEncode(row.getString(ALIAS + i), text);
            }
        }
        return text.toString();
    }

    /** Binds an encoded key (or one written by an earlier version: tab-separated text) from the first parameter. */
    void bind(PreparedStatement statement, String encoded) throws SQLException {
        List<String> values = decode(encoded);
        if (values.size() != columns.size()) {
            values = List.of(encoded.split("\t", -1));
        }
        for (int i = 0; i < columns.size(); i++) {
            String value = values.get(i);
            switch (kinds.get(i)) {
                case BYTES -> statement.setBytes(i + 1, HexFormat.of().parseHex(value));
                case NUMBER, ORDINAL -> statement.setBigDecimal(i + 1, number(columns.get(i), value));
                default -> statement.setString(i + 1, value);
            }
        }
    }

    private static BigDecimal number(String column, String value) {
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("the snapshot's offset holds \"" + value + "\" as the last key of column "
                    + column + ", which is not a number; it was written by an earlier version that kept ENUM, SET "
                    + "and BIT keys as their text: remove the offset to take the snapshot again", e);
        }
    }

    static List<String> decode(String encoded) {
        List<String> values = new ArrayList<>();
        ByteArrayOutputStream value = new ByteArrayOutputStream();
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == ',') {
                values.add(value.toString(StandardCharsets.UTF_8));
                value.reset();
            } else if (c == '%' && i + 2 < encoded.length()) {
                value.write(HexFormat.fromHexDigits(encoded, i + 1, i + 3));
                i += 2;
            } else {
                int end = Character.isHighSurrogate(c) && i + 1 < encoded.length() ? i + 2 : i + 1;
                byte[] bytes = encoded.substring(i, end).getBytes(StandardCharsets.UTF_8);
                value.write(bytes, 0, bytes.length);
                i = end - 1;
            }
        }
        values.add(value.toString(StandardCharsets.UTF_8));
        return values;
    }

    /** Appends {@code value} with '%', ',' and the ASCII control characters as %XX. */
    private static void percentEncode(String value, StringBuilder text) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%' || c == ',' || c < 0x20 || c == 0x7F) {
                text.append('%').append(HexFormat.of().withUpperCase().toHexDigits((byte) c));
            } else {
                text.append(c);
            }
        }
    }
}
