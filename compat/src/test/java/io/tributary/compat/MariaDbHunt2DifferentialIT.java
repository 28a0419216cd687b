package io.tributary.compat;

/** {@link Hunt2DifferentialIT} on MariaDB 10.11 with Debezium 3.5. */
class MariaDbHunt2DifferentialIT extends Hunt2DifferentialIT {
    @Override
    TestServer server() {
        return TestServer.MARIADB;
    }
}
