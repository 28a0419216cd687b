package io.tributary.compat;

import org.junit.jupiter.api.Test;

/** {@link RealWorldSchemasDifferentialIT} on MySQL 9.7 with Debezium 3.6.1, under a permissive sql_mode. */
class MySqlRealWorldSchemasDifferentialIT extends RealWorldSchemasDifferentialIT {
    @Override
    TestServer server() {
        return TestServer.MYSQL;
    }

    /**
     * As servers upgraded from MySQL 5.x often still run: explicit_defaults_for_timestamp off, so a bare TIMESTAMP
     * column is NOT NULL, the first with DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP and the next with the
     * zero timestamp as its default (access_log).
     */
    @Test
    void legacyTimestampDefaultsEqualDebeziums() throws Exception {
        compareApplications("apps-legacy-timestamps", "--explicit-defaults-for-timestamp=OFF");
    }
}
