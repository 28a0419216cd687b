package io.tributary.server;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.tributary.api.config.ConfigException;
import io.tributary.api.config.ConfigProblem;
import io.tributary.api.config.ParsedConfig;

/**
 * A runtime file: a runtime that starts with no pipeline of its own and runs those created through its REST API, as
 * a Kafka Connect worker runs connectors, with only the runtime's keys:
 *
 * <pre>
 * rest.port=8083                 # the REST API (rest.*, listeners, listeners.https.*), as in a pipeline file
 * offset.storage.dir=./runtime   # the directory of the pipelines' configurations (connectors/) and, by default,
 *                                # of their offsets
 * </pre>
 *
 * @param directory the runtime's directory: {@code offset.storage.dir}
 * @param rest the REST API's settings; never off
 */
public record RuntimeConfig(Path directory, RestConfig rest) {
    /**
     * @throws ConfigException listing every problem: a key of a pipeline (a source's, {@code sinks}, a sink's) or a
     *         REST API turned off
     */
    public static RuntimeConfig of(String fileName, Map<String, String> properties) {
        List<ConfigProblem> problems = new ArrayList<>();
        properties.keySet().stream().filter(key -> !PipelineOptions.isRuntimeKey(key)
                || key.equals(PipelineOptions.SINKS.key()) || key.equals(PipelineOptions.OFFSET_FLUSH_INTERVAL_MS.key())
                || key.equals(PipelineOptions.SHUTDOWN_TIMEOUT_MS.key())).sorted()
                .forEach(key -> problems.add(new ConfigProblem(key, "a runtime file (" + fileName + ") holds the "
                        + "runtime's keys only (rest.*, listeners, offset.storage.dir): a pipeline's keys go to "
                        + "POST /connectors, or to a pipeline file for tributary run")));
        Map<String, String> runtime = new java.util.LinkedHashMap<>(properties);
        runtime.keySet().removeIf(key -> !PipelineOptions.isRuntimeKey(key));
        ParsedConfig parsed = PipelineOptions.DEFINITION.parse(runtime, problems);
        RestConfig rest = RestConfig.of(parsed, problems);
        if (!rest.enabled()) {
            problems.add(new ConfigProblem(PipelineOptions.REST_PORT.key(), "a runtime without its REST API could "
                    + "run no pipeline: give a port, or 0 for any free one"));
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new RuntimeConfig(Path.of(PipelineConfig.valueOf(parsed, PipelineOptions.OFFSET_STORAGE_DIR)), rest);
    }
}
