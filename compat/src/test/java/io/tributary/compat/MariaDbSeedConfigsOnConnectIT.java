package io.tributary.compat;

/** {@link SeedConfigsOnConnectIT} on MariaDB 10.11 with Debezium 3.5. */
class MariaDbSeedConfigsOnConnectIT extends SeedConfigsOnConnectIT {
    @Override
    TestServer server() {
        return TestServer.MARIADB;
    }
}
