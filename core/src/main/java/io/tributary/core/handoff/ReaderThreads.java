package io.tributary.core.handoff;

import java.time.Duration;

/** The end of a source's reader thread, asked for by the source's {@code close()}. */
public final class ReaderThreads {
    /** How long a closing source waits for its reader. */
    public static final Duration WAIT = Duration.ofSeconds(10);

    private ReaderThreads() {
    }

    /**
     * Waits up to {@link #WAIT} for a reader that was asked to stop (interrupted, its hand-off closed).
     *
     * @return whether it ended; one still running is left to end with the process, and its source says so
     */
    public static boolean awaitEnd(Thread reader) {
        try {
            reader.join(WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !reader.isAlive();
    }
}
