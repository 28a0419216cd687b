package io.tributary.api.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The options a component understands: single keys ({@link ConfigOption}), families of keys
 * ({@link ConfigKeyPattern}), prefixes handed on unparsed, and a policy for every other key ({@link UndeclaredKeys}).
 * {@link #validate} reports every problem at once; {@link #parse} returns the typed values or throws a
 * {@link ConfigException} listing all problems. Immutable and thread-safe.
 */
public final class ConfigDefinition {
    private final List<ConfigOption<?>> options;
    private final List<ConfigKeyPattern<?>> patterns;
    private final Set<String> passThroughPrefixes;
    private final UndeclaredKeys undeclaredKeys;
    /** Keys valid next to this component's (in the same file), offered as suggestions for misspelt keys. */
    private final Set<String> neighbourKeys;
    /** The options' keys and their older spellings. */
    private final Set<String> declaredKeys;

    /**
     * A definition that accepts undeclared keys, collecting them in {@link ParsedConfig#unknownKeys()}.
     *
     * @param options the options
     * @param passThroughPrefixes key prefixes handed on to other components unparsed (for example
     *     {@code database.history.producer.}); keys under them are neither parsed nor reported as unknown
     */
    public ConfigDefinition(List<ConfigOption<?>> options, Set<String> passThroughPrefixes) {
        this(options, List.of(), passThroughPrefixes, UndeclaredKeys.accept(), Set.of());
    }

    private ConfigDefinition(List<ConfigOption<?>> options, List<ConfigKeyPattern<?>> patterns,
            Set<String> passThroughPrefixes, UndeclaredKeys undeclaredKeys, Set<String> neighbourKeys) {
        this.options = List.copyOf(options);
        this.patterns = List.copyOf(patterns);
        this.passThroughPrefixes = Set.copyOf(passThroughPrefixes);
        this.undeclaredKeys = undeclaredKeys;
        this.neighbourKeys = Set.copyOf(neighbourKeys);
        Set<String> declared = new LinkedHashSet<>();
        for (ConfigOption<?> option : this.options) {
            declared.add(option.key());
            declared.addAll(option.legacyKeys());
        }
        this.declaredKeys = Set.copyOf(declared);
    }

    /** This definition with families of keys declared as well. */
    public ConfigDefinition withPatterns(List<ConfigKeyPattern<?>> keyPatterns) {
        List<ConfigKeyPattern<?>> all = new ArrayList<>(patterns);
        all.addAll(keyPatterns);
        return new ConfigDefinition(options, all, passThroughPrefixes, undeclaredKeys, neighbourKeys);
    }

    /** This definition with {@code policy} deciding about undeclared keys. */
    public ConfigDefinition withUndeclaredKeys(UndeclaredKeys policy) {
        return new ConfigDefinition(options, patterns, passThroughPrefixes, policy, neighbourKeys);
    }

    /**
     * This definition, with {@code keys} — valid elsewhere in the same file, such as a pipeline's runtime keys next
     * to its source's — offered as suggestions for misspelt keys too.
     */
    public ConfigDefinition withNeighbourKeys(Set<String> keys) {
        return new ConfigDefinition(options, patterns, passThroughPrefixes, undeclaredKeys, keys);
    }

    public List<ConfigOption<?>> options() {
        return options;
    }

    public List<ConfigKeyPattern<?>> patterns() {
        return patterns;
    }

    /** Every problem with {@code raw}; empty when it parses. */
    public List<ConfigProblem> validate(Map<String, String> raw) {
        List<ConfigProblem> problems = new ArrayList<>();
        for (ConfigOption<?> option : options) {
            read(option, raw, problems);
        }
        readPatterns(raw, problems);
        undeclaredKeys(raw, problems);
        return problems;
    }

    /** The typed configuration; accepted undeclared keys are collected in {@link ParsedConfig#unknownKeys()}. */
    public ParsedConfig parse(Map<String, String> raw) {
        List<ConfigProblem> problems = new ArrayList<>();
        ParsedConfig parsed = parse(raw, problems);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return parsed;
    }

    /**
     * The values that parse, every problem added to {@code problems}: for a component that checks more (options
     * that exclude each other, say) and reports those problems together with these. An option with a problem has no
     * value ({@link ParsedConfig#find} is empty); a key pattern keeps the keys that parsed.
     */
    public ParsedConfig parse(Map<String, String> raw, List<ConfigProblem> problems) {
        Map<String, Object> values = new HashMap<>();
        for (ConfigOption<?> option : options) {
            read(option, raw, problems).ifPresent(value -> values.put(option.key(), value));
        }
        Map<ConfigKeyPattern<?>, List<Object>> patternValues = readPatterns(raw, problems);
        Set<String> unknown = undeclaredKeys(raw, problems);
        return new ParsedConfig(values, patternValues, unknown);
    }

    /** Checks every undeclared key with the policy; returns those it accepted, for a warning. */
    private Set<String> undeclaredKeys(Map<String, String> raw, List<ConfigProblem> problems) {
        Set<String> unknown = new TreeSet<>();
        Set<String> knownKeys = null;
        for (String key : new TreeSet<>(raw.keySet())) {
            if (declaredKeys.contains(key) || isPatternKey(key)
                    || passThroughPrefixes.stream().anyMatch(key::startsWith)) {
                continue;
            }
            if (knownKeys == null) {
                // asked of the policy only now: it may be a catalogue that refers back to these options
                knownKeys = new LinkedHashSet<>(declaredKeys);
                knownKeys.addAll(undeclaredKeys.knownKeys());
                knownKeys.addAll(neighbourKeys);
            }
            Optional<String> problem = undeclaredKeys.check(key, raw, KeySuggestions.closest(key, knownKeys));
            if (problem.isPresent()) {
                problems.add(new ConfigProblem(key, problem.get()));
            } else {
                unknown.add(key);
            }
        }
        return unknown;
    }

    private boolean isPatternKey(String key) {
        return patterns.stream().anyMatch(pattern -> pattern.matches(key));
    }

    private Map<ConfigKeyPattern<?>, List<Object>> readPatterns(Map<String, String> raw, List<ConfigProblem> problems) {
        Map<ConfigKeyPattern<?>, List<Object>> values = new HashMap<>();
        for (ConfigKeyPattern<?> pattern : patterns) {
            List<Object> parsed = new ArrayList<>();
            for (Map.Entry<String, String> entry : new TreeMap<>(raw).entrySet()) {
                if (!pattern.matches(entry.getKey())) {
                    continue;
                }
                try {
                    parsed.add(pattern.parse(entry.getKey(), entry.getValue()));
                } catch (UnsupportedValueException e) {
                    problems.add(new ConfigProblem(entry.getKey(), e.getMessage()));
                } catch (RuntimeException e) {
                    problems.add(new ConfigProblem(entry.getKey(), "expected " + pattern.expected()
                            + (e.getMessage() == null ? "" : "; " + e.getMessage())));
                }
            }
            values.put(pattern, parsed);
        }
        return values;
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
        if (new java.util.HashSet<>(given.values()).size() > 1) {
            problems.add(new ConfigProblem(option.key(), "is given under several spellings " + given.keySet()
                    + " with different values; keep only " + option.key()));
            return Optional.empty();
        }
        Map.Entry<String, String> entry = given.entrySet().iterator().next();
        try {
            return Optional.of(option.parser().apply(entry.getValue()));
        } catch (UnsupportedValueException e) {
            problems.add(new ConfigProblem(entry.getKey(), e.getMessage()));
            return Optional.empty();
        } catch (RuntimeException e) {
            String found = option.sensitive() ? "a value that is not" : "'" + entry.getValue() + "'";
            problems.add(new ConfigProblem(entry.getKey(), "expected " + option.expected() + " but found " + found));
            return Optional.empty();
        }
    }
}
