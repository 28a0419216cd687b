package io.tributary.source.mysql;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.tributary.source.mysql.schema.ColumnDefinition;
import io.tributary.source.mysql.schema.TableDefinition;

/**
 * The key a snapshot reads a table in order of, a chunk at a time: each chunk is the rows after the last key read.
 * The key's values are read as the server stores them — binary columns as bytes, everything else as the server's
 * text — and kept in the offset as one text: each value percent-encoded (so that any byte, a comma or a tab
 * survives), binary values as hex, joined by commas. A chunk binds them back as bytes or text, so the comparison
 * {@code (k1, k2) > (?, ?)} runs in the column's own collation, as {@code ORDER BY} does.
 */
final class ChunkKey {
    private static final Set<String> BINARY_TYPES = Set.of("binary", "varbinary", "tinyblob", "blob", "mediumblob",
            "longblob", "bit");
    private static final String ALIAS = "__tributary_key_";

    private final List<String> columns;
    private final boolean[] binary;

    /** No key: the table is read in one pass. */
    static final ChunkKey NONE = new ChunkKey(List.of(), new boolean[0]);

    private ChunkKey(List<String> columns, boolean[] binary) {
        this.columns = columns;
        this.binary = binary;
    }

    /** The table's key, when its rows are stored in key order (else none: the table is read in one pass). */
    ChunkKey(TableDefinition table) {
        this.columns = table.key().ordersRows() ? table.key().columns() : List.of();
        this.binary = new boolean[columns.size()];
        for (int i = 0; i < binary.length; i++) {
            String name = columns.get(i);
            binary[i] = table.columns().stream().filter(column -> column.name().equals(name))
                    .map(ColumnDefinition::dataType).anyMatch(BINARY_TYPES::contains);
        }
    }

    boolean isEmpty() {
        return columns.isEmpty();
    }

    /** The key columns to add to a chunk's select list, each under an alias of its own. */
    String selectList() {
        List<String> expressions = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            expressions.add(SnapshotReader.quote(columns.get(i)) + " AS " + ALIAS + i);
        }
        return String.join(", ", expressions);
    }

    /** {@code WHERE (k1, k2) > (?, ?)}: the rows after a key, to be {@link #bind bound}. */
    String after() {
        return " WHERE (" + quotedList() + ") > (" + columns.stream().map(column -> "?")
                .collect(Collectors.joining(", ")) + ")";
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
            if (binary[i]) {
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
            if (binary[i]) {
                statement.setBytes(i + 1, HexFormat.of().parseHex(values.get(i)));
            } else {
                statement.setString(i + 1, values.get(i));
            }
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
