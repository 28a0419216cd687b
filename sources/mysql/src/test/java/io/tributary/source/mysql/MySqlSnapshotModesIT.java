package io.tributary.source.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testkit.TestingBinlogServer;
import io.tributary.testkit.TestingMySql;

class MySqlSnapshotModesIT extends SnapshotModesIT {
    @Override
    TestingBinlogServer startServer() {
        return TestingMySql.create();
    }

    /**
     * MySQL offsets carry the server's whole executed set, as Debezium's do: from the server's first transaction on,
     * not only those seen since streaming began.
     */
    @Override
    void assertCompleted(TestingBinlogServer server, String offsetGtids, String gtid) {
        String first = gtid.substring(0, gtid.indexOf(':')) + ":1";
        assertThat(included(server, gtid, offsetGtids)).as("%s in %s", gtid, offsetGtids).isTrue();
        assertThat(included(server, first, offsetGtids)).as("%s in %s", first, offsetGtids).isTrue();
    }

    private static boolean included(TestingBinlogServer server, String subset, String set) {
        Object result = server.query("SELECT GTID_SUBSET('" + subset + "', '" + set + "') AS included").get(0)
                .get("included");
        return ((Number) result).intValue() == 1;
    }
}
