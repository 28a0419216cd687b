package io.tributary.source.mysql;

import io.tributary.testkit.TestingBinlogServer;
import io.tributary.testkit.TestingMariaDb;

class MariaDbCrashRecoveryIT extends CrashRecoveryIT {
    @Override
    TestingBinlogServer startServer() {
        return TestingMariaDb.create();
    }
}
