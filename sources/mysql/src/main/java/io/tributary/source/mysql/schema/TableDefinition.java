package io.tributary.source.mysql.schema;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A table's columns in order and its primary key, as read from the server. An instance is one version of the
 * table's schema: a DDL statement produces a new one.
 */
public record TableDefinition(TableId id, List<ColumnDefinition> columns, List<String> primaryKey) {
    public TableDefinition {
        requireNonNull(id, "id is null");
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
    }

    public boolean hasPrimaryKey() {
        return !primaryKey.isEmpty();
    }
}
