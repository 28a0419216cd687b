package io.tributary.source.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import io.tributary.testkit.TestingBinlogServer;
import io.tributary.testkit.TestingMySql;

class MySqlGtidFailoverIT extends GtidFailoverIT {
    @Override
    TestingBinlogServer startServer(int serverId) {
        return TestingMySql.builder().serverId(serverId).start();
    }

    /** Each server has its own UUID: the set names both, each from its first transaction on. */
    @Override
    void assertGtidsOfBothServers(String gtids) {
        assertThat(Arrays.asList(gtids.split(","))).hasSize(2).allMatch(part -> part.matches("[0-9a-f-]{36}:1-\\d+"));
    }
}
