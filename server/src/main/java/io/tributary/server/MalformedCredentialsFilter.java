package io.tributary.server;

import java.util.Base64;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Refuses Basic credentials that are not base64 with 401 before Connect's authentication filter sees them: that filter
 * fails on them with an unchecked exception, which would be answered 500.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
final class MalformedCredentialsFilter implements ContainerRequestFilter {
    private static final String BASIC = "basic ";

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            return;
        }
        try {
            Base64.getDecoder().decode(header.substring(BASIC.length()).trim());
        } catch (IllegalArgumentException e) {
            request.abortWith(ErrorMessage.response(401, "the Authorization header's Basic credentials are not "
                    + "base64: expected Basic base64(user:password), as curl -u user:password sends it"));
        }
    }
}
