package io.tributary.compat;

/** {@link LaggingDdlDifferentialIT} on MariaDB with Debezium 3.5. */
class MariaDbLaggingDdlDifferentialIT extends LaggingDdlDifferentialIT {
    @Override
    TestServer server() {
        return TestServer.MARIADB;
    }

    @Override
    int schemaChangeEvents() {
        return 20;
    }
}
