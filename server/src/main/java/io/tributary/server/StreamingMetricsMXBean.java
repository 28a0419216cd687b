package io.tributary.server;

/**
 * Debezium's streaming metrics, under its MySQL connector's object name
 * ({@code debezium.mysql:type=connector-metrics,context=streaming,server=<topic.prefix>}) and attribute names, so that
 * dashboards and alerts built for Debezium read a pipeline. The attributes Tributary has the figures for.
 */
public interface StreamingMetricsMXBean {
    /**
     * The last delivered change's delivery time minus its commit time at the source while changes flow; 0 once the
     * source has nothing more (Debezium keeps the last event's figure); -1 before the source was first asked.
     */
    long getMilliSecondsBehindSource();

    /** Records the source gave since the pipeline started, the snapshot's included. */
    long getTotalNumberOfEventsSeen();

    /** Transaction commits read from the binlog since the pipeline started. */
    long getNumberOfCommittedTransactions();

    /** Whether the binlog connection is open. */
    boolean isConnected();

    /** How many records the queue between the binlog reader and the pipeline holds, in whole chunks of records. */
    int getQueueTotalCapacity();

    /** How many more records fit in that queue now, in whole chunks; the total while the pipeline keeps up. */
    int getQueueRemainingCapacity();

    /** Milliseconds since the last delivery; -1 before one. */
    long getMilliSecondsSinceLastEvent();

    /** The binlog file of the position stored last (at most {@code offset.flush.interval.ms} behind delivery). */
    String getBinlogFilename();

    /** The position in it; -1 before any was stored. */
    long getBinlogPosition();

    /** The GTID set completed at the position stored last; null without GTIDs. */
    String getGtidSet();

    boolean isGtidModeEnabled();

    /** The offset stored last, its values as strings, as Debezium shows its source position. */
    java.util.Map<String, String> getSourceEventPosition();

    /** How often the binlog connection was lost since the pipeline started (each one retried). */
    long getNumberOfDisconnects();
}
