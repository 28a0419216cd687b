package io.tributary.compat;

import io.tributary.testkit.TestingBinlogServer;
import io.tributary.testkit.TestingMySql;

/** {@link OffsetInterchangeIT} on MySQL 9.7 (GTIDs on) with Debezium 3.6.1's MySQL connector. */
class MySqlOffsetInterchangeIT extends OffsetInterchangeIT {
    @Override
    TestingBinlogServer startServer() {
        return TestingMySql.create();
    }
}
