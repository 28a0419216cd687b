package io.tributary.api;

/** A sink could not deliver: what was attempted, what went wrong, and what to do. */
public class SinkException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SinkException(String message, Throwable cause) {
        super(message, cause);
    }

    public SinkException(String message) {
        super(message);
    }
}
