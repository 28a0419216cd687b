package io.tributary.source.mysql;

import io.tributary.testkit.TestingBinlogServer;
import io.tributary.testkit.TestingMySql;

class MySqlSnapshotChunksIT extends SnapshotChunksIT {
    @Override
    TestingBinlogServer startServer() {
        return TestingMySql.create();
    }
}
