package io.tributary.source.mysql.binlog;

import io.tributary.testkit.TestingBinlogServer;
import io.tributary.testkit.TestingMariaDb;

class MariaDbRowsEventDecoderIT extends RowsEventDecoderIT {
    @Override
    TestingBinlogServer startServer() {
        return TestingMariaDb.create();
    }
}
