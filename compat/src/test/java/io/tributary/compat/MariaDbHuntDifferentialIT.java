package io.tributary.compat;

/** {@link HuntDifferentialIT} on MariaDB 10.11 with Debezium 3.5. */
class MariaDbHuntDifferentialIT extends HuntDifferentialIT {
    @Override
    TestServer server() {
        return TestServer.MARIADB;
    }
}
