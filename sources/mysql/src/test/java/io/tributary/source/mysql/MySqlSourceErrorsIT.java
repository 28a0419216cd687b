package io.tributary.source.mysql;

import io.tributary.testkit.BinlogSettings;
import io.tributary.testkit.TestingBinlogServer;
import io.tributary.testkit.TestingMySql;

class MySqlSourceErrorsIT extends SourceErrorsIT {
    @Override
    TestingBinlogServer start(BinlogSettings binlog) {
        return TestingMySql.create(binlog);
    }

    @Override
    String positionPrivilege() {
        return "REPLICATION CLIENT";
    }
}
