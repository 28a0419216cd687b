package io.tributary.compat;

import io.tributary.testkit.TestingBinlogServer;
import io.tributary.testkit.TestingMariaDb;

/** {@link OffsetInterchangeIT} on MariaDB 10.11 with Debezium 3.5.0's MariaDB connector. */
class MariaDbOffsetInterchangeIT extends OffsetInterchangeIT {
    @Override
    TestingBinlogServer startServer() {
        return TestingMariaDb.create();
    }
}
