package io.tributary.compat;

/** {@link AvroDifferentialIT} on MariaDB with Debezium 3.5. */
class MariaDbAvroDifferentialIT extends AvroDifferentialIT {
    @Override
    TestServer server() {
        return TestServer.MARIADB;
    }
}
