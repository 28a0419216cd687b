package io.tributary.compat;

/** {@link SeedConfigConnectIT} on MariaDB 10.11 with Debezium 3.5. */
class MariaDbSeedConfigConnectIT extends SeedConfigConnectIT {
    @Override
    TestServer server() {
        return TestServer.MARIADB;
    }
}
