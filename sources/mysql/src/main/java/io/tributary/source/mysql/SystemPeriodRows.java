package io.tributary.source.mysql;

import java.io.Serializable;

import io.tributary.source.mysql.schema.TableDefinition;

/**
 * The rows of a MariaDB table {@code WITH SYSTEM VERSIONING} whose period columns the server added itself, as the
 * table's users see them. Such a table keeps every old version of a row as a history row, and the binlog shows that
 * bookkeeping: an UPDATE writes the new version and inserts the old one as history, a DELETE turns the row into
 * history (an update of its {@code row_end}, or a delete and an insert). A row is current while its {@code row_end}
 * is the largest TIMESTAMP the server has; history rows are not the table's rows and are left out, and a row that
 * becomes history is deleted. (Debezium stops on these tables while streaming: its schema lacks the two columns.)
 */
final class SystemPeriodRows {
    /** {@code row_end} of a current row, in microseconds: 2038-01-19 03:14:07.999999 UTC. */
    private static final long CURRENT = 2_147_483_647_999_999L;
    /** The same since MariaDB 11.5 on 64-bit systems, where TIMESTAMP reaches 2106-02-07 06:28:15.999999 UTC. */
    private static final long CURRENT_SINCE_11_5 = 4_294_967_295_999_999L;

    private SystemPeriodRows() {
    }

    /** Whether a binlog row of the table is one of its rows (not a history row): always, without hidden periods. */
    static boolean isCurrent(TableDefinition table, Serializable[] values) {
        if (!table.hiddenSystemPeriod()) {
            return true;
        }
        Serializable end = values[table.columns().size() + 1];
        return end instanceof Long micros && (micros == CURRENT || micros == CURRENT_SINCE_11_5);
    }
}
