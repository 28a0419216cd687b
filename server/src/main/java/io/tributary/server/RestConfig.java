package io.tributary.server;

import static java.util.Objects.requireNonNull;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.tributary.api.config.ConfigProblem;
import io.tributary.api.config.ParsedConfig;

/**
 * The REST API's settings, from the pipeline file's {@code rest.*} keys, or Kafka Connect's {@code listeners} and
 * {@code listeners.https.ssl.*}.
 *
 * @param host the address to bind ({@code rest.host}, or the listener's)
 * @param port the port, 0 for any free one, -1 for no REST API ({@code rest.port}, or the listener's)
 * @param tls present when the listener is {@code https://}
 * @param extensionClasses Kafka Connect REST extensions to load ({@code rest.extension.classes})
 * @param requestMaxBytes the largest request body read ({@code rest.request.max.bytes})
 */
public record RestConfig(String host, int port, Optional<Tls> tls, List<String> extensionClasses,
        long requestMaxBytes) {
    private static final Pattern LISTENER = Pattern.compile("(?i)(https?)://(\\[[^]]+]|[^:/\\[]*):(\\d{1,5})/?");

    public RestConfig {
        requireNonNull(host, "host is null");
        requireNonNull(tls, "tls is null");
        extensionClasses = List.copyOf(extensionClasses);
    }

    /**
     * The HTTPS listener's keystore, as Connect's {@code listeners.https.ssl.keystore.*} name it. Its passwords are
     * never printed.
     */
    public record Tls(Path keystore, String keystoreType, String keystorePassword, String keyPassword) {
        public Tls {
            requireNonNull(keystore, "keystore is null");
            requireNonNull(keystoreType, "keystoreType is null");
        }

        @Override
        public String toString() {
            return "Tls[keystore=" + keystore + ", keystoreType=" + keystoreType + ", passwords " + Secrets.HIDDEN
                    + "]";
        }
    }

    /** Reads the REST keys of a parsed pipeline file, adding a problem for each that is wrong. */
    static RestConfig of(ParsedConfig parsed, List<ConfigProblem> problems) {
        String host = PipelineConfig.valueOf(parsed, PipelineOptions.REST_HOST);
        int port = PipelineConfig.valueOf(parsed, PipelineOptions.REST_PORT);
        Optional<Tls> tls = Optional.empty();
        Optional<String> listeners = parsed.find(PipelineOptions.LISTENERS);
        if (listeners.isPresent()) {
            Matcher listener = LISTENER.matcher(listeners.get().trim());
            if (!listener.matches() || Integer.parseInt(listener.group(3)) > 65535) {
                problems.add(new ConfigProblem(PipelineOptions.LISTENERS.key(), "expected one listener, "
                        + "http://host:port or https://host:port (the REST API serves one), but found '"
                        + listeners.get() + "'"));
            } else {
                host = listener.group(2).isEmpty() ? "0.0.0.0" : listener.group(2).replaceAll("^\\[|]$", "");
                port = Integer.parseInt(listener.group(3));
                if (listener.group(1).equalsIgnoreCase("https")) {
                    tls = tls(parsed, problems);
                }
            }
        }
        return new RestConfig(host, port, tls, PipelineConfig.valueOf(parsed, PipelineOptions.REST_EXTENSION_CLASSES),
                PipelineConfig.valueOf(parsed, PipelineOptions.REST_REQUEST_MAX_BYTES));
    }

    private static Optional<Tls> tls(ParsedConfig parsed, List<ConfigProblem> problems) {
        Optional<String> keystore = parsed.find(PipelineOptions.HTTPS_KEYSTORE_LOCATION);
        if (keystore.isEmpty()) {
            problems.add(new ConfigProblem(PipelineOptions.HTTPS_KEYSTORE_LOCATION.key(), "missing: an https:// "
                    + "listener needs a keystore with its key and certificate (and "
                    + PipelineOptions.HTTPS_KEYSTORE_PASSWORD.key() + ")"));
            return Optional.empty();
        }
        String password = parsed.find(PipelineOptions.HTTPS_KEYSTORE_PASSWORD).orElse("");
        return Optional.of(new Tls(Path.of(keystore.get()), PipelineConfig.valueOf(parsed,
                PipelineOptions.HTTPS_KEYSTORE_TYPE), password,
                parsed.find(PipelineOptions.HTTPS_KEY_PASSWORD).orElse(password)));
    }

    public boolean enabled() {
        return port >= 0;
    }

    public String scheme() {
        return tls.isPresent() ? "https" : "http";
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
