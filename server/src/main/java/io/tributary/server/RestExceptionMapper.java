package io.tributary.server;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that turns an exception into an HTTP answer, as Kafka Connect's {@code ConnectExceptionMapper} does:
 * a JAX-RS exception keeps its status (400 bad body, 404 unknown connector or path, 405 wrong method, 409 conflict,
 * 413, 415), anything else is a 500; every answer is an {@link ErrorMessage}.
 */
final class RestExceptionMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(RestExceptionMapper.class);

    @Override
    public Response toResponse(Throwable exception) {
        if (exception instanceof WebApplicationException web) {
            return ErrorMessage.response(web.getResponse().getStatus(), web.getMessage());
        }
        LOG.error("REST request failed", exception);
        return ErrorMessage.response(500, String.valueOf(exception.getMessage()));
    }
}
