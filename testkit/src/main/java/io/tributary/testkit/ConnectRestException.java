package io.tributary.testkit;

/** A Kafka Connect REST call answered with a status other than 2xx. */
public final class ConnectRestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int statusCode;
    private final String body;

    public ConnectRestException(String method, String path, int statusCode, String body) {
        super(method + " /" + path + " answered " + statusCode + ": " + body);
        this.statusCode = statusCode;
        this.body = body;
    }

    public int statusCode() {
        return statusCode;
    }

    public String body() {
        return body;
    }
}
