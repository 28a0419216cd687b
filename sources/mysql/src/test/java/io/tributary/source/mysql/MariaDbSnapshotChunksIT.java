package io.tributary.source.mysql;

import io.tributary.testkit.TestingBinlogServer;
import io.tributary.testkit.TestingMariaDb;

class MariaDbSnapshotChunksIT extends SnapshotChunksIT {
    @Override
    TestingBinlogServer startServer() {
        return TestingMariaDb.create();
    }

    @Override
    String virtualNotNull() {
        return "VIRTUAL";
    }
}
