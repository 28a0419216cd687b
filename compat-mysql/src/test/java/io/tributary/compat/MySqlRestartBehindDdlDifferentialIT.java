package io.tributary.compat;

/** {@link RestartBehindDdlDifferentialIT} on MySQL 9.7 with Debezium 3.6.1. */
class MySqlRestartBehindDdlDifferentialIT extends RestartBehindDdlDifferentialIT {
    @Override
    TestServer server() {
        return TestServer.MYSQL;
    }
}
