package io.tributary.source.mysql.schema.ddl;

import static java.util.Objects.requireNonNull;

import io.tributary.source.mysql.schema.ColumnDefinition;

/**
 * A column definition of a statement: the column as {@code information_schema} would describe it (its position still
 * to be given) and what else the definition says about the table.
 *
 * @param primaryKey whether the definition says {@code PRIMARY KEY}
 * @param unique whether it says {@code UNIQUE}
 * @param explicitlyNullable whether it says {@code NULL}
 */
record ColumnSpec(ColumnDefinition column, boolean primaryKey, boolean unique, boolean explicitlyNullable) {
    ColumnSpec {
        requireNonNull(column, "column is null");
    }
}
