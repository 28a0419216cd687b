package io.tributary.compat;

/**
 * {@link Hunt2DifferentialIT} on MySQL 9.7 with Debezium 3.6.1, under a permissive sql_mode; include.query with
 * binlog_rows_query_log_events on.
 */
class MySqlHunt2DifferentialIT extends Hunt2DifferentialIT {
    @Override
    TestServer server() {
        return TestServer.MYSQL;
    }
}
