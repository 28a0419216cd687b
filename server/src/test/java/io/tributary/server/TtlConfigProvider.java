package io.tributary.server;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.common.config.ConfigData;
import org.apache.kafka.common.config.provider.ConfigProvider;

/**
 * A config provider written for the tests, as a rotating secret store would behave: every key's value is {@link
 * #VALUE}, given with the time to live of its {@code ttl.ms} parameter. Kafka's own providers give none.
 */
public final class TtlConfigProvider implements ConfigProvider {
    /** The value every key has now. */
    static final AtomicReference<String> VALUE = new AtomicReference<>("first");

    private long ttlMs;

    @Override
    public void configure(Map<String, ?> configs) {
        ttlMs = Long.parseLong(String.valueOf(configs.get("ttl.ms")));
    }

    @Override
    public ConfigData get(String path) {
        return new ConfigData(Map.of(), ttlMs);
    }

    @Override
    public ConfigData get(String path, Set<String> keys) {
        Map<String, String> data = new LinkedHashMap<>();
        keys.forEach(key -> data.put(key, VALUE.get()));
        return new ConfigData(data, ttlMs);
    }

    @Override
    public void close() {
    }
}
