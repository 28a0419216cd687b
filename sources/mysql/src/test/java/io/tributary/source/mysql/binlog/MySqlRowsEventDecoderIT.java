package io.tributary.source.mysql.binlog;

import io.tributary.testkit.TestingBinlogServer;
import io.tributary.testkit.TestingMySql;

class MySqlRowsEventDecoderIT extends RowsEventDecoderIT {
    @Override
    TestingBinlogServer startServer() {
        return TestingMySql.create();
    }
}
