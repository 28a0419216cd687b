package io.tributary.api;

/**
 * What a source's capture is doing, for metrics (the figures of Debezium's snapshot and streaming MBeans that only
 * the source knows). A value taken at one moment; immutable.
 *
 * @param snapshotRunning whether an initial snapshot is under way
 * @param snapshotCompleted whether the snapshot is done, also when there was none to take
 * @param snapshotTableCount how many tables the snapshot reads; 0 before it listed them, or without a snapshot
 * @param connected whether the source is connected to the database's change log and streaming from it
 * @param committedTransactions how many transaction commits the source has read from the change log since it started
 * @param queueCapacity how many records the source's queue towards {@link ChangeSource#poll()} holds when full
 * @param queueRemainingCapacity how many more records fit in it now
 * @param snapshotDurationSeconds how long the snapshot has taken so far, or took; 0 without one
 * @param disconnects how many times the connection to the change log was lost since the source started
 */
public record CaptureStatus(boolean snapshotRunning, boolean snapshotCompleted, int snapshotTableCount,
        boolean connected, long committedTransactions, int queueCapacity, int queueRemainingCapacity,
        long snapshotDurationSeconds, long disconnects) {
    /** What a source that tracks none of it answers. */
    public static final CaptureStatus UNKNOWN = new CaptureStatus(false, false, 0, false, 0, 0, 0, 0, 0);
}
