package io.tributary.api.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The options a component understands. {@link #validate} reports every problem at once; {@link #parse} returns
 * the typed values or throws a {@link ConfigException} listing all problems.
 */
public final class ConfigDefinition {
    private final List<ConfigOption<?>> options;
    private final Set<String> passThroughPrefixes;

    /**
     * @param options the options
     * @param passThroughPrefixes key prefixes handed on to other components unparsed (for example
     *     {@code database.history.producer.}); keys under them are neither parsed nor reported as unknown
     */
    public ConfigDefinition(List<ConfigOption<?>> options, Set<String> passThroughPrefixes) {
        this.options = List.copyOf(options);
        this.passThroughPrefixes = Set.copyOf(passThroughPrefixes);
    }

    public List<ConfigOption<?>> options() {
        return options;
    }

    /** Every problem with {@code raw}; empty when it parses. */
    public List<ConfigProblem> validate(Map<String, String> raw) {
        List<ConfigProblem> problems = new ArrayList<>();
        for (ConfigOption<?> option : options) {
            read(option, raw, problems);
        }
        return problems;
    }

    /** The typed configuration; unknown keys are collected in {@link ParsedConfig#unknownKeys()}. */
    public ParsedConfig parse(Map<String, String> raw) {
        List<ConfigProblem> problems = new ArrayList<>();
        Map<String, Object> values = new HashMap<>();
        for (ConfigOption<?> option : options) {
            read(option, raw, problems).ifPresent(value -> values.put(option.key(), value));
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new ParsedConfig(values, unknownKeys(raw));
    }

    private Set<String> unknownKeys(Map<String, String> raw) {
        Set<String> known = new HashSet<>();
        for (ConfigOption<?> option : options) {
            known.add(option.key());
            known.addAll(option.legacyKeys());
        }
        Set<String> unknown = new java.util.TreeSet<>();
        for (String key : raw.keySet()) {
            if (!known.contains(key) && passThroughPrefixes.stream().noneMatch(key::startsWith)) {
                unknown.add(key);
            }
        }
        return unknown;
    }

    private static <T> Optional<T> read(ConfigOption<T> option, Map<String, String> raw, List<ConfigProblem> problems) {
        Map<String, String> given = new LinkedHashMap<>();
        if (raw.containsKey(option.key())) {
            given.put(option.key(), raw.get(option.key()));
        }
        for (String legacyKey : option.legacyKeys()) {
            if (raw.containsKey(legacyKey)) {
                given.put(legacyKey, raw.get(legacyKey));
            }
        }
        if (given.isEmpty()) {
            if (option.required() && option.defaultValue().isEmpty()) {
                problems.add(new ConfigProblem(option.key(), "is required (" + option.expected() + ") but missing"
                        + (option.legacyKeys().isEmpty() ? "" : "; older spellings: " + option.legacyKeys())));
            }
            return option.defaultValue();
        }
        if (new HashSet<>(given.values()).size() > 1) {
            problems.add(new ConfigProblem(option.key(), "is given under several spellings " + given.keySet()
                    + " with different values; keep only " + option.key()));
            return Optional.empty();
        }
        Map.Entry<String, String> entry = given.entrySet().iterator().next();
        try {
            return Optional.of(option.parser().apply(entry.getValue()));
        } catch (RuntimeException e) {
            String found = option.sensitive() ? "a value that is not" : "'" + entry.getValue() + "'";
            problems.add(new ConfigProblem(entry.getKey(), "expected " + option.expected() + " but found " + found));
            return Optional.empty();
        }
    }
}
