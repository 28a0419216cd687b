package io.tributary.source.mysql;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

import io.tributary.source.mysql.schema.TableId;

/**
 * Whether the server tells table names apart by case. Under {@code lower_case_table_names} 1 or 2 it does not: it
 * keeps names (and writes them to the binlog) in lower case, while statements spell them as they like. Debezium then
 * looks tables up whatever their spelling and names one as the statement that created or renamed it spelt it; the
 * maps of known tables use {@link #key} for the same lookups.
 *
 * @param ignored whether names differing only in case are the same table's
 */
record TableNameCase(boolean ignored) {
    static final TableNameCase SENSITIVE = new TableNameCase(false);

    /** The server's setting: names are told apart by case unless {@code lower_case_table_names} is 1 or 2. */
    static TableNameCase of(Connection connection) throws SQLException {
        String setting = ServerConnections.variable(connection, "lower_case_table_names");
        return new TableNameCase(setting != null && !setting.equals("0"));
    }

    /** The id a table is found by: {@code id} itself, or in lower case where case is ignored. */
    TableId key(TableId id) {
        return ignored ? new TableId(id.database().toLowerCase(Locale.ROOT), id.table().toLowerCase(Locale.ROOT)) : id;
    }
}
