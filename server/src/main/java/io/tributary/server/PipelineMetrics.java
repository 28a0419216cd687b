package io.tributary.server;

import java.util.List;

import io.tributary.api.ChangeRecord;
import io.tributary.api.EventSchema;

/**
 * What a pipeline delivered: events in all, events per second over the last full second, and lag — how long
 * before its delivery the last event was committed at the source ({@code source.ts_ms}). Written by the pipeline
 * thread, read by anyone.
 */
public final class PipelineMetrics {
    private volatile long events;
    private volatile long lastDeliveredAt;
    private volatile long lagMs = -1;
    private volatile double eventsPerSecond;
    private long windowStart = System.currentTimeMillis();
    private long windowEvents;

    void delivered(List<ChangeRecord> batch) {
        long now = System.currentTimeMillis();
        events += batch.size();
        windowEvents += batch.size();
        if (now - windowStart >= 1000) {
            eventsPerSecond = windowEvents * 1000.0 / (now - windowStart);
            windowStart = now;
            windowEvents = 0;
        }
        lastDeliveredAt = now;
        for (int i = batch.size() - 1; i >= 0; i--) {
            long committed = sourceTimestamp(batch.get(i));
            if (committed > 0) {
                lagMs = Math.max(0, now - committed);
                break;
            }
        }
    }

    public long events() {
        return events;
    }

    /** Events per second over the last full second; zero once nothing arrived for two seconds. */
    public double eventsPerSecond() {
        return System.currentTimeMillis() - lastDeliveredAt > 2000 ? 0 : eventsPerSecond;
    }

    /** Milliseconds between the source committing the last delivered change and its delivery; -1 before one. */
    public long lagMs() {
        return lagMs;
    }

    /** The {@code source.ts_ms} of a change event, or 0 for records without one (tombstones, heartbeats). */
    static long sourceTimestamp(ChangeRecord record) {
        if (record.isTombstone() || record.valueSchema().fields() == null
                || !(record.value() instanceof Object[] value)) {
            return 0;
        }
        for (EventSchema.Field field : record.valueSchema().fields()) {
            if (field.name().equals("source") && value[field.index()] instanceof Object[] source) {
                for (EventSchema.Field sourceField : field.schema().fields()) {
                    if (sourceField.name().equals("ts_ms") && source[sourceField.index()] instanceof Number ts) {
                        return ts.longValue();
                    }
                }
            }
        }
        return 0;
    }
}
