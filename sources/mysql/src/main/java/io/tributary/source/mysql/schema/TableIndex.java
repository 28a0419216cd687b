package io.tributary.source.mysql.schema;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One index of a table as {@code SHOW INDEX} lists it.
 *
 * @param name the index name; {@code PRIMARY} for the primary key
 * @param unique whether the index is a PRIMARY KEY or UNIQUE
 * @param hashed whether the server keeps it as a hash of the columns (MariaDB's long UNIQUE keys over BLOB and TEXT)
 * @param parts the key parts in index order
 */
public record TableIndex(String name, boolean unique, boolean hashed, List<Part> parts) {
    /** The name of every primary key. */
    public static final String PRIMARY = "PRIMARY";

    /**
     * One key part.
     *
     * @param column the column; empty for an expression (MySQL's functional key parts)
     * @param prefix whether only a prefix of the column is indexed, {@code (name(10))}
     * @param descending whether the index keeps the part in descending order ({@code (name DESC)})
     */
    public record Part(Optional<String> column, boolean prefix, boolean descending) {
        public Part {
            requireNonNull(column, "column is null");
        }

        public Part(Optional<String> column, boolean prefix) {
            this(column, prefix, false);
        }
    }

    public TableIndex {
        requireNonNull(name, "name is null");
        parts = List.copyOf(parts);
    }

    public boolean primary() {
        return name.equals(PRIMARY);
    }

    /**
     * The key Debezium gives a table: its PRIMARY KEY, or when it has none the first UNIQUE index, in the server's
     * order ({@code SHOW CREATE TABLE}'s, which {@code SHOW INDEX} shares), whose parts are all NOT NULL columns;
     * empty when there is neither.
     *
     * @param indexes the table's indexes in the server's order
     */
    public static TableKey keyOf(List<TableIndex> indexes, List<ColumnDefinition> columns) {
        Map<String, ColumnDefinition> byName = columns.stream()
                .collect(Collectors.toMap(ColumnDefinition::name, Function.identity()));
        for (TableIndex index : indexes) {
            if (index.primary()) {
                return new TableKey(PRIMARY, index.columnNames(), index.ascending());
            }
        }
        for (TableIndex index : indexes) {
            if (index.unique() && index.allPartsAreNotNullColumns(byName)) {
                return new TableKey(index.name(), index.columnNames(), index.ordersRows(byName));
            }
        }
        return TableKey.NONE;
    }

    private boolean allPartsAreNotNullColumns(Map<String, ColumnDefinition> columns) {
        return parts.stream().allMatch(part -> part.column().map(columns::get)
                .map(column -> !column.nullable()).orElse(false));
    }

    /**
     * Whether the server makes this unique index the table's implicit primary key, which InnoDB stores rows in the
     * order of: no column prefixes, no hash, no generated column (InnoDB then keeps rows by a hidden row id; the
     * first such NOT NULL index, which the server lists first) — and whether that order is the ascending one that
     * chunks are read in.
     */
    private boolean ordersRows(Map<String, ColumnDefinition> columns) {
        return !hashed && ascending() && parts.stream().noneMatch(Part::prefix)
                && parts.stream().noneMatch(part -> part.column().map(columns::get)
                        .map(ColumnDefinition::generated).orElse(true));
    }

    /** Whether every part is in ascending order: a key with a DESC part is read in one pass, in the server's order. */
    private boolean ascending() {
        return parts.stream().noneMatch(Part::descending);
    }

    private List<String> columnNames() {
        return parts.stream().map(part -> part.column().orElseThrow()).toList();
    }
}
