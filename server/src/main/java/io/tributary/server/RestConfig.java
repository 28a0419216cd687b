package io.tributary.server;

import static java.util.Objects.requireNonNull;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The REST API's settings, from the pipeline file's {@code rest.*} keys.
 *
 * @param host the address to bind ({@code rest.host})
 * @param port the port, 0 for any free one, -1 for no REST API ({@code rest.port})
 * @param extensionClasses Kafka Connect REST extensions to load ({@code rest.extension.classes})
 * @param requestMaxBytes the largest request body read ({@code rest.request.max.bytes})
 */
public record RestConfig(String host, int port, List<String> extensionClasses, long requestMaxBytes) {

    public RestConfig {
        requireNonNull(host, "host is null");
        extensionClasses = List.copyOf(extensionClasses);
    }

    public boolean enabled() {
        return port >= 0;
    }

    /** Whether only this machine can reach {@link #host()}; an unresolvable name counts as reachable from outside. */
    public boolean loopbackOnly() {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
