package io.tributary.compat;

import java.util.List;

/**
 * {@link TypeCatalogDifferentialIT} on MySQL 9.7 with Debezium 3.6.1, under the permissive sql_mode many applications
 * still run with: the shared catalogue and MySQL's own types ({@code types-mysql.sql}) — binary JSON changed by
 * JSON_SET and friends with partial JSON updates off, an invisible column, expression defaults such as
 * {@code DEFAULT (uuid())}, TIMESTAMP under explicit_defaults_for_timestamp, YEAR, BIT(64), SRID-typed spatial columns,
 * utf8mb4_0900 collations, utf8mb3, utf16 and cp1250 columns, generated columns.
 */
class MySqlTypeCatalogDifferentialIT extends TypeCatalogDifferentialIT {
    @Override
    TestServer server() {
        return TestServer.MYSQL;
    }

    /** mysql_types: 3 reads, 4 updates, 2 inserts, a delete + tombstone, a key change as delete + tombstone + create. */
    @Override
    int ownCatalogueEvents() {
        return 3 + 4 + 2 + 2 + 3;
    }

    /** MySQL logs a row change's statement (a ROWS_QUERY event) only with binlog_rows_query_log_events on. */
    @Override
    List<String> rowStatementsLogged() {
        return List.of("SET GLOBAL binlog_rows_query_log_events = ON");
    }
}
