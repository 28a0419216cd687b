package io.tributary.source.mysql;

import io.tributary.testkit.TestingBinlogServer;
import io.tributary.testkit.TestingMySql;

/**
 * {@link SavepointCrashIT} on MySQL 9.7 with GTIDs: enforce_gtid_consistency refuses a non-transactional table's
 * change inside a transaction, so the audit table is InnoDB; the server logs each SAVEPOINT between the rows.
 */
class MySqlSavepointCrashIT extends SavepointCrashIT {
    @Override
    TestingBinlogServer startServer() {
        return TestingMySql.create();
    }

    @Override
    String auditTableEngine() {
        return "ENGINE=InnoDB";
    }
}
