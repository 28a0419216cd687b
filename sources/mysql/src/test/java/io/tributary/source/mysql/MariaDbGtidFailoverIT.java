package io.tributary.source.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testkit.TestingBinlogServer;
import io.tributary.testkit.TestingMariaDb;

class MariaDbGtidFailoverIT extends GtidFailoverIT {
    @Override
    TestingBinlogServer startServer(int serverId) {
        return TestingMariaDb.builder().serverId(serverId).serverArgument("--log-slave-updates=ON").start();
    }

    /** One replication domain: the state is its last GTID, written by the replica (server id 2). */
    @Override
    void assertGtidsOfBothServers(String gtids) {
        assertThat(gtids).matches("0-2-\\d+");
    }
}
