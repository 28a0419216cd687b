package io.tributary.compat;

/** {@link AvroDifferentialIT} on MySQL 9.7 with Debezium 3.6.1, the catalogue with MySQL's own types. */
class MySqlAvroDifferentialIT extends AvroDifferentialIT {
    @Override
    TestServer server() {
        return TestServer.MYSQL;
    }
}
