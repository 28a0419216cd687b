package io.tributary.api;

import java.util.Map;

/**
 * Changes records between source and sinks, as a Kafka Connect single message transform does: one record in, one
 * record (or none) out. Called from one thread.
 */
public interface ChangeTransform extends AutoCloseable {
    /**
     * Reads the transform's own properties (the {@code transforms.<name>.} prefix removed).
     *
     * @throws io.tributary.api.config.ConfigException listing every problem
     */
    void configure(Map<String, String> config);

    /** The transformed record, or null to drop it. */
    ChangeRecord apply(ChangeRecord record);

    @Override
    default void close() {
    }
}
