package io.tributary.compat;

/** {@link RealWorldSchemasDifferentialIT} on MySQL 9.7 with Debezium 3.6.1, under a permissive sql_mode. */
class MySqlRealWorldSchemasDifferentialIT extends RealWorldSchemasDifferentialIT {
    @Override
    TestServer server() {
        return TestServer.MYSQL;
    }
}
