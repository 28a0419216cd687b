package io.tributary.compat;

import java.time.Duration;

/** A running capture by one connector, writing into an {@link EventLog}; waits fail fast if the capture failed. */
abstract class Capture implements AutoCloseable {
    private final EventLog log;

    Capture(EventLog log) {
        this.log = log;
    }

    /** What made the capture fail, or null while it runs. */
    abstract Throwable failure();

    /** Waits until at least {@code count} records arrived. */
    final void awaitEvents(int count, Duration timeout) {
        log.awaitSize(count, timeout, this::failure);
    }

    /** Waits until at least {@code count} records of {@code topic} arrived. */
    final void awaitEvents(String topic, int count, Duration timeout) {
        log.awaitSize(topic, count, timeout, this::failure);
    }

    /** Waits until the connector has been silent for {@code quiet}; returns how many records arrived in all. */
    final int awaitQuiet(Duration quiet, Duration timeout) {
        return log.awaitQuiet(quiet, timeout);
    }
}
