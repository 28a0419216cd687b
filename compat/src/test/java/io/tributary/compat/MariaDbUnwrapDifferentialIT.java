package io.tributary.compat;

/** {@link UnwrapDifferentialIT} on MariaDB 10.11, with Debezium 3.5.0's MariaDB connector and its ExtractNewRecordState as the oracle. */
class MariaDbUnwrapDifferentialIT extends UnwrapDifferentialIT {
    @Override
    TestServer server() {
        return TestServer.MARIADB;
    }
}
