package io.tributary.server;

import java.io.IOException;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;

/**
 * Runs a REST extension's request filter before the request is matched to an endpoint. Connect's basic
 * authentication filter is a post-matching one, so on its own a request for an unknown path or with the wrong
 * method would be answered 404/405 without credentials, telling a stranger which endpoints exist.
 */
@PreMatching
final class PreMatchingRequestFilter implements ContainerRequestFilter {
    private final ContainerRequestFilter filter;

    PreMatchingRequestFilter(ContainerRequestFilter filter) {
        this.filter = filter;
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        filter.filter(request);
    }
}
