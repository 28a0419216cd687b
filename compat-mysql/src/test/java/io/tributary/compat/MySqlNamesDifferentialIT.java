package io.tributary.compat;

/** {@link NamesDifferentialIT} on MySQL 9.7, with Debezium 3.6.1's MySQL connector as the oracle. */
class MySqlNamesDifferentialIT extends NamesDifferentialIT {
    @Override
    TestServer server() {
        return TestServer.MYSQL;
    }
}
