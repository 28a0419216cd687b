package io.tributary.source.mysql;

import io.tributary.testkit.TestingBinlogServer;
import io.tributary.testkit.TestingMySql;

class MySqlCrashRecoveryIT extends CrashRecoveryIT {
    @Override
    TestingBinlogServer startServer() {
        return TestingMySql.create();
    }
}
