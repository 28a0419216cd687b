package io.tributary.compat;

/** {@link RealWorldSchemasDifferentialIT} on MariaDB with Debezium 3.5. */
class MariaDbRealWorldSchemasDifferentialIT extends RealWorldSchemasDifferentialIT {
    @Override
    TestServer server() {
        return TestServer.MARIADB;
    }
}
