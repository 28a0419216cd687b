package io.tributary.source.mysql.schema;

import static java.util.Objects.requireNonNull;

/** A table: its database and name, as the server spells them. */
public record TableId(String database, String table) {
    public TableId {
        requireNonNull(database, "database is null");
        requireNonNull(table, "table is null");
    }

    @Override
    public String toString() {
        return database + "." + table;
    }
}
