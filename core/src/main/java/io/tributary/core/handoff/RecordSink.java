package io.tributary.core.handoff;

import io.tributary.api.ChangeRecord;

/**
 * Where readers put records; blocks while the consumer is behind (back-pressure). A sink may hold records back
 * until {@link #flush()}: readers flush whenever they may next wait for the server.
 */
public interface RecordSink {
    void put(ChangeRecord record) throws InterruptedException;

    /** Hands over the records held back. */
    default void flush() throws InterruptedException {
    }
}
