package io.tributary.server;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * An error answered by the REST API, in Kafka Connect's shape: {@code {"error_code":404,"message":"..."}}.
 *
 * @param errorCode the HTTP status
 * @param message what was expected, what was found and what to do; never a secret
 */
public record ErrorMessage(@JsonProperty("error_code") int errorCode, @JsonProperty("message") String message) {

    public ErrorMessage {
        requireNonNull(message, "message is null");
    }

    /** The whole answer: this status with this error as its JSON body. */
    static Response response(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorMessage(status, message)).build();
    }
}
