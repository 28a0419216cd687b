package io.tributary.testkit;

/** A test server could not be started, stopped or used; the message says what to do about it. */
public final class TestkitException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TestkitException(String message) {
        super(message);
    }

    public TestkitException(String message, Throwable cause) {
        super(message, cause);
    }
}
