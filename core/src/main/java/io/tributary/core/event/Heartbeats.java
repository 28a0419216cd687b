package io.tributary.core.event;

import io.tributary.api.ChangeRecord;
import io.tributary.api.EventSchema;
import io.tributary.api.EventSchema.Type;

/**
 * Debezium's heartbeat records ({@code heartbeat.interval.ms}): on {@code __debezium-heartbeat.<topic.prefix>},
 * keyed by the server name, carrying the time. They carry the source's offset forward while captured tables are
 * quiet, so that the server may let go of old history (binlog files, the oplog) the source no longer needs.
 */
public final class Heartbeats {
    public static final EventSchema KEY = EventSchema.struct("io.debezium.connector.common.ServerNameKey",
            EventSchema.fieldsBuilder().add("serverName", EventSchema.of(Type.STRING)).build()).withVersion(1);
    public static final EventSchema VALUE = EventSchema.struct("io.debezium.connector.common.Heartbeat",
            EventSchema.fieldsBuilder().add("ts_ms", EventSchema.of(Type.INT64)).build()).withVersion(1);

    private final String topic;
    private final String serverName;
    private final long intervalMs;
    private long lastMs;

    public Heartbeats(String topicPrefix, long intervalMs) {
        this.topic = "__debezium-heartbeat." + topicPrefix;
        this.serverName = topicPrefix;
        this.intervalMs = intervalMs;
        this.lastMs = System.currentTimeMillis();
    }

    /** Whether a record is a heartbeat (by its value's schema): it changes no row or document. */
    public static boolean isHeartbeat(ChangeRecord record) {
        return record.valueSchema() != null && record.valueSchema().name().filter(VALUE.name().orElseThrow()::equals)
                .isPresent();
    }

    public String topic() {
        return topic;
    }

    /** Whether a heartbeat is due now; if so, it counts as sent. */
    public boolean due(long nowMs) {
        if (intervalMs <= 0 || nowMs - lastMs < intervalMs) {
            return false;
        }
        lastMs = nowMs;
        return true;
    }

    public Object[] key() {
        return new Object[] {serverName};
    }

    public Object[] value(long nowMs) {
        return new Object[] {nowMs};
    }
}
