package io.tributary.source.mysql.schema;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The columns a table's events are keyed by: its PRIMARY KEY, or Debezium's stand-in for a table without one (see
 * {@link TableIndex#keyOf}).
 *
 * @param index the index the key is: {@code PRIMARY}, a UNIQUE index's name, or empty for a table without a key
 * @param columns the key columns in key order; empty for a table without a key
 * @param ordersRows whether the server stores and scans the rows in key order (a PRIMARY KEY, or the unique key it
 *     promotes to one), so that a snapshot can read them in key-ordered chunks and still meet them in the order
 *     a plain {@code SELECT} does
 */
public record TableKey(String index, List<String> columns, boolean ordersRows) {
    public static final TableKey NONE = new TableKey("", List.of(), false);

    public TableKey {
        requireNonNull(index, "index is null");
        columns = List.copyOf(columns);
    }

    /** A table's PRIMARY KEY. */
    public static TableKey primary(List<String> columns) {
        return columns.isEmpty() ? NONE : new TableKey(TableIndex.PRIMARY, columns, true);
    }
}
