package io.tributary.source.mysql.schema.ddl;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.tributary.source.mysql.schema.ColumnDefinition;
import io.tributary.source.mysql.schema.TableDefinition;

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

    /** A number's default as its value, however written: 0, 0.0 and 0.00 are one default of a DECIMAL(5,2). */
    private static String numeric(ColumnDefinition column, String value) {
        if (!NUMERIC.contains(column.dataType())) {
            return value;
        }
        try {
            BigDecimal number = new BigDecimal(value.strip());
            return number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString();
        } catch (NumberFormatException notANumber) {
            return value;
        }
    }
}
