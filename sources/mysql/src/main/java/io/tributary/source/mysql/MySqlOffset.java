package io.tributary.source.mysql;

import java.util.AbstractMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where capture resumes: Debezium's offset keys ({@code file}, {@code pos}, {@code event}, {@code row},
 * {@code snapshot}) plus how far a snapshot got ({@code snapshot_table}, {@code snapshot_key}).
 *
 * <p>While streaming, {@code pos} is the start of the current transaction, {@code event} the number of its
 * events already delivered in full and {@code row} the number of rows of the next event already delivered, so a
 * restart mid-transaction skips exactly what was delivered. While snapshotting, {@code file}/{@code pos} is the
 * binlog position streaming will start from once the snapshot is done.
 *
 * @param snapshotTable the table a snapshot was reading ({@code db.table}), if any
 * @param snapshotKey the key of the last row the snapshot delivered from that table, as {@link ChunkKey} encodes it
 * @param gtids the GTID set of the transactions completed before this point ({@code gtids}, as Debezium keeps
 *     it), when the server uses GTIDs
 */
public record MySqlOffset(
        String file,
        long pos,
        long event,
        long row,
        boolean snapshot,
        Optional<String> snapshotTable,
        Optional<String> snapshotKey,
        Optional<String> gtids) {

    public static MySqlOffset streamingFrom(String file, long pos) {
        return new MySqlOffset(file, pos, 0, 0, false, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Streaming inside a transaction that began at {@code pos}, after {@code event} events and {@code row} rows. */
    public static MySqlOffset streamingWithin(String file, long pos, long event, long row) {
        return new MySqlOffset(file, pos, event, row, false, Optional.empty(), Optional.empty(), Optional.empty());
    }

    public static MySqlOffset snapshotAt(String file, long pos, String table, String key) {
        return new MySqlOffset(file, pos, 0, 0, true, Optional.ofNullable(table), Optional.ofNullable(key),
                Optional.empty());
    }

    /** The same offset with the GTID set of the transactions completed before it; an empty set adds nothing. */
    public MySqlOffset withGtids(String gtidSet) {
        Optional<String> set = gtidSet == null || gtidSet.isEmpty() ? Optional.empty() : Optional.of(gtidSet);
        return new MySqlOffset(file, pos, event, row, snapshot, snapshotTable, snapshotKey, set);
    }

    /**
     * Debezium's offset keys as a map. The map is built on first use: a source hands one to every record, and
     * usually only the last of a batch is ever read.
     */
    public Map<String, Object> toMap() {
        return new LazyMap(this);
    }

    private Map<String, Object> entries() {
        Map<String, Object> map = new HashMap<>();
        map.put("file", file);
        map.put("pos", pos);
        if (event != 0) {
            map.put("event", event);
        }
        if (row != 0) {
            map.put("row", row);
        }
        gtids.ifPresent(set -> map.put("gtids", set));
        if (snapshot) {
            map.put("snapshot", true);
            snapshotTable.ifPresent(table -> map.put("snapshot_table", table));
            snapshotKey.ifPresent(key -> map.put("snapshot_key", key));
        }
        return Map.copyOf(map);
    }

    /** An immutable map of an offset's keys, built when first read (safely published: Map.copyOf's fields are final). */
    private static final class LazyMap extends AbstractMap<String, Object> {
        private final MySqlOffset offset;
        private Map<String, Object> entries;

        LazyMap(MySqlOffset offset) {
            this.offset = offset;
        }

        private Map<String, Object> entries() {
            Map<String, Object> built = entries;
            if (built == null) {
                built = offset.entries();
                entries = built;
            }
            return built;
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            return entries().entrySet();
        }

        @Override
        public Object get(Object key) {
            return entries().get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return entries().containsKey(key);
        }

        @Override
        public int size() {
            return entries().size();
        }
    }

    public static MySqlOffset fromMap(Map<String, ?> map) {
        Object snapshot = map.get("snapshot");
        return new MySqlOffset(
                (String) map.get("file"),
                number(map.get("pos")),
                number(map.get("event")),
                number(map.get("row")),
                snapshotInProgress(map.get("snapshot")),
                Optional.ofNullable((String) map.get("snapshot_table")),
                Optional.ofNullable((String) map.get("snapshot_key")),
                // an empty set (which a Debezium offset may hold) is none: resuming by it would ignore the position
                Optional.ofNullable((String) map.get("gtids")).filter(gtids -> !gtids.isEmpty()));
    }

    /**
     * Whether an offset's {@code snapshot} value says a snapshot was under way: Tributary writes {@code true};
     * Debezium 1.x wrote {@code true} too, 2.x and later the kind of snapshot ({@code INITIAL}, {@code BLOCKING}).
     * Absent or {@code false}: streaming.
     */
    static boolean snapshotInProgress(Object snapshot) {
        return snapshot != null && !Boolean.FALSE.equals(snapshot) && !"false".equalsIgnoreCase(snapshot.toString());
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
