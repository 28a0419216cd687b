package io.tributary.server;

import java.lang.annotation.Annotation;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * Completes a 401 from an authentication filter: the {@code WWW-Authenticate} challenge HTTP requires (Connect's
 * filter sends none) and the error in Connect's JSON shape instead of a line of text.
 */
final class AuthChallengeFilter implements ContainerResponseFilter {
    static final String CHALLENGE = "Basic realm=\"Tributary\", charset=\"UTF-8\"";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() != 401) {
            return;
        }
        response.getHeaders().putSingle(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
        response.setEntity(new ErrorMessage(401, "authentication required: send HTTP basic credentials of a user "
                + "in the REST API's users file (curl -u user:password ...)"), new Annotation[0],
                MediaType.APPLICATION_JSON_TYPE);
    }
}
