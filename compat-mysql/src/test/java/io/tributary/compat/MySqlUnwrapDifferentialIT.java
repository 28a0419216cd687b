package io.tributary.compat;

/** {@link UnwrapDifferentialIT} on MySQL 9.7, with Debezium 3.6.1's MySQL connector and its ExtractNewRecordState as the oracle. */
class MySqlUnwrapDifferentialIT extends UnwrapDifferentialIT {
    @Override
    TestServer server() {
        return TestServer.MYSQL;
    }
}
