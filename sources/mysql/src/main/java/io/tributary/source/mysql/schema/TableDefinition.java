package io.tributary.source.mysql.schema;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * A table's columns in order and its primary key, as read from the server. An instance is one version of the
 * table's schema: a DDL statement produces a new one.
 *
 * @param defaultCharset the table's default character set
 * @param comment the table comment, if any
 */
public record TableDefinition(TableId id, List<ColumnDefinition> columns, List<String> primaryKey,
        Optional<String> defaultCharset, Optional<String> comment) {
    public TableDefinition {
        requireNonNull(id, "id is null");
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
        requireNonNull(defaultCharset, "defaultCharset is null");
        requireNonNull(comment, "comment is null");
    }

    public boolean hasPrimaryKey() {
        return !primaryKey.isEmpty();
    }
}
