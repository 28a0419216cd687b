package io.tributary.compat;

/** {@link NamesDifferentialIT} on MariaDB 10.11, with Debezium 3.5.0's MariaDB connector as the oracle. */
class MariaDbNamesDifferentialIT extends NamesDifferentialIT {
    @Override
    TestServer server() {
        return TestServer.MARIADB;
    }
}
