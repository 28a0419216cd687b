package io.tributary.source.mysql.schema;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * A table's columns in order and its key, as read from the server. An instance is one version of the table's
 * schema: a DDL statement produces a new one.
 *
 * @param key the primary key, or Debezium's stand-in for a table without one (the first UNIQUE key of NOT NULL
 *     columns); this is what schema-change events call {@code primaryKeyColumnNames}
 * @param defaultCharset the table's default character set
 * @param comment the table comment, if any
 */
public record TableDefinition(TableId id, List<ColumnDefinition> columns, TableKey key,
        Optional<String> defaultCharset, Optional<String> comment) {
    public TableDefinition {
        requireNonNull(id, "id is null");
        columns = List.copyOf(columns);
        requireNonNull(key, "key is null");
        requireNonNull(defaultCharset, "defaultCharset is null");
        requireNonNull(comment, "comment is null");
    }

    /** The key's columns in key order; empty for a table without a key. */
    public List<String> primaryKey() {
        return key.columns();
    }

    public boolean hasPrimaryKey() {
        return !key.columns().isEmpty();
    }
}
