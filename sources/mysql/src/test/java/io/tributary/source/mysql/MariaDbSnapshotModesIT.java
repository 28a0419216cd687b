package io.tributary.source.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testkit.TestingBinlogServer;
import io.tributary.testkit.TestingMariaDb;

class MariaDbSnapshotModesIT extends SnapshotModesIT {
    @Override
    TestingBinlogServer startServer() {
        return TestingMariaDb.create();
    }

    /** MariaDB's GTID state is the last GTID of each domain: with one domain, the GTID itself. */
    @Override
    void assertCompleted(TestingBinlogServer server, String offsetGtids, String gtid) {
        assertThat(offsetGtids).isEqualTo(gtid);
    }
}
