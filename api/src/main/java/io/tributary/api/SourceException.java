package io.tributary.api;

/**
 * Capture failed. {@link #isRetriable()} tells whether trying again later may succeed (a server that went away)
 * or not (missing privileges, binlog purged past the stored position); the message says what to do.
 */
public class SourceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final boolean retriable;

    public SourceException(String message, boolean retriable, Throwable cause) {
        super(message, cause);
        this.retriable = retriable;
    }

    public static SourceException fatal(String message) {
        return new SourceException(message, false, null);
    }

    public static SourceException fatal(String message, Throwable cause) {
        return new SourceException(message, false, cause);
    }

    public static SourceException retriable(String message, Throwable cause) {
        return new SourceException(message, true, cause);
    }

    public boolean isRetriable() {
        return retriable;
    }
}
