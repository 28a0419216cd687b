package io.tributary.source.mysql;

import io.tributary.api.ChangeRecord;
import io.tributary.core.handoff.RecordSink;

/**
 * Holds a snapshot's newest record back until the next one comes, so that the snapshot's very last record — a row
 * of whichever table had rows last, or a schema-change event when no table had any — is marked {@code last} and
 * carries the offset streaming starts from, as Debezium marks it.
 */
final class SnapshotLastRecord {
    /** Builds a held record once it is known whether it is the snapshot's last. */
    @FunctionalInterface
    interface Builder {
        ChangeRecord build(String marker, boolean last);
    }

    private Builder held;
    private String heldMarker;

    /** Hands over the record held before, and holds this one, marked {@code marker} unless it turns out last. */
    void put(RecordSink sink, String marker, Builder builder) throws InterruptedException {
        deliver(sink, false);
        held = builder;
        heldMarker = marker;
    }

    /** Marks the held record with {@code marker} instead, should another follow it. */
    void remark(String marker) {
        heldMarker = marker;
    }

    /** Hands over the held record as the snapshot's last. */
    void finish(RecordSink sink) throws InterruptedException {
        deliver(sink, true);
    }

    private void deliver(RecordSink sink, boolean last) throws InterruptedException {
        if (held != null) {
            Builder builder = held;
            held = null;
            sink.put(builder.build(last ? "last" : heldMarker, last));
        }
    }
}
