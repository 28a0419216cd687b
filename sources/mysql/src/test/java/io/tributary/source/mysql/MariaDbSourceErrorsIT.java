package io.tributary.source.mysql;

import io.tributary.testkit.BinlogSettings;
import io.tributary.testkit.TestingBinlogServer;
import io.tributary.testkit.TestingMariaDb;

class MariaDbSourceErrorsIT extends SourceErrorsIT {
    @Override
    TestingBinlogServer start(BinlogSettings binlog) {
        return TestingMariaDb.create(binlog);
    }

    @Override
    String positionPrivilege() {
        return "BINLOG MONITOR";
    }
}
