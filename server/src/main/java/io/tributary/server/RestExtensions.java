package io.tributary.server;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.tributary.api.config.ConfigException;
import io.tributary.api.config.ConfigProblem;
import org.apache.kafka.connect.health.ConnectClusterState;
import org.apache.kafka.connect.health.ConnectorHealth;
import org.apache.kafka.connect.health.ConnectorState;
import org.apache.kafka.connect.health.ConnectorType;
import org.apache.kafka.connect.health.TaskState;
import org.apache.kafka.connect.rest.ConnectRestExtension;
import org.apache.kafka.connect.rest.ConnectRestExtensionContext;
import org.glassfish.jersey.server.ResourceConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka Connect REST extensions named by {@code rest.extension.classes}, loaded, configured and registered as a
 * Connect worker does — Connect's own {@code BasicAuthSecurityRestExtension} included, unchanged.
 */
final class RestExtensions implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RestExtensions.class);
    private static final String KEY = PipelineOptions.REST_EXTENSION_CLASSES.key();

    private final List<ConnectRestExtension> extensions;
    private int requestFilters;

    private RestExtensions(List<ConnectRestExtension> extensions) {
        this.extensions = List.copyOf(extensions);
    }

    /**
     * Loads and configures every extension, checking the JAAS set-up of Connect's basic authentication first.
     *
     * @throws ConfigException naming every extension that cannot be loaded or configured
     */
    static RestExtensions load(RestConfig config) {
        List<ConfigProblem> problems = new ArrayList<>();
        List<ConnectRestExtension> loaded = new ArrayList<>();
        for (String className : config.extensionClasses()) {
            if (className.equals(BasicAuthPreflight.EXTENSION)) {
                problems.addAll(BasicAuthPreflight.check(System.getProperty(BasicAuthPreflight.LOGIN_CONFIG_PROPERTY)));
                if (!problems.isEmpty()) {
                    continue;
                }
            }
            try {
                ConnectRestExtension extension = instantiate(className);
                extension.configure(Map.of(KEY, String.join(",", config.extensionClasses()),
                        PipelineOptions.REST_HOST.key(), config.host(),
                        PipelineOptions.REST_PORT.key(), String.valueOf(config.port())));
                loaded.add(extension);
            } catch (ReflectiveOperationException | LinkageError e) {
                problems.add(new ConfigProblem(KEY, "cannot load " + className + " (" + e + "): expected a Kafka "
                        + "Connect REST extension on the class path, such as " + BasicAuthPreflight.EXTENSION));
            } catch (ClassCastException e) {
                problems.add(new ConfigProblem(KEY, className + " is not a Kafka Connect REST extension (it does not "
                        + "implement org.apache.kafka.connect.rest.ConnectRestExtension)"));
            } catch (RuntimeException e) {
                problems.add(new ConfigProblem(KEY, className + " refused its configuration: " + e.getMessage()));
            }
        }
        RestExtensions extensions = new RestExtensions(loaded);
        if (!problems.isEmpty()) {
            extensions.close();
            throw new ConfigException(problems);
        }
        return extensions;
    }

    private static ConnectRestExtension instantiate(String className) throws ReflectiveOperationException {
        Class<?> type = Class.forName(className, true, Thread.currentThread().getContextClassLoader());
        return type.asSubclass(ConnectRestExtension.class).getDeclaredConstructor().newInstance();
    }

    /** Lets every extension register its filters and resources with the API. */
    void register(ResourceConfig resources, Pipelines pipelines, String workerId) {
        ExtensionConfigurable configurable = new ExtensionConfigurable(resources);
        ConnectClusterState state = new PipelineClusterState(pipelines, workerId);
        ConnectRestExtensionContext context = new ConnectRestExtensionContext() {
            @Override
            public ExtensionConfigurable configurable() {
                return configurable;
            }

            @Override
            public ConnectClusterState clusterState() {
                return state;
            }
        };
        extensions.forEach(extension -> extension.register(context));
        requestFilters = configurable.requestFilters();
    }

    /** Whether an extension filters requests: with Connect's, whether they must carry credentials. */
    boolean filtersRequests() {
        return requestFilters > 0;
    }

    @Override
    public void close() {
        for (ConnectRestExtension extension : extensions) {
            try {
                extension.close();
            } catch (Exception e) {
                LOG.warn("REST extension {} failed to close: {}", extension.getClass().getName(), e.toString());
            }
        }
    }

    /** The pipelines as Connect's extensions see a cluster: each a source connector with one task. */
    private record PipelineClusterState(Pipelines pipelines, String workerId) implements ConnectClusterState {
        @Override
        public Collection<String> connectors() {
            return pipelines.names();
        }

        @Override
        public ConnectorHealth connectorHealth(String connName) {
            Pipeline pipeline = pipelines.get(connName).orElseThrow(() ->
                    new org.apache.kafka.connect.errors.NotFoundException("Connector " + connName + " not found"));
            String state = pipeline.state().name();
            String trace = pipeline.trace().orElse(null);
            return new ConnectorHealth(connName, new ConnectorState(state.equals("FAILED") ? "RUNNING" : state,
                    workerId, null), Map.of(0, new TaskState(0, state, workerId, trace)), ConnectorType.SOURCE);
        }

        @Override
        public Map<String, String> connectorConfig(String connName) {
            connectorHealth(connName);
            return Secrets.masked(pipelines.written(connName).orElse(Map.of()));
        }
    }
}
