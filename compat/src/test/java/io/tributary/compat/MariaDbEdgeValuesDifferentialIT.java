package io.tributary.compat;

/** {@link EdgeValuesDifferentialIT} on MariaDB with Debezium 3.5. */
class MariaDbEdgeValuesDifferentialIT extends EdgeValuesDifferentialIT {
    @Override
    TestServer server() {
        return TestServer.MARIADB;
    }
}
