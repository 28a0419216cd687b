package io.tributary.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.tributary.api.config.ConfigException;
import io.tributary.api.config.ConfigProblem;
import io.tributary.server.PipelineConfig.SinkConfig;
import io.tributary.transforms.TransformChain;

/** Checks a whole pipeline — runtime keys, source and every sink — and reports all problems at once. */
public final class PipelineValidation {
    private PipelineValidation() {
    }

    /**
     * A pipeline file's configuration when it is valid, config provider references resolved first (both {@code run}
     * and {@code validate} come through here): the result runs with the resolved values and shows the written ones.
     *
     * @throws ConfigException listing every problem; a problem of a key whose value came from a provider shows the
     *         reference, never the value
     */
    public static PipelineConfig validateFile(String fileName, Map<String, String> written, SinkRegistry registry) {
        ConfigProviders.Resolved providers = ConfigProviders.resolveWithTtl(written);
        Map<String, String> resolved = providers.values();
        try {
            return validate(fileName, resolved, registry).shownAs(written, resolved)
                    .withProvidedTtl(providers.ttlMs());
        } catch (ConfigException e) {
            ProvidedValues provided = ProvidedValues.of(written, resolved);
            throw new ConfigException(e.problems().stream().map(problem -> hideResolved(problem, written, resolved,
                    provided)).toList());
        }
    }

    /**
     * The problem with the values providers gave replaced by their references: its own key's value whatever its
     * length, others as {@link ProvidedValues#hide} does.
     */
    private static ConfigProblem hideResolved(ConfigProblem problem, Map<String, String> written,
            Map<String, String> resolved, ProvidedValues provided) {
        String value = resolved.get(problem.key());
        String reference = written.get(problem.key());
        String message = value == null || value.isEmpty() || value.equals(reference) ? problem.message()
                : problem.message().replace(value, reference);
        return new ConfigProblem(problem.key(), provided.hide(message));
    }

    /**
     * The pipeline's configuration when it is valid; values are taken as given (the REST API's validate does not
     * resolve config providers: a request must not make the server read its files or environment).
     *
     * @throws ConfigException listing every problem, sink problems prefixed with their {@code sink.<name>.} keys
     */
    public static PipelineConfig validate(String fileName, Map<String, String> properties, SinkRegistry registry) {
        List<ConfigProblem> problems = new ArrayList<>();
        PipelineConfig config = PipelineConfig.of(fileName, properties, registry.types(), problems);
        Map<String, String> source = PipelineConfig.sourceProperties(properties);
        try {
            // the runtime's keys are suggested too: a misspelt one (snks=, rset.port=) lands among the source's
            problems.addAll(SourceRegistry.installed().require(source).validate(source, PipelineConfig.runtimeKeys()));
        } catch (ConfigException e) {
            problems.addAll(e.problems());
        }
        try {
            TransformChain.of(source);
        } catch (ConfigException e) {
            problems.addAll(e.problems());
        }
        problems.addAll(StandaloneConnectKeys.problems(source));
        String reload = source.get(PipelineConfig.RELOAD_ACTION);
        if (reload != null && !List.of("restart", "none").contains(reload.strip().toLowerCase(java.util.Locale.ROOT))) {
            problems.add(new ConfigProblem(PipelineConfig.RELOAD_ACTION, "expected restart or none, as Kafka Connect "
                    + "takes it; found '" + reload + "'"));
        }
        for (SinkConfig sink : config.sinks().values()) {
            registry.validate(sink.type(), sink.properties()).forEach(problem -> problems.add(
                    new ConfigProblem(keyInFile(properties, sink.name(), problem.key()), problem.message())));
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems.stream().distinct().toList());
        }
        return config;
    }

    /**
     * A sink's key as the file spells it: {@code sink.<name>.<key>}, or, for a setting the sink took from the source
     * part (a converter), the key written there.
     */
    private static String keyInFile(Map<String, String> properties, String sinkName, String key) {
        String own = "sink." + sinkName + "." + key;
        return !properties.containsKey(own) && properties.containsKey(key) ? key : own;
    }
}
