package io.tributary.source.mysql;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import io.tributary.api.SourceException;
import io.tributary.source.mysql.event.TableSchemas;

/** Whether a table definition read from {@code information_schema} fits the rows of a binlog table map. */
final class TableMapCheck {
    private TableMapCheck() {
    }

    /**
     * Checks the cached definition against the table map: the column count always, and the column names too when
     * the server writes them ({@code binlog_row_metadata=FULL}). A mismatch means the definition was read after a
     * later DDL statement, so the rows cannot be decoded safely.
     */
    static Optional<TableSchemas> checked(SchemaCache schemas, Connection connection, TableSchemas table,
            TableMapEventData tableMap) throws SQLException {
        if (matches(table, tableMap)) {
            return Optional.of(table);
        }
        schemas.invalidate(tableMap.getDatabase());
        Optional<TableSchemas> reread = schemas.get(connection, table.definition().id());
        if (reread.isPresent() && matches(reread.get(), tableMap)) {
            return reread;
        }
        throw SourceException.fatal("table " + table.definition().id() + " has columns "
                + binlogColumns(tableMap) + " in the binlog but " + table.definition().columns().stream()
                        .map(column -> column.name()).toList()
                + " now: its definition changed again before these changes were read. Take a new snapshot of it.");
    }

    private static boolean matches(TableSchemas table, TableMapEventData tableMap) {
        if (tableMap.getColumnTypes().length != table.definition().columns().size()) {
            return false;
        }
        List<String> names = columnNames(tableMap);
        return names == null || names.equals(table.definition().columns().stream().map(column -> column.name()).toList());
    }

    private static List<String> columnNames(TableMapEventData tableMap) {
        return tableMap.getEventMetadata() == null ? null : tableMap.getEventMetadata().getColumnNames();
    }

    private static String binlogColumns(TableMapEventData tableMap) {
        List<String> names = columnNames(tableMap);
        return names != null ? names.toString() : tableMap.getColumnTypes().length + " columns";
    }
}
