package io.tributary.source.mysql;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import com.github.shyiko.mysql.binlog.GtidSet;
import com.github.shyiko.mysql.binlog.MariadbGtidSet;
import io.tributary.source.mysql.event.ServerFlavor;

/**
 * The GTIDs of the transactions completed so far, and their text as offsets carry it, kept up to date as each
 * transaction ends so that offsets of rows do not rebuild it. On MariaDB the text is the last GTID of each
 * replication domain, kept here without parsing each GTID into the binlog client's set (with one domain — the usual
 * case — simply the last GTID); MySQL's UUID sets are the client's.
 */
final class CompletedGtids {
    private final ServerFlavor flavor;
    /** MySQL only. */
    private final GtidSet mySqlSet;
    /** MariaDB only: the last GTID of each domain, in the order the binlog client's set spells them. */
    private final Map<Long, String> lastOfDomain = new HashMap<>();
    private String text;

    CompletedGtids(ServerFlavor flavor, String text) {
        this.flavor = flavor;
        GtidSet set = setOf(flavor, text);
        this.mySqlSet = flavor == ServerFlavor.MARIADB ? null : set;
        this.text = spelling(set);
        if (flavor == ServerFlavor.MARIADB && !this.text.isEmpty()) {
            for (String gtid : this.text.split(",")) {
                lastOfDomain.put(domain(gtid), gtid);
            }
        }
    }

    /**
     * Adds a transaction's GTID: {@code domain-server-sequence} on MariaDB, {@code uuid:number} or
     * {@code uuid:tag:number} on MySQL.
     */
    void add(String gtid) {
        if (mySqlSet != null) {
            mySqlSet.add(gtid);
            text = spelling(mySqlSet);
            return;
        }
        lastOfDomain.put(domain(gtid), gtid);
        text = lastOfDomain.size() == 1 ? gtid : String.join(",", lastOfDomain.values());
    }

    String text() {
        return text;
    }

    /** The text these GTIDs would have with one more added, leaving them as they are. */
    String textWith(String gtid) {
        GtidSet copy = setOf(flavor, text);
        copy.add(gtid);
        return spelling(copy);
    }

    /**
     * A set's text as the binlog client's set spells it (and so Debezium's offsets), except that a server's untagged
     * GTIDs always come before its tags: the client writes a server's parts in the order it first met them, and
     * {@code uuid:tag:1-2:3-5} — a tagged GTID met first — is read back, by the client and by MySQL, as all tagged.
     */
    static String spelling(GtidSet set) {
        if (set instanceof MariadbGtidSet) {
            return set.toString();
        }
        Collection<GtidSet.UUIDSet> parts = set.getUUIDSets();
        if (parts.size() == 1) {
            return set.toString();
        }
        Map<String, List<GtidSet.UUIDSet>> byServer = new LinkedHashMap<>();
        for (GtidSet.UUIDSet part : parts) {
            byServer.computeIfAbsent(part.getUUID(), uuid -> new ArrayList<>()).add(part);
        }
        StringJoiner text = new StringJoiner(",");
        byServer.forEach((uuid, ofServer) -> {
            StringBuilder server = new StringBuilder(uuid);
            ofServer.sort(Comparator.comparing(part -> part.getTag() != null)); // stable: tags keep their order
            for (GtidSet.UUIDSet part : ofServer) {
                if (part.getTag() != null) {
                    server.append(':').append(part.getTag());
                }
                for (GtidSet.Interval interval : part.getIntervals()) {
                    server.append(':').append(interval.getStart()).append('-').append(interval.getEnd());
                }
            }
            text.add(server);
        });
        return text.toString();
    }

    private static GtidSet setOf(ServerFlavor flavor, String text) {
        return flavor == ServerFlavor.MARIADB ? new MariadbGtidSet(text) : new GtidSet(text);
    }

    /** The domain of a MariaDB GTID, its digits up to the first dash. */
    private static long domain(String gtid) {
        return Long.parseLong(gtid, 0, gtid.indexOf('-'), 10);
    }
}
