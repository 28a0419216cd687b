package io.tributary.source.mysql.schema;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A table's columns in order and its key, as read from the server. An instance is one version of the table's
 * schema: a DDL statement produces a new one.
 *
 * @param key the primary key, or Debezium's stand-in for a table without one (the first UNIQUE key of NOT NULL
 *     columns); this is what schema-change events call {@code primaryKeyColumnNames}
 * @param defaultCharset the table's default character set
 * @param comment the table comment, if any
 * @param hiddenSystemPeriod a MariaDB table {@code WITH SYSTEM VERSIONING} whose period columns the server added
 *     itself: {@code information_schema} and {@code SHOW CREATE TABLE} leave them out, as Debezium does, while the
 *     binlog's rows carry them after the table's columns ({@code row_start}, {@code row_end}, both TIMESTAMP(6))
 * @param declaredCharset the default character set as the statement that made the table named it, where Debezium
 *     keeps that name ({@code utf8}); empty when not known or spelt as the server spells it
 */
public record TableDefinition(TableId id, List<ColumnDefinition> columns, TableKey key,
        Optional<String> defaultCharset, Optional<String> comment, boolean hiddenSystemPeriod,
        Optional<String> declaredCharset) {
    /** The number of period columns the binlog's rows of a table with a {@link #hiddenSystemPeriod} carry. */
    public static final int HIDDEN_PERIOD_COLUMNS = 2;

    public TableDefinition {
        requireNonNull(id, "id is null");
        columns = List.copyOf(columns);
        requireNonNull(key, "key is null");
        requireNonNull(defaultCharset, "defaultCharset is null");
        requireNonNull(comment, "comment is null");
        requireNonNull(declaredCharset, "declaredCharset is null");
    }

    /** A table as the server describes it. */
    public TableDefinition(TableId id, List<ColumnDefinition> columns, TableKey key, Optional<String> defaultCharset,
            Optional<String> comment, boolean hiddenSystemPeriod) {
        this(id, columns, key, defaultCharset, comment, hiddenSystemPeriod, Optional.empty());
    }

    /** A table without hidden period columns. */
    public TableDefinition(TableId id, List<ColumnDefinition> columns, TableKey key, Optional<String> defaultCharset,
            Optional<String> comment) {
        this(id, columns, key, defaultCharset, comment, false);
    }

    /** The same table without its columns' comments. */
    public TableDefinition withoutColumnComments() {
        return new TableDefinition(id, columns.stream().map(ColumnDefinition::withoutComment).toList(), key,
                defaultCharset, comment, hiddenSystemPeriod, declaredCharset);
    }

    /** The same table with another table comment. */
    public TableDefinition withComment(Optional<String> newComment) {
        if (newComment.equals(comment)) {
            return this;
        }
        return new TableDefinition(id, columns, key, defaultCharset, newComment, hiddenSystemPeriod, declaredCharset);
    }

    /** The same table under another name. */
    public TableDefinition withId(TableId newId) {
        return new TableDefinition(newId, columns, key, defaultCharset, comment, hiddenSystemPeriod, declaredCharset);
    }

    /**
     * This table with the {@link ColumnDefinition#declared declared types} {@code earlier} knew of its columns: of
     * each column of the same name and the same type there, whose type no statement since can have respelt (and a
     * BOOL's default as the statement wrote it).
     */
    public TableDefinition withDeclaredTypesOf(Optional<TableDefinition> earlier) {
        if (earlier.isEmpty() || earlier.get().columns.stream().allMatch(column -> column.declared().isEmpty())
                && earlier.get().declaredCharset.isEmpty()) {
            return this;
        }
        Optional<String> charsetSpelt = declaredCharset.isPresent()
                || !defaultCharset.equals(earlier.get().defaultCharset) ? declaredCharset : earlier.get().declaredCharset;
        List<ColumnDefinition> merged = columns.stream().map(column -> earlier.get().columns.stream()
                .filter(known -> known.declared().isPresent() && known.name().equalsIgnoreCase(column.name())
                        && sameType(known, column) && known.charset().equals(column.charset())
                        && column.declared().isEmpty())
                .findFirst().map(known -> spelt(column, known)).orElse(column)).toList();
        if (merged.equals(columns) && charsetSpelt.equals(declaredCharset)) {
            return this;
        }
        return new TableDefinition(id, merged, key, defaultCharset, comment, hiddenSystemPeriod, charsetSpelt);
    }

    /**
     * This table with each column's default as {@code spelt} writes it, for a column of the same name that has one:
     * for a definition known to mean the same defaults ({@code DefinitionChoice}), written another way.
     */
    public TableDefinition withDefaultsSpeltAs(TableDefinition spelt) {
        List<ColumnDefinition> merged = columns.stream().map(column -> spelt.columns.stream()
                .filter(other -> other.name().equalsIgnoreCase(column.name()) && other.defaultValue().isPresent()
                        && column.defaultValue().isPresent())
                .findFirst().map(other -> column.withDefaultValue(other.defaultValue())).orElse(column)).toList();
        return merged.equals(columns) ? this
                : new TableDefinition(id, merged, key, defaultCharset, comment, hiddenSystemPeriod, declaredCharset);
    }

    /** A column with the type the statement spelt, and a BOOL's default as spelt (TRUE) while it means the same. */
    private static ColumnDefinition spelt(ColumnDefinition column, ColumnDefinition known) {
        ColumnDefinition declared = column.withDeclared(known.declared());
        boolean sameBoolean = known.defaultValue().map(DeclaredType::booleanOf)
                .equals(column.defaultValue().map(DeclaredType::booleanOf));
        return known.declared().get().isBoolean() && sameBoolean ? declared.withDefaultValue(known.defaultValue())
                : declared;
    }

    /** The same type, integer display widths aside (which MariaDB and MySQL spell differently), TINYINT(1) kept. */
    private static boolean sameType(ColumnDefinition known, ColumnDefinition column) {
        return known.dataType().equals(column.dataType())
                && withoutWidth(known.columnType()).equals(withoutWidth(column.columnType()));
    }

    private static String withoutWidth(String columnType) {
        String type = columnType.toLowerCase(Locale.ROOT);
        return type.startsWith("tinyint(1)") ? type
                : type.replaceFirst("^(tinyint|smallint|mediumint|int|bigint|year)\\(\\d+\\)", "$1");
    }

    /** How many columns the binlog's rows of this table carry. */
    public int binlogColumns() {
        return columns.size() + (hiddenSystemPeriod ? HIDDEN_PERIOD_COLUMNS : 0);
    }

    /** The key's columns in key order; empty for a table without a key. */
    public List<String> primaryKey() {
        return key.columns();
    }

    public boolean hasPrimaryKey() {
        return !key.columns().isEmpty();
    }
}
