package io.tributary.server;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import io.tributary.api.ChangeSourceProvider;
import io.tributary.api.config.ConfigException;
import io.tributary.api.config.ConfigProblem;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code /connector-plugins}: the source and sink types, and Connect's config validation for a pipeline's properties. */
@Path("/connector-plugins")
@Produces(MediaType.APPLICATION_JSON)
public final class ConnectorPluginsResource {
    private static final TypeReference<Map<String, String>> PROPERTIES = new TypeReference<>() {
    };

    private final SinkRegistry registry;
    private final JsonBodies bodies;

    @Inject
    public ConnectorPluginsResource(SinkRegistry registry, JsonBodies bodies) {
        this.registry = registry;
        this.bodies = bodies;
    }

    @GET
    public List<Map<String, String>> plugins() {
        List<Map<String, String>> plugins = new ArrayList<>();
        // with each plugin's version, as Connect lists them
        SourceRegistry.installed().providers().forEach(source -> plugins.add(Map.of("class",
                source.connectorClasses().get(0), "type", "source", "version", Version.current())));
        registry.types().forEach(type -> plugins.add(Map.of("class", type, "type", "sink", "version",
                Version.current())));
        return plugins;
    }

    /** A source connector's options, as Connect's {@code GET /connector-plugins/<plugin>/config} lists them. */
    @GET
    @Path("/{plugin}/config")
    public List<Map<String, Object>> definitions(@PathParam("plugin") String plugin) {
        return ConnectValidation.definitions(source(plugin));
    }

    /**
     * Checks a pipeline's source (and sink) properties without starting anything, answering as Connect does: every
     * source option with its definition and the value given, and each problem under its key.
     */
    @PUT
    @Path("/{plugin}/config/validate")
    public Map<String, Object> validate(@PathParam("plugin") String plugin, InputStream body) throws IOException {
        Map<String, String> config = bodies.read(body, PROPERTIES,
                "a JSON object of string properties, such as {\"connector.class\": \"...\"}");
        List<ConfigProblem> problems;
        try {
            PipelineValidation.validate(config.getOrDefault("name", plugin), config, registry);
            problems = List.of();
        } catch (ConfigException e) {
            problems = e.problems();
        }
        return ConnectValidation.validate(source(plugin), config, problems);
    }

    /**
     * The source a plugin name names: one of its connector classes, or such a class's simple name (also without
     * {@code Connector}); Connect's 404 for a plugin it does not have.
     */
    private static ChangeSourceProvider source(String plugin) {
        return SourceRegistry.installed().providers().stream().filter(source -> source.connectorClasses().stream()
                .anyMatch(name -> {
                    String simple = name.substring(name.lastIndexOf('.') + 1);
                    return plugin.equals(name) || plugin.equals(simple)
                            || simple.endsWith("Connector")
                                    && plugin.equals(simple.substring(0, simple.length() - "Connector".length()));
                }))
                .findFirst().orElseThrow(() -> new jakarta.ws.rs.NotFoundException("Unknown plugin " + plugin + "."));
    }
}
