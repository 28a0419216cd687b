package io.tributary.source.mysql;

import io.tributary.testkit.BinlogSettings;
import io.tributary.testkit.TestingBinlogServer;
import io.tributary.testkit.TestingMySql;

class MySqlOlderTableLayoutsIT extends OlderTableLayoutsIT {
    @Override
    TestingBinlogServer startServer(BinlogSettings binlog) {
        return TestingMySql.create(binlog);
    }
}
