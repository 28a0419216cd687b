package io.tributary.compat;

/**
 * {@link HuntDifferentialIT} on MySQL 9.7 with Debezium 3.6.1, under a permissive sql_mode; include.query with
 * binlog_rows_query_log_events on.
 */
class MySqlHuntDifferentialIT extends HuntDifferentialIT {
    @Override
    TestServer server() {
        return TestServer.MYSQL;
    }
}
