package io.tributary.source.mysql.schema;

import io.tributary.testkit.TestingBinlogServer;
import io.tributary.testkit.TestingMariaDb;

class MariaDbTableMapDefinitionsIT extends TableMapDefinitionsIT {
    @Override
    TestingBinlogServer startServer() {
        return TestingMariaDb.create();
    }
}
