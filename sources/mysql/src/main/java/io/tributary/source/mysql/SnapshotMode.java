package io.tributary.source.mysql;

/** Debezium's {@code snapshot.mode} values that Tributary supports. */
public enum SnapshotMode {
    /** Snapshot when no offset is stored, then stream. */
    INITIAL,
    /** Snapshot when no offset is stored, then stop. */
    INITIAL_ONLY,
    /** No data snapshot: the schema only (as schema-change events), then stream from that point. */
    NO_DATA,
    /** Debezium 1.x/2.x name of {@link #NO_DATA}. */
    SCHEMA_ONLY,
    /** Never snapshot: stream from the stored offset, or from the start of the oldest binlog file, as Debezium does. */
    NEVER,
    /** Snapshot when no offset is stored or the stored position is no longer in the binlog. */
    WHEN_NEEDED;

    /** Whether a first start describes the captured schema (schema-change events) before streaming. */
    boolean snapshotsSchema() {
        return this != NEVER;
    }

    boolean snapshotsData() {
        return switch (this) {
            case INITIAL, INITIAL_ONLY, WHEN_NEEDED -> true;
            case NO_DATA, SCHEMA_ONLY, NEVER -> false;
        };
    }
}
