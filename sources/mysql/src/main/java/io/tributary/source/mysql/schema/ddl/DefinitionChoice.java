package io.tributary.source.mysql.schema.ddl;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import io.tributary.source.mysql.schema.ColumnDefinition;
import io.tributary.source.mysql.schema.TableDefinition;
import io.tributary.source.mysql.schema.TableKey;

/**
 * Which definition a schema-change event describes a table with: the one {@code information_schema} shows now, or
 * the one {@link DdlApplier} worked out for the moment right after the statement. The server's is taken whenever the
 * two agree on the table's structure (its columns' names, order, types, nullability, defaults and character sets,
 * and its key), and whenever
 * the statement was not understood; the applied one only when the server's differs, which proves that the server
 * already shows a later moment (capture is behind, and the table changed again since), or when the table is gone.
 */
public final class DefinitionChoice {
    private DefinitionChoice() {
    }

    /**
     * @param current the table as {@code information_schema} shows it now; empty when it no longer exists
     * @param applied the table right after the statement; empty when the statement was not understood
     */
    public static Optional<TableDefinition> of(Optional<TableDefinition> current, Optional<TableDefinition> applied) {
        if (applied.isEmpty()) {
            return current;
        }
        if (current.isPresent() && sameStructure(current.get(), applied.get())) {
            // the server's description, with the statement's spelling of the types and of numeric defaults (0 where
            // the server writes 0.00: Debezium keeps the statement's), and the table comment as the statements give
            // it (the server's but where Debezium's parser does not follow it: CREATE TABLE ... LIKE)
            return current.map(table -> table.withDeclaredTypesOf(applied).withDefaultsSpeltAs(applied.get())
                    .withComment(applied.get().comment()));
        }
        return applied;
    }

    /**
     * A table a statement not understood as a whole created (its elements read one by one:
     * {@link DdlApplier#columnsRead}): its columns in the statement's order, each as the statement defines it where
     * understood, as Debezium's parser reads it (its type's spelling, its default as written, its nullability: a bare
     * TIMESTAMP the server made NOT NULL under {@code explicit_defaults_for_timestamp=OFF}), and otherwise as the
     * server describes it. A text column is taken as read only when the table's options were understood (they may
     * set its character set) or the server's has the same character set.
     *
     * @return empty when a column not understood is not on the server any more
     */
    public static Optional<TableDefinition> withColumnsRead(TableDefinition current, ColumnsRead columnsRead) {
        TableDefinition read = columnsRead.read();
        List<ColumnDefinition> columns = new ArrayList<>();
        for (String name : columnsRead.names()) {
            Optional<ColumnDefinition> server = column(current, name);
            Optional<ColumnDefinition> taken = column(read, name).filter(column -> columnsRead.optionsRead()
                    || column.charset().equals(server.flatMap(ColumnDefinition::charset)))
                    .or(() -> server);
            if (taken.isEmpty()) {
                return Optional.empty();
            }
            columns.add(taken.get().withPosition(columns.size() + 1));
        }
        TableKey key = read.hasPrimaryKey() ? read.key() : current.key();
        if (!key.columns().stream().allMatch(name -> columns.stream().anyMatch(
                column -> column.name().equalsIgnoreCase(name)))) {
            key = current.key();
        }
        List<String> keyColumns = key.columns();
        List<ColumnDefinition> keyed = columns.stream().map(column -> keyColumns.stream()
                .anyMatch(name -> name.equalsIgnoreCase(column.name())) ? column.notNull() : column).toList();
        boolean optionsRead = columnsRead.optionsRead();
        return Optional.of(new TableDefinition(current.id(), keyed, key,
                optionsRead ? read.defaultCharset() : current.defaultCharset(), current.comment(),
                current.hiddenSystemPeriod(), optionsRead ? read.declaredCharset() : current.declaredCharset()));
    }

    /**
     * A table after a statement not understood that altered it: the server's description, where each column the
     * statement does not name is as the definition before it had it (as Debezium's history has it), when it has the
     * same data type and character set there (a CONVERT TO CHARACTER SET changes columns without naming them; a
     * column of another type was changed since), and without the columns that neither were there before nor are
     * named by the statement (a later statement added them).
     */
    public static TableDefinition withUnnamedColumnsOf(TableDefinition current, TableDefinition before, String sql) {
        // a column neither there before nor named by the statement was added by a later one (capture is behind)
        List<ColumnDefinition> now = current.columns().stream().filter(server -> column(before, server.name())
                .isPresent() || names(sql, server.name())).toList();
        List<ColumnDefinition> columns = new ArrayList<>();
        for (ColumnDefinition server : now) {
            columns.add(column(before, server.name())
                    .filter(known -> !names(sql, known.name()) && known.dataType().equals(server.dataType())
                            && known.charset().equals(server.charset()))
                    .map(known -> current.primaryKey().stream().anyMatch(name -> name.equalsIgnoreCase(known.name()))
                            ? known.notNull() : known)
                    .orElse(server).withPosition(columns.size() + 1));
        }
        return new TableDefinition(current.id(), columns, current.key(), current.defaultCharset(), current.comment(),
                current.hiddenSystemPeriod(), current.declaredCharset()).withDeclaredTypesOf(Optional.of(before));
    }

    private static Optional<ColumnDefinition> column(TableDefinition table, String name) {
        return table.columns().stream().filter(column -> column.name().equalsIgnoreCase(name)).findFirst();
    }

    /** Whether a statement's text holds a name as a word of its own, quoted or not. */
    private static boolean names(String sql, String name) {
        return Pattern.compile("(?<![\\w$\\x{80}-\\x{FFFF}])" + Pattern.quote(name) + "(?![\\w$\\x{80}-\\x{FFFF}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(sql).find();
    }

    /**
     * Whether two definitions agree on the columns' names, order, types, nullability, defaults and character sets,
     * and on the key: the same moment of the table.
     */
    public static boolean sameStructure(TableDefinition one, TableDefinition other) {
        return structure(one).equals(structure(other));
    }

    /** What makes two definitions the same moment of a table, leaving out what a server may spell its own way. */
    private record Structure(List<ColumnShape> columns, List<String> key) {
    }

    private static final java.util.Set<String> NUMERIC = java.util.Set.of("tinyint", "smallint", "mediumint", "int",
            "bigint", "decimal", "float", "double");

    private record ColumnShape(String name, String dataType, String columnType, boolean nullable,
            Optional<String> defaultValue, Optional<String> charset) {
    }

    private static Structure structure(TableDefinition table) {
        return new Structure(table.columns().stream().map(DefinitionChoice::shape).toList(),
                table.primaryKey().stream().map(name -> name.toLowerCase(Locale.ROOT)).toList());
    }

    private static ColumnShape shape(ColumnDefinition column) {
        // integer display widths are spelt differently by MariaDB and MySQL, and say nothing about the values
        String columnType = column.columnType().toLowerCase(Locale.ROOT)
                .replaceFirst("^(tinyint|smallint|mediumint|int|bigint|year)\\(\\d+\\)", "$1");
        // defaults and character sets as the applier states them are the server's (DdlApplierFidelityIT)
        return new ColumnShape(column.name().toLowerCase(Locale.ROOT), column.dataType(), columnType,
                column.nullable(), column.defaultValue().map(value -> numeric(column, value)), column.charset());
    }

    /**
     * A number's default as its value, however written: 0, 0.0 and 0.00 are one default of a DECIMAL(5,2), TRUE and 1
     * one of a TINYINT(1); a BINARY's without the zero bytes that pad it.
     */
    private static String numeric(ColumnDefinition column, String value) {
        if (column.dataType().equals("binary")) {
            // the server pads a BINARY's default with zero bytes, which the statement need not write
            return value.replaceFirst("(\\\\0)+$", "");
        }
        if (!NUMERIC.contains(column.dataType())) {
            return value;
        }
        if (value.equalsIgnoreCase("TRUE") || value.equalsIgnoreCase("FALSE")) {
            return value.equalsIgnoreCase("TRUE") ? "1" : "0";
        }
        try {
            BigDecimal number = new BigDecimal(value.strip());
            return number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString();
        } catch (NumberFormatException notANumber) {
            return value;
        }
    }
}
