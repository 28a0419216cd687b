package io.tributary.compat;

import io.tributary.testkit.TestingBinlogServer;
import io.tributary.testkit.TestingMariaDb;

class MariaDbWorkloadDifferentialIT extends WorkloadDifferentialIT {
    @Override
    TestingBinlogServer startServer() {
        return TestingMariaDb.create();
    }
}
