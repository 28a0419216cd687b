package io.tributary.server;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;

/**
 * Refuses, with 403, a request whose {@code Host} header names another host than this server's loopback names. It
 * guards a loopback listener without authentication against DNS rebinding: a web page on a name that its DNS server
 * then points at 127.0.0.1 is, for the browser, same-origin with the API and could read and change it; such a request
 * carries that name in its {@code Host} header. A request without a {@code Host} header (HTTP/1.0) is served, as no
 * browser sends one.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
final class HostHeaderFilter implements ContainerRequestFilter {
    private final Set<String> hosts;
    private final String url;

    /**
     * @param hosts the names this server answers to, lower case, IPv6 addresses in brackets
     * @param url the server's own address, for the message
     */
    HostHeaderFilter(Set<String> hosts, String url) {
        this.hosts = Set.copyOf(hosts);
        this.url = url;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String host = request.getHeaderString("Host");
        if (host != null && !hosts.contains(withoutPort(host.trim()).toLowerCase(Locale.ROOT))) {
            request.abortWith(ErrorMessage.response(403, "refused a request for Host " + host + ": the REST API "
                    + "listens on loopback without authentication, so it answers only requests addressed to "
                    + String.join(", ", new TreeSet<>(hosts)) + " (a web page cannot reach it through DNS "
                    + "rebinding). Address it as " + url + ", or turn on authentication (rest.extension.classes="
                    + BasicAuthPreflight.EXTENSION + ") to serve it under other names"));
        }
    }

    /** {@code example:8083} → {@code example}; {@code [::1]:8083} → {@code [::1]}. */
    static String withoutPort(String host) {
        int end = host.startsWith("[") ? host.indexOf(']') + 1 : host.indexOf(':');
        return end <= 0 ? host : host.substring(0, end);
    }
}
