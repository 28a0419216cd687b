package io.tributary.server;

import java.io.IOException;
import java.net.BindException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.glassfish.jersey.internal.inject.AbstractBinder;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST API on Kafka Connect's own stack, Jetty and Jersey: shaped like Connect's where they overlap
 * ({@code /connectors}, {@code /status}, pause, resume, restart, {@code /connector-plugins/.../config/validate}),
 * plus Tributary's snapshot progress and metrics, a Prometheus endpoint ({@code /metrics}) and {@code /health}.
 * Connect's REST extensions ({@code rest.extension.classes}) plug in as on a worker, its basic authentication among
 * them. Secrets never appear in its answers.
 */
public final class RestServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RestServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Server server;
    private final ServerConnector connector;
    private final RestExtensions extensions;
    private final PrometheusMetrics metrics;
    private final String scheme;

    private RestServer(Server server, ServerConnector connector, RestExtensions extensions, PrometheusMetrics metrics,
            String scheme) {
        this.server = server;
        this.scheme = scheme;
        this.connector = connector;
        this.extensions = extensions;
        this.metrics = metrics;
    }

    /**
     * Binds and starts serving.
     *
     * @throws IllegalStateException when the port is taken or the server cannot start
     * @throws io.tributary.api.config.ConfigException when a REST extension cannot be loaded or is misconfigured
     */
    public static RestServer start(RestConfig config, Pipelines pipelines) {
        RestExtensions extensions = RestExtensions.load(config);
        Server server = new Server(threads());
        PrometheusMetrics metrics = new PrometheusMetrics(pipelines);
        try {
            ServerConnector connector = bind(server, config);
            String workerId = config.host() + ":" + connector.getLocalPort();
            ResourceConfig resources = resources(config, pipelines, metrics, connector.getLocalPort());
            extensions.register(resources, pipelines, workerId);
            if (extensions.filtersRequests()) {
                resources.register(new MalformedCredentialsFilter());
            } else if (config.loopbackOnly()) {
                resources.register(new HostHeaderFilter(ownHosts(config), config.scheme() + "://"
                        + ownHost(config.host()) + ":" + connector.getLocalPort()));
            }
            ServletContextHandler context = new ServletContextHandler("/");
            context.addServlet(new ServletHolder(new LazyJerseyServlet(resources)), "/*");
            server.setHandler(context);
            server.start();
            RestServer rest = new RestServer(server, connector, extensions, metrics, config.scheme());
            if (!extensions.filtersRequests() && !config.loopbackOnly()) {
                LOG.warn("The REST API listens on {} ({}), which other machines can reach, without authentication: "
                        + "anyone who reaches it can create, change, stop and delete pipelines. Set "
                        + "rest.extension.classes={} with a JAAS file, or rest.host=127.0.0.1", rest.url(),
                        PipelineOptions.REST_HOST.key(), BasicAuthPreflight.EXTENSION);
            }
            return rest;
        } catch (Exception e) {
            stopQuietly(server);
            extensions.close();
            metrics.close();
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("cannot serve REST on " + config.host() + ":" + config.port() + ": "
                    + e.getMessage(), e);
        }
    }

    private static QueuedThreadPool threads() {
        QueuedThreadPool threads = new QueuedThreadPool(12, 2);
        threads.setName("tributary-rest");
        threads.setDaemon(true);
        return threads;
    }

    private static ServerConnector bind(Server server, RestConfig config) {
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(server, 1, 1, config.tls()
                .map(tls -> RestTls.factories(tls, http))
                .orElseGet(() -> new ConnectionFactory[] {new HttpConnectionFactory(http)}));
        connector.setHost(config.host());
        connector.setPort(config.port());
        server.addConnector(connector);
        try {
            connector.open();
        } catch (IOException e) {
            if (e instanceof BindException || e.getCause() instanceof BindException) {
                throw new IllegalStateException("the REST port " + config.host() + ":" + config.port() + " is in use "
                        + "(by another Tributary or a Kafka Connect worker?): set rest.port in the pipeline file to a "
                        + "free port, or -1 to run without the REST API", e);
            }
            throw new IllegalStateException("cannot serve REST on " + config.host() + ":" + config.port() + ": "
                    + e.getMessage(), e);
        }
        return connector;
    }

    private static ResourceConfig resources(RestConfig config, Pipelines pipelines, PrometheusMetrics metrics,
            int port) {
        JsonBodies bodies = new JsonBodies(JSON, config.requestMaxBytes());
        ResourceConfig resources = new ResourceConfig();
        // only what is registered here: no WADL, no scanning of the class path for features and providers (it
        // costs start-up time and would pick up whatever a jar on the class path declares)
        resources.property(ServerProperties.WADL_FEATURE_DISABLE, true);
        resources.property(ServerProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true);
        resources.property(ServerProperties.METAINF_SERVICES_LOOKUP_DISABLE, true);
        resources.property(ServerProperties.BV_FEATURE_DISABLE, true);
        resources.register(new JacksonJsonProvider(JSON));
        resources.register(new RestExceptionMapper());
        resources.register(new RequestGuardFilter(ownOrigins(config, port), config.requestMaxBytes()));
        resources.register(new AuthChallengeFilter());
        // resources as classes, their collaborators bound for injection: Jersey warns about resource instances
        // (eclipse-ee4j/jersey#3700), and the command line would show that on every start
        WorkerId workerId = new WorkerId(config.host() + ":" + port);
        resources.register(new AbstractBinder() {
            @Override
            protected void configure() {
                bind(pipelines).to(Pipelines.class);
                bind(pipelines.registry()).to(SinkRegistry.class);
                bind(metrics).to(PrometheusMetrics.class);
                bind(bodies).to(JsonBodies.class);
                bind(workerId).to(WorkerId.class);
            }
        });
        resources.register(WorkerResource.class);
        resources.register(ConnectorsResource.class);
        resources.register(ConnectorPluginsResource.class);
        return resources;
    }

    /** The origins a browser gives pages served from this address; on loopback, each name of loopback too. */
    static Set<String> ownOrigins(RestConfig config, int port) {
        Set<String> origins = new LinkedHashSet<>();
        ownHosts(config).forEach(name -> origins.add(config.scheme() + "://" + name + ":" + port));
        return origins;
    }

    /** The names this server is addressed by, lower case: its host and, on loopback, each name of loopback. */
    static Set<String> ownHosts(RestConfig config) {
        Set<String> hosts = new LinkedHashSet<>();
        hosts.add(ownHost(config.host()).toLowerCase(Locale.ROOT));
        if (config.loopbackOnly()) {
            hosts.addAll(Set.of("localhost", "127.0.0.1", "[::1]"));
        }
        return hosts;
    }

    /** The host as a URL names it: an IPv6 address in brackets. */
    private static String ownHost(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    /** How this server names itself in Connect's status answers: {@code host:port}. */
    record WorkerId(String id) {
    }

    public int port() {
        return connector.getLocalPort();
    }

    public String url() {
        return scheme + "://" + ownHost(connector.getHost()) + ":" + port();
    }

    @Override
    public void close() {
        stopQuietly(server);
        extensions.close();
        metrics.close();
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("the REST server did not stop cleanly: {}", e.toString());
        }
    }
}
