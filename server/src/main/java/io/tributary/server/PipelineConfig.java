package io.tributary.server;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tributary.api.config.ConfigException;
import io.tributary.api.config.ConfigProblem;
import io.tributary.api.config.ConnectKeys;
import io.tributary.api.config.ParsedConfig;

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
 * offset.flush.interval.ms=1000  # how often sinks flush and the offset is stored (default 1000; 0: every batch)
 * rest.port=8083                 # REST API and metrics (default 8083; -1 turns it off)
 * </pre>
 *
 * @param name the pipeline's name
 * @param source the source's properties
 * @param sinks each sink's type and properties, by sink name, in the order listed
 * @param offsetDirectory the local offset store's directory
 * @param offsetFlushIntervalMs how often, while records keep coming, the sinks flush and the offset is stored
 * @param rest the REST API's settings
 * @param shutdownTimeoutMs how long a stop waits for the batch in hand before abandoning it
 * @param sourceAsWritten the source's properties as the file writes them, config provider references unresolved:
 *        what is shown (REST, logs) instead of {@code source}, which holds the resolved values
 * @param provided the values config providers gave, for hiding them in failures
 */
public record PipelineConfig(String name, Map<String, String> source, Map<String, SinkConfig> sinks,
        Path offsetDirectory, long offsetFlushIntervalMs, RestConfig rest, long shutdownTimeoutMs,
        Map<String, String> sourceAsWritten, ProvidedValues provided) {

    /** One sink: its type and its own properties (prefix removed). */
    public record SinkConfig(String name, String type, Map<String, String> properties) {
        /** Names the sink's keys but none of its values, which may have come from a config provider. */
        @Override
        public String toString() {
            return "SinkConfig[name=" + name + ", type=" + type + ", keys=" + properties.keySet() + "]";
        }
    }

    /**
     * Source keys a sink needs too: the converter settings decide how records are encoded (and every other
     * {@code key.converter.*} / {@code value.converter.*} setting goes with the source's converter to a sink that
     * does not name its own).
     */
    private static final Set<String> SHARED_WITH_SINKS = Set.of("key.converter", "value.converter",
            "key.converter.schemas.enable", "value.converter.schemas.enable");

    public PipelineConfig {
        java.util.Objects.requireNonNull(rest, "rest is null");
        source = Map.copyOf(source);
        sourceAsWritten = Map.copyOf(sourceAsWritten);
        java.util.Objects.requireNonNull(provided, "provided is null");
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
        PipelineConfig config = of(fileName, properties, knownSinkTypes, problems);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return config;
    }

    /**
     * As {@link #of(String, Map, Set)}, adding every problem to {@code problems} instead of throwing: the result then
     * holds what could be read (the sinks that are well declared, defaults for runtime keys in error), so that their
     * own settings can be checked in the same pass.
     */
    static PipelineConfig of(String fileName, Map<String, String> properties, Set<String> knownSinkTypes,
            List<ConfigProblem> problems) {
        String known = String.join(", ", new java.util.TreeSet<>(knownSinkTypes));
        Map<String, String> source = new LinkedHashMap<>();
        Map<String, String> runtime = new LinkedHashMap<>();
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
            } else if (PipelineOptions.isRuntimeKey(key)) {
                runtime.put(key, value);
            } else {
                source.put(key, value);
            }
        });
        if (properties.containsKey(PipelineOptions.NAME.key())) {
            runtime.put(PipelineOptions.NAME.key(), properties.get(PipelineOptions.NAME.key()));
        }
        ParsedConfig parsed = PipelineOptions.DEFINITION.parse(runtime, problems);
        List<String> sinkNames = parsed.find(PipelineOptions.SINKS).orElse(List.of());
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
            // the converter's own settings (an Avro converter's registry, say) go with it, to a sink that has no
            // converter of its own
            for (String converter : List.of("key.converter", "value.converter")) {
                if (own.get(converter) == null || own.get(converter).equals(source.get(converter))) {
                    source.forEach((key, value) -> {
                        // (not Connect's own keys under the prefix, such as key.converter.plugin.version)
                        if (key.startsWith(converter + ".") && !ConnectKeys.KEYS.contains(key)) {
                            own.putIfAbsent(key, value);
                        }
                    });
                }
            }
            sinks.put(sinkName, new SinkConfig(sinkName, type, own));
        }
        sinkProperties.keySet().stream().filter(sinkName -> !sinkNames.contains(sinkName)).forEach(sinkName ->
                problems.add(new ConfigProblem("sink." + sinkName, "configured but not listed in sinks="
                        + String.join(",", sinkNames) + "; add it there or remove its properties")));
        String name = parsed.find(PipelineOptions.NAME).orElse(fileName.replaceFirst("\\.[^.]*$", ""));
        return new PipelineConfig(name, source, sinks, Path.of(valueOf(parsed, PipelineOptions.OFFSET_STORAGE_DIR)),
                valueOf(parsed, PipelineOptions.OFFSET_FLUSH_INTERVAL_MS), RestConfig.of(parsed, problems),
                valueOf(parsed, PipelineOptions.SHUTDOWN_TIMEOUT_MS), source, ProvidedValues.NONE);
    }

    /**
     * This configuration, read from {@code resolved}, showing the source's properties as {@code written} before config
     * providers resolved them and hiding what they gave.
     */
    PipelineConfig shownAs(Map<String, String> written, Map<String, String> resolved) {
        return new PipelineConfig(name, source, sinks, offsetDirectory, offsetFlushIntervalMs, rest,
                shutdownTimeoutMs, sourceProperties(written), ProvidedValues.of(written, resolved));
    }

    /** This configuration, its provided values to be used for {@code ttlMs} at most. */
    PipelineConfig withProvidedTtl(java.util.OptionalLong ttlMs) {
        return new PipelineConfig(name, source, sinks, offsetDirectory, offsetFlushIntervalMs, rest,
                shutdownTimeoutMs, sourceAsWritten, provided.withTtl(ttlMs));
    }

    /**
     * When the pipeline is to restart with its config provider references read again: after the providers' shortest
     * time to live, unless {@code config.action.reload=none}; empty when no provider gave one.
     */
    public java.util.OptionalLong reloadAfterMs() {
        return "none".equalsIgnoreCase(source.getOrDefault(RELOAD_ACTION, "restart").strip())
                ? java.util.OptionalLong.empty() : provided.ttlMs();
    }

    /** Kafka Connect's key for what to do when config provider values expire. */
    static final String RELOAD_ACTION = "config.action.reload";

    /** Names and shows no resolved value: the source as written, secrets masked, and the sinks' names and types. */
    @Override
    public String toString() {
        return "PipelineConfig[name=" + name + ", source=" + Secrets.masked(sourceAsWritten) + ", sinks="
                + sinks.values().stream().map(sink -> sink.name() + " (" + sink.type() + ")").toList()
                + ", offsetDirectory=" + offsetDirectory + "]";
    }

    /** The option's value, or its default when the value given is in error (a problem says so). */
    static <T> T valueOf(ParsedConfig parsed, io.tributary.api.config.ConfigOption<T> option) {
        return parsed.find(option).orElseGet(() -> option.defaultValue().orElseThrow());
    }

    /** The source's part of a pipeline file: every key that is not the runtime's or a sink's. */
    public static Map<String, String> sourceProperties(Map<String, String> properties) {
        Map<String, String> source = new LinkedHashMap<>();
        properties.forEach((key, value) -> {
            if (!key.startsWith("sink.") && !PipelineOptions.isRuntimeKey(key)) {
                source.put(key, value);
            }
        });
        return source;
    }

    /** The runtime's own keys, which the source suggests for misspelt keys that reached it. */
    public static Set<String> runtimeKeys() {
        return PipelineOptions.KEYS;
    }
}
