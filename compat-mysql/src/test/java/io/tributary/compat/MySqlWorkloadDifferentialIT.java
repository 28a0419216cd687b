package io.tributary.compat;

import io.tributary.testkit.TestingBinlogServer;
import io.tributary.testkit.TestingMySql;

/** {@link WorkloadDifferentialIT} on MySQL 9.7, with Debezium 3.6.1's MySQL connector as the oracle. */
class MySqlWorkloadDifferentialIT extends WorkloadDifferentialIT {
    @Override
    TestingBinlogServer startServer() {
        return TestingMySql.create();
    }
}
