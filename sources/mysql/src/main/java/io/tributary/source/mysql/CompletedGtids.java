package io.tributary.source.mysql;

import java.util.HashSet;
import java.util.Set;

import com.github.shyiko.mysql.binlog.GtidSet;
import com.github.shyiko.mysql.binlog.MariadbGtidSet;
import io.tributary.source.mysql.event.ServerFlavor;

/**
 * The GTIDs of the transactions completed so far, and their text as offsets carry it, kept up to date as each
 * transaction ends so that offsets of rows do not rebuild it. On MariaDB with one replication domain — the usual
 * case — the text is simply the last GTID, without formatting the whole set again.
 */
final class CompletedGtids {
    private final ServerFlavor flavor;
    private final GtidSet set;
    /** MariaDB only: the replication domains seen. */
    private final Set<Long> domains = new HashSet<>();
    private String text;

    CompletedGtids(ServerFlavor flavor, String text) {
        this.flavor = flavor;
        this.set = setOf(flavor, text);
        this.text = set.toString();
        if (flavor == ServerFlavor.MARIADB && !this.text.isEmpty()) {
            for (String gtid : this.text.split(",")) {
                domains.add(domain(gtid));
            }
        }
    }

    /** Adds a transaction's GTID: {@code domain-server-sequence} on MariaDB, {@code uuid:number} on MySQL. */
    void add(String gtid) {
        set.add(gtid);
        if (flavor == ServerFlavor.MARIADB) {
            domains.add(domain(gtid));
            text = domains.size() == 1 ? gtid : set.toString();
        } else {
            text = set.toString();
        }
    }

    String text() {
        return text;
    }

    /** The text these GTIDs would have with one more added, leaving them as they are. */
    String textWith(String gtid) {
        GtidSet copy = setOf(flavor, text);
        copy.add(gtid);
        return copy.toString();
    }

    private static GtidSet setOf(ServerFlavor flavor, String text) {
        return flavor == ServerFlavor.MARIADB ? new MariadbGtidSet(text) : new GtidSet(text);
    }

    private static long domain(String gtid) {
        return Long.parseLong(gtid.substring(0, gtid.indexOf('-')).trim());
    }
}
