package io.tributary.source.mysql;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.tributary.api.TableProgress;

/**
 * How far a snapshot got, table by table: rows read and the server's estimate of the table's rows
 * ({@code information_schema.TABLES.TABLE_ROWS}, approximate for InnoDB). Thread-safe: the snapshot updates it,
 * anyone may read it.
 */
public final class SnapshotProgress {
    private final Map<String, AtomicLong> read = new ConcurrentHashMap<>();
    private final Map<String, Long> estimated = new ConcurrentHashMap<>();
    private final Map<String, Boolean> finished = new ConcurrentHashMap<>();
    private volatile boolean completed;
    private volatile int tableCount = -1;
    private volatile long beganMs;
    private volatile long completedMs;

    /** Records the table's estimate and returns its count of rows read, for the snapshot to add each row to. */
    AtomicLong start(String table, long estimatedRows) {
        estimated.put(table, estimatedRows);
        return read.computeIfAbsent(table, ignored -> new AtomicLong());
    }

    /** The snapshot starts, to read this many tables. */
    void begin(int tables) {
        beganMs = System.currentTimeMillis();
        tableCount = tables;
    }

    void finish(String table) {
        finished.put(table, true);
    }

    void complete() {
        completedMs = System.currentTimeMillis();
        completed = true;
    }

    /** How long the snapshot has taken so far, or took, in whole seconds; 0 without one. */
    public long durationSeconds() {
        if (beganMs == 0) {
            return 0;
        }
        return ((completed ? completedMs : System.currentTimeMillis()) - beganMs) / 1000;
    }

    public boolean isCompleted() {
        return completed;
    }

    /** Between {@link #begin} and {@link #complete}. */
    public boolean isRunning() {
        return tableCount >= 0 && !completed;
    }

    /** The tables the snapshot reads; 0 before it began or without one. */
    public int tableCount() {
        return Math.max(0, tableCount);
    }

    /** Per table, in the order the snapshot reads them. */
    public Map<String, TableProgress> tables() {
        Map<String, TableProgress> tables = new LinkedHashMap<>();
        estimated.forEach((table, rows) -> tables.put(table, new TableProgress(read.get(table).get(), rows,
                finished.containsKey(table))));
        return tables;
    }
}
