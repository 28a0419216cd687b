package io.tributary.compat;

/** {@link Hunt3DifferentialIT} on MariaDB 10.11 with Debezium 3.5. */
class MariaDbHunt3DifferentialIT extends Hunt3DifferentialIT {
    @Override
    TestServer server() {
        return TestServer.MARIADB;
    }
}
