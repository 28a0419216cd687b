package io.tributary.compat;

/** {@link SeedS4StandaloneIT} on MySQL 9.7, the server seed 003 runs on (Aurora MySQL). */
class MySqlSeedS4StandaloneIT extends SeedS4StandaloneIT {
    @Override
    TestServer server() {
        return TestServer.MYSQL;
    }
}
