package io.tributary.source.mysql.schema;

import io.tributary.testkit.TestingBinlogServer;
import io.tributary.testkit.TestingMySql;

class MySqlTableMapDefinitionsIT extends TableMapDefinitionsIT {
    @Override
    TestingBinlogServer startServer() {
        return TestingMySql.create();
    }
}
