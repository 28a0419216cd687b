package io.tributary.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a pipeline delivers records: Kafka, files, databases. Called from one thread.
 *
 * <p>Delivery is at-least-once: the runtime stores a source offset only after {@link #flush} returned for every
 * record before it, so a sink may see records again after a crash and should write idempotently (by key).
 */
public interface ChangeSink extends AutoCloseable {
    /**
     * Validates the configuration and connects. Fails with {@link io.tributary.api.config.ConfigException} listing
     * every configuration problem before connecting anywhere.
     *
     * @param pipeline the name of the pipeline, unique per offset store
     */
    void start(String pipeline, Map<String, String> config);

    /**
     * Called before {@link #start} by runtimes with a dead-letter route of their own (Kafka Connect's errant record
     * reporter, when the connector has {@code errors.tolerance=all}); sinks that set records aside use it instead of
     * one they configure themselves.
     */
    default void routeRejectedTo(DeadLetterRoute route) {
    }

    /** Accepts records in order; may buffer them. */
    void write(List<ChangeRecord> records) throws InterruptedException;

    /** Returns once every record written so far is durably delivered; throws when one could not be. */
    void flush() throws InterruptedException;

    /**
     * A store that records offsets atomically with this sink's writes (exactly-once delivery), or empty when the
     * runtime's own store is to be used.
     */
    default Optional<OffsetStore> transactionalOffsets() {
        return Optional.empty();
    }

    /** Flushes what it can and releases connections; idempotent. */
    @Override
    void close();
}
