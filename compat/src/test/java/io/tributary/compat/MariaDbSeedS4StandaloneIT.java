package io.tributary.compat;

/** {@link SeedS4StandaloneIT} on MariaDB. */
class MariaDbSeedS4StandaloneIT extends SeedS4StandaloneIT {
    @Override
    TestServer server() {
        return TestServer.MARIADB;
    }
}
