package io.tributary.compat;

/** {@link EdgeValuesDifferentialIT} on MySQL 9.7 with Debezium 3.6.1, under a permissive sql_mode. */
class MySqlEdgeValuesDifferentialIT extends EdgeValuesDifferentialIT {
    @Override
    TestServer server() {
        return TestServer.MYSQL;
    }
}
