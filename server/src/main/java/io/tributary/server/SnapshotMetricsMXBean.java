package io.tributary.server;

import java.util.Map;

/**
 * Debezium's snapshot metrics, under its MySQL connector's object name
 * ({@code debezium.mysql:type=connector-metrics,context=snapshot,server=<topic.prefix>}) and attribute names. The
 * attributes Tributary has the figures for.
 */
public interface SnapshotMetricsMXBean {
    /** The tables the snapshot reads; 0 before it listed them or without a snapshot. */
    int getTotalTableCount();

    /** The tables the snapshot has not finished yet. */
    int getRemainingTableCount();

    boolean getSnapshotRunning();

    /** Whether the snapshot is done, also when none was needed (an offset was stored). */
    boolean getSnapshotCompleted();

    /** Rows read per table, {@code db.table}. */
    Map<String, Long> getRowsScanned();

    /** How long the snapshot has taken so far, or took. */
    long getSnapshotDurationInSeconds();

    /** Whether the pipeline failed during its snapshot (a restart resumes it after the last row delivered). */
    boolean getSnapshotAborted();

    /** Whether the pipeline is paused during its snapshot. */
    boolean getSnapshotPaused();
}
