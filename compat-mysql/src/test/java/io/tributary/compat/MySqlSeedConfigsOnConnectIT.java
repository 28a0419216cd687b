package io.tributary.compat;

/** {@link SeedConfigsOnConnectIT} on MySQL 9.7, the seeds' own server, with Debezium 3.6.1's MySQL connector. */
class MySqlSeedConfigsOnConnectIT extends SeedConfigsOnConnectIT {
    @Override
    TestServer server() {
        return TestServer.MYSQL;
    }
}
