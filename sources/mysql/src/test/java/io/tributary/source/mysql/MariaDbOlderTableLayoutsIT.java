package io.tributary.source.mysql;

import io.tributary.testkit.BinlogSettings;
import io.tributary.testkit.TestingBinlogServer;
import io.tributary.testkit.TestingMariaDb;

class MariaDbOlderTableLayoutsIT extends OlderTableLayoutsIT {
    @Override
    TestingBinlogServer startServer(BinlogSettings binlog) {
        return TestingMariaDb.create(binlog);
    }
}
