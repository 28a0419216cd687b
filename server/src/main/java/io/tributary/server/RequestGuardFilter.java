package io.tributary.server;

import java.util.Locale;
import java.util.Set;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;

/**
 * What every request must satisfy before it reaches an endpoint, after authentication:
 * <ul>
 * <li>a request that changes state (anything but GET, HEAD and OPTIONS) carrying an {@code Origin} header that is not
 * this server's own is refused with 403 — a web page elsewhere cannot make a visitor's browser pause or restart the
 * pipeline (a {@code text/plain} POST needs no CORS preflight, so the browser would send it). CORS is off, as Kafka
 * Connect's {@code access.control.allow.origin} is by default;</li>
 * <li>a body must be {@code application/json} (415 otherwise);</li>
 * <li>a body declared longer than the limit is refused with 413 before any of it is read.</li>
 * </ul>
 */
@PreMatching
@Priority(Priorities.AUTHORIZATION)
final class RequestGuardFilter implements ContainerRequestFilter {
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final Set<String> ownOrigins;
    private final long maxBytes;

    /**
     * @param ownOrigins this server's origins ({@code http://127.0.0.1:8083}), lower case
     */
    RequestGuardFilter(Set<String> ownOrigins, long maxBytes) {
        this.ownOrigins = Set.copyOf(ownOrigins);
        this.maxBytes = maxBytes;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String origin = request.getHeaderString("Origin");
        if (origin != null && !SAFE_METHODS.contains(request.getMethod())
                && !ownOrigins.contains(origin.toLowerCase(Locale.ROOT))) {
            request.abortWith(ErrorMessage.response(403, "refused a cross-origin " + request.getMethod()
                    + " from Origin " + origin + ": requests that change state must come from this server's own "
                    + "origin (" + String.join(", ", new java.util.TreeSet<>(ownOrigins)) + ") or without an "
                    + "Origin header, as curl and Connect's clients send them"));
            return;
        }
        if (!hasBody(request)) {
            return;
        }
        MediaType type = request.getMediaType();
        if (type == null || !type.isCompatible(MediaType.APPLICATION_JSON_TYPE) || type.isWildcardType()
                || type.isWildcardSubtype()) {
            request.abortWith(ErrorMessage.response(415, "expected a body of Content-Type application/json but "
                    + "found " + (type == null ? "none" : type.getType() + "/" + type.getSubtype())
                    + "; send the body as JSON with Content-Type: application/json"));
            return;
        }
        if (request.getLength() > maxBytes) {
            request.abortWith(ErrorMessage.response(413, JsonBodies.tooLarge(maxBytes).getMessage()));
        }
    }

    private static boolean hasBody(ContainerRequestContext request) {
        return request.getLength() > 0 || request.getHeaderString("Transfer-Encoding") != null;
    }
}
