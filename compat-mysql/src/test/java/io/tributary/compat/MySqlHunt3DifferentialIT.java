package io.tributary.compat;

/** {@link Hunt3DifferentialIT} on MySQL 9.7 with Debezium 3.6.1. */
class MySqlHunt3DifferentialIT extends Hunt3DifferentialIT {
    @Override
    TestServer server() {
        return TestServer.MYSQL;
    }
}
