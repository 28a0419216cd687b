package io.tributary.source.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.shyiko.mysql.binlog.GtidSet;
import com.github.shyiko.mysql.binlog.MariadbGtidSet;
import io.tributary.source.mysql.event.ServerFlavor;
import org.junit.jupiter.api.Test;

class CompletedGtidsTest {
    @Test
    void spellsMariaDbGtidsAsTheBinlogClientsSetDoes() {
        CompletedGtids gtids = new CompletedGtids(ServerFlavor.MARIADB, "");
        MariadbGtidSet reference = new MariadbGtidSet("");
        for (String gtid : new String[] {"0-1-1", "0-1-2", "0-2-3", "7-1-1", "0-2-4", "3-5-10", "7-1-2",
                "4294967295-1-1", "65536-2-2", "17-3-3", "65536-2-3"}) {
            gtids.add(gtid);
            reference.add(gtid);

            assertThat(gtids.text()).isEqualTo(reference.toString());
        }
        MariadbGtidSet withOneMore = new MariadbGtidSet(reference.toString());
        withOneMore.add("3-5-11");
        assertThat(gtids.textWith("3-5-11")).isEqualTo(withOneMore.toString());
        assertThat(gtids.text()).isEqualTo(reference.toString());
    }

    @Test
    void startsFromTheOffsetsGtidsInEitherFlavor() {
        CompletedGtids mariaDb = new CompletedGtids(ServerFlavor.MARIADB, "0-1-24");
        mariaDb.add("0-1-25");
        assertThat(mariaDb.text()).isEqualTo("0-1-25");

        String uuid = "24bc7850-2c16-11e6-a073-0242ac110002";
        CompletedGtids mySql = new CompletedGtids(ServerFlavor.MYSQL, uuid + ":1-5");
        mySql.add(uuid + ":6");
        assertThat(mySql.text()).isEqualTo(new GtidSet(uuid + ":1-6").toString());
        assertThat(mySql.textWith(uuid + ":8")).isEqualTo(new GtidSet(uuid + ":1-6:8").toString());
    }

    @Test
    void aServersUntaggedGtidsComeBeforeItsTagsWhicheverCameFirst() {
        String first = "24bc7850-2c16-11e6-a073-0242ac110002";
        String second = "9d1f0e3a-2c16-11e6-a073-0242ac110003";
        CompletedGtids gtids = new CompletedGtids(ServerFlavor.MYSQL, first + ":1-3");
        gtids.add(second + ":nightly:1");
        gtids.add(second + ":nightly:2");
        gtids.add(second + ":5");
        gtids.add(first + ":batch:7");

        // the client's own text would be second:nightly:1-2:5-5, which reads back as nightly:1-2:5
        assertThat(new GtidSet(first + ":1-3,"  + second + ":nightly:1-2:5").toString()).isNotEqualTo(gtids.text());
        assertThat(gtids.text()).isEqualTo(first + ":1-3:batch:7-7," + second + ":5-5:nightly:1-2");
        GtidSet readBack = new GtidSet(gtids.text());
        assertThat(readBack.getUUIDSet(second, null).getIntervals()).hasSize(1);
        assertThat(gtids.textWith(second + ":6")).isEqualTo(first + ":1-3:batch:7-7," + second + ":5-6:nightly:1-2");
        assertThat(new CompletedGtids(ServerFlavor.MYSQL, gtids.text()).text()).isEqualTo(gtids.text());
    }
}
