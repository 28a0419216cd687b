package io.tributary.source.mysql;

import io.tributary.testkit.TestingBinlogServer;
import io.tributary.testkit.TestingMariaDb;

/** {@link SavepointCrashIT} on MariaDB: a non-transactional audit table makes the server log ROLLBACK TO too. */
class MariaDbSavepointCrashIT extends SavepointCrashIT {
    @Override
    TestingBinlogServer startServer() {
        return TestingMariaDb.create();
    }

    @Override
    String auditTableEngine() {
        return "ENGINE=Aria TRANSACTIONAL=0";
    }
}
