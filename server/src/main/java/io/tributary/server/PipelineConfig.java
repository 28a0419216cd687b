package io.tributary.server;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tributary.api.config.ConfigException;
import io.tributary.api.config.ConfigProblem;

/**
 * One pipeline as a pipeline file describes it. Keys of the runtime and its sinks have their own prefixes; every
 * other key belongs to the source, so a Kafka Connect/Debezium connector configuration pastes in unchanged:
 *
 * <pre>
 * name=inventory                 # the pipeline's name (a connector config's own name key); default: file name
 * connector.class=...            # the source: any Debezium MySQL/MariaDB connector config
 * sinks=kafka,debug              # one or more sinks by name
 * sink.kafka.type=kafka          # each sink: its type and its own properties
 * sink.kafka.bootstrap.servers=localhost:9092
 * sink.debug.type=file
 * sink.debug.directory=/tmp/events
 * offset.storage.dir=./offsets   # the local offset store (default: ./tributary-offsets)
 * rest.port=8083                 # REST API and metrics (default 8083; -1 turns it off)
 * </pre>
 *
 * @param name the pipeline's name
 * @param source the source's properties
 * @param sinks each sink's type and properties, by sink name, in the order listed
 * @param offsetDirectory the local offset store's directory
 * @param restHost the address the REST API binds to
 * @param restPort the REST API's port, 0 for any free port, -1 for none
 */
public record PipelineConfig(String name, Map<String, String> source, Map<String, SinkConfig> sinks,
        Path offsetDirectory, String restHost, int restPort) {

    /** One sink: its type and its own properties (prefix removed). */
    public record SinkConfig(String name, String type, Map<String, String> properties) {
    }

    /** Source keys a sink needs too: the converter settings decide how records are encoded. */
    private static final Set<String> SHARED_WITH_SINKS = Set.of("key.converter", "value.converter",
            "key.converter.schemas.enable", "value.converter.schemas.enable");

    public PipelineConfig {
        source = Map.copyOf(source);
        sinks = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sinks));
    }

    /**
     * Splits a pipeline file's properties, reporting every problem at once.
     *
     * @param fileName used as the pipeline's name when the file has no {@code name} key
     * @param knownSinkTypes the sink types available, for the error on an unknown one
     */
    public static PipelineConfig of(String fileName, Map<String, String> properties, Set<String> knownSinkTypes) {
        List<ConfigProblem> problems = new ArrayList<>();
        String known = String.join(", ", new java.util.TreeSet<>(knownSinkTypes));
        Map<String, String> source = new LinkedHashMap<>();
        Map<String, Map<String, String>> sinkProperties = new LinkedHashMap<>();
        properties.forEach((key, value) -> {
            if (key.startsWith("sink.")) {
                int dot = key.indexOf('.', "sink.".length());
                if (dot < 0) {
                    problems.add(new ConfigProblem(key, "expected sink.<name>.<property>"));
                } else {
                    sinkProperties.computeIfAbsent(key.substring("sink.".length(), dot), ignored ->
                            new LinkedHashMap<>()).put(key.substring(dot + 1), value);
                }
            } else if (isSourceKey(key)) {
                source.put(key, value);
            }
        });
        List<String> sinkNames = list(properties.getOrDefault("sinks", ""));
        if (sinkNames.isEmpty()) {
            problems.add(new ConfigProblem("sinks", "no sink given: name at least one, for example sinks=kafka "
                    + "with sink.kafka.type=kafka (types: " + known + ")"));
        }
        Map<String, SinkConfig> sinks = new LinkedHashMap<>();
        for (String sinkName : sinkNames) {
            Map<String, String> own = new LinkedHashMap<>(sinkProperties.getOrDefault(sinkName, Map.of()));
            String type = own.remove("type");
            if (type == null) {
                problems.add(new ConfigProblem("sink." + sinkName + ".type", "missing: one of "
                        + known));
                continue;
            }
            if (!knownSinkTypes.contains(type)) {
                problems.add(new ConfigProblem("sink." + sinkName + ".type", "unknown sink type '" + type
                        + "': expected one of " + known));
                continue;
            }
            SHARED_WITH_SINKS.forEach(key -> {
                if (source.containsKey(key)) {
                    own.putIfAbsent(key, source.get(key));
                }
            });
            sinks.put(sinkName, new SinkConfig(sinkName, type, own));
        }
        sinkProperties.keySet().stream().filter(sinkName -> !sinkNames.contains(sinkName)).forEach(sinkName ->
                problems.add(new ConfigProblem("sink." + sinkName, "configured but not listed in sinks="
                        + String.join(",", sinkNames) + "; add it there or remove its properties")));
        int restPort = integer(properties, "rest.port", 8083, problems);
        String name = properties.getOrDefault("name", fileName.replaceFirst("\\.[^.]*$", ""));
        if (!name.matches("[A-Za-z0-9._-]+")) {
            problems.add(new ConfigProblem("name", "expected letters, digits, '.', '_' or '-', found '" + name + "'"));
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        Path offsets = Path.of(properties.getOrDefault("offset.storage.dir", "tributary-offsets"));
        return new PipelineConfig(name, source, sinks, offsets, properties.getOrDefault("rest.host", "127.0.0.1"),
                restPort);
    }

    /** The source's part of a pipeline file: every key that is not the runtime's or a sink's. */
    public static Map<String, String> sourceProperties(Map<String, String> properties) {
        Map<String, String> source = new LinkedHashMap<>();
        properties.forEach((key, value) -> {
            if (isSourceKey(key)) {
                source.put(key, value);
            }
        });
        return source;
    }

    private static boolean isSourceKey(String key) {
        return !key.startsWith("sink.") && !key.equals("sinks") && !key.startsWith("offset.storage.")
                && !key.startsWith("rest.");
    }

    private static int integer(Map<String, String> properties, String key, int defaultValue,
            List<ConfigProblem> problems) {
        String value = properties.get(key);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            problems.add(new ConfigProblem(key, "expected an integer, found '" + value + "'"));
            return defaultValue;
        }
    }

    private static List<String> list(String value) {
        return java.util.Arrays.stream(value.split(",")).map(String::strip).filter(item -> !item.isEmpty())
                .toList();
    }
}
