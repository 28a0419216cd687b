package io.tributary.compat;

/** {@link RestartBehindDdlDifferentialIT} on MariaDB with Debezium 3.5. */
class MariaDbRestartBehindDdlDifferentialIT extends RestartBehindDdlDifferentialIT {
    @Override
    TestServer server() {
        return TestServer.MARIADB;
    }
}
