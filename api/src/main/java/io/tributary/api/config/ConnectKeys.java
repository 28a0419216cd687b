package io.tributary.api.config;

import java.util.List;
import java.util.Set;

/**
 * The keys Kafka Connect itself reads from a connector's configuration (its name and class, the class it adds to each
 * task's configuration, converters, transforms,
 * predicates, error handling, topic creation, exactly-once, client overrides, config providers, plugin versions):
 * every connector configuration may carry them, so a component that is also a Connect connector accepts them.
 */
public final class ConnectKeys {
    /** Whole keys. */
    public static final Set<String> KEYS = Set.of("name", "connector.class", "task.class", "tasks.max",
            "tasks.max.enforce", "key.converter", "value.converter", "header.converter", "transforms", "predicates",
            "config.action.reload",
            "errors.retry.timeout", "errors.retry.delay.max.ms", "errors.tolerance", "errors.log.enable",
            "errors.log.include.messages", "exactly.once.support", "transaction.boundary",
            "transaction.boundary.interval.ms", "offsets.storage.topic", "config.providers", "connector.plugin.version",
            "key.converter.plugin.version", "value.converter.plugin.version", "header.converter.plugin.version");

    /** Prefixes of families of keys (a converter's, transform's, predicate's or provider's own settings, ...). */
    public static final List<String> PREFIXES = List.of("key.converter.", "value.converter.", "header.converter.",
            "transforms.", "predicates.", "config.providers.", "topic.creation.", "errors.deadletterqueue.",
            "producer.override.", "consumer.override.", "admin.override.");

    private ConnectKeys() {
    }

    /** Whether Kafka Connect reads {@code key} itself. */
    public static boolean isConnectKey(String key) {
        return KEYS.contains(key) || PREFIXES.stream().anyMatch(key::startsWith);
    }
}
