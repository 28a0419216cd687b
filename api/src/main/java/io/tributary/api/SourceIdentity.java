package io.tributary.api;

import java.util.List;
import java.util.Map;

/**
 * What a source's capture is known by among the captures of one runtime.
 *
 * @param topicPrefix the prefix of its topics and the name of its offsets: no two pipelines of a runtime share one
 * @param partition its one source partition, as Debezium's connector of the same kind names it (the key of its
 *     offsets in Connect's offset store and REST API)
 * @param metricsType the connector type in the names of Debezium's MBeans for it
 *     ({@code debezium.<type>:type=connector-metrics,...})
 * @param exclusive what it holds on the server that no other capture may hold at once
 */
public record SourceIdentity(String topicPrefix, Map<String, ?> partition, String metricsType,
        List<Exclusive> exclusive) {
    public SourceIdentity {
        partition = Map.copyOf(partition);
        exclusive = List.copyOf(exclusive);
    }

    /**
     * A thing held on the server, such as a replica server id: two captures holding equal ones clash.
     *
     * @param key the configuration key that sets it
     * @param value its value ({@code 7001})
     * @param what what the value is, where ({@code replica server id on db:3306})
     * @param why what would go wrong if two captures held it
     */
    public record Exclusive(String key, String value, String what, String why) {
        /** Whether this and {@code other} hold the same thing. */
        public boolean clashesWith(Exclusive other) {
            return key.equals(other.key) && value.equals(other.value) && what.equals(other.what);
        }
    }
}
