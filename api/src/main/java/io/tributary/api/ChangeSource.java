package io.tributary.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A running capture of one source database, shaped like Kafka Connect's {@code SourceTask} so that the same
 * implementation serves the Connect plugin and the standalone runtime.
 *
 * <p>Threading: {@link #start}, {@link #poll} and {@link #commit} are called from one thread; {@link #close} may
 * be called from another to interrupt a blocked {@code poll}.
 */
public interface ChangeSource extends AutoCloseable {
    /**
     * Gives the source a directory of its own, kept between runs beside the pipeline's offsets, for what it must find
     * again on a restart (the MySQL source keeps its schema history there). Called before {@link #start} by a
     * runtime that has such a place; a source that keeps nothing ignores it.
     */
    default void useStateDirectory(Path directory) {
    }

    /**
     * Validates the configuration, connects and begins capturing from {@code storedOffset} (empty on a first
     * start). Fails with {@link io.tributary.api.config.ConfigException} listing every configuration problem
     * before connecting anywhere.
     */
    void start(Map<String, String> config, Optional<Map<String, ?>> storedOffset);

    /**
     * The next records, in source order, waiting at most a short while; an empty list when none arrived. Memory
     * is bounded: the capture pauses while records wait to be polled.
     *
     * @throws SourceException when capture failed and cannot go on
     */
    List<ChangeRecord> poll() throws InterruptedException;

    /**
     * Tells the source that every record up to and including one carrying {@code offset} has been delivered and
     * durably recorded, so that server-side resources (such as a binlog position) may be released. Optional.
     */
    default void commit(Map<String, ?> offset) {
    }

    /** How far the initial snapshot got, per table in reading order; empty when there is none. */
    default Map<String, TableProgress> snapshotProgress() {
        return Map.of();
    }

    /**
     * What the capture is doing, for metrics; {@link CaptureStatus#UNKNOWN} unless the source tracks it. Called from
     * any thread, while the source runs or after; cheap.
     */
    default CaptureStatus captureStatus() {
        return CaptureStatus.UNKNOWN;
    }

    /** Stops capturing and releases connections; idempotent. */
    @Override
    void close();
}
