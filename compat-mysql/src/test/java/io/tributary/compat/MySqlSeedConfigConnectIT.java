package io.tributary.compat;

/** {@link SeedConfigConnectIT} on MySQL 9.7, the seeds' own server, with Debezium 3.6.1's MySQL connector. */
class MySqlSeedConfigConnectIT extends SeedConfigConnectIT {
    @Override
    TestServer server() {
        return TestServer.MYSQL;
    }
}
