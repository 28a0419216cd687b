package io.tributary.server;

import java.util.List;

import io.tributary.api.ChangeRecord;
import io.tributary.api.EventSchema;

/**
 * What a pipeline captured and delivered: records taken from the source, records written to every sink, events per
 * second over the last full second, and lag. Lag is how long before its delivery the last delivered change was
 * committed at the source ({@code source.ts_ms}) while changes flow, and 0 once the source has nothing more for now:
 * a pipeline that is idle and caught up lags by nothing (Debezium's {@code MilliSecondsBehindSource} keeps the last
 * event's figure instead, which an alert reads as a lag that never ends). Updated once per batch by the pipeline's
 * thread (the only writer), read by anyone.
 */
public final class PipelineMetrics {
    private volatile long captured;
    private volatile long events;
    private volatile long lastDeliveredAt;
    private volatile long lagMs = -1;
    private volatile double eventsPerSecond;
    private long windowStart = System.currentTimeMillis();
    private long windowEvents;

    /** The source gave {@code records} records. */
    void captured(int records) {
        captured += records;
    }

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

    /** The source had nothing more: everything it captured was delivered. */
    void caughtUp() {
        if (lagMs != 0) {
            lagMs = 0;
        }
    }

    /** Records the source gave since the pipeline was created (change events, tombstones, schema changes). */
    public long captured() {
        return captured;
    }

    /** Records written to every sink since the pipeline was created, after transforms. */
    public long events() {
        return events;
    }

    /** Events per second over the last full second; zero once nothing arrived for two seconds. */
    public double eventsPerSecond() {
        return System.currentTimeMillis() - lastDeliveredAt > 2000 ? 0 : eventsPerSecond;
    }

    /**
     * Milliseconds between the source committing the last delivered change and its delivery while changes flow; 0
     * once the source has nothing more; -1 before the source was first asked.
     */
    public long lagMs() {
        return lagMs;
    }

    /** Milliseconds since the last delivery; -1 before one. */
    public long msSinceLastDelivery() {
        long last = lastDeliveredAt;
        return last == 0 ? -1 : System.currentTimeMillis() - last;
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
