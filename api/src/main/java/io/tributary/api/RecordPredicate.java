package io.tributary.api;

import java.util.Map;

/** A condition on records that decides whether a transform applies, as Kafka Connect's predicates do. */
public interface RecordPredicate {
    /**
     * Reads the predicate's own properties (the {@code predicates.<name>.} prefix removed).
     *
     * @throws io.tributary.api.config.ConfigException listing every problem
     */
    void configure(Map<String, String> config);

    boolean test(ChangeRecord record);
}
