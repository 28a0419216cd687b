package io.tributary.api.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Typed configuration values, read by the options and key patterns that declared them. Immutable. */
public final class ParsedConfig {
    private final Map<String, Object> values;
    private final Map<ConfigKeyPattern<?>, List<Object>> patternValues;
    private final Set<String> unknownKeys;

    ParsedConfig(Map<String, Object> values, Map<ConfigKeyPattern<?>, List<Object>> patternValues,
            Set<String> unknownKeys) {
        this.values = Map.copyOf(values);
        this.patternValues = Map.copyOf(patternValues);
        this.unknownKeys = Set.copyOf(unknownKeys);
    }

    /** The value of an option that has a default or is required. */
    public <T> T get(ConfigOption<T> option) {
        return find(option).orElseThrow(() -> new IllegalStateException(option.key() + " has no value"));
    }

    @SuppressWarnings("unchecked")
    public <T> Optional<T> find(ConfigOption<T> option) {
        return Optional.ofNullable((T) values.get(option.key()));
    }

    /** The values of every key of a family, in the alphabetical order of their keys; empty when none is given. */
    @SuppressWarnings("unchecked")
    public <T> List<T> all(ConfigKeyPattern<T> pattern) {
        return List.copyOf((List<T>) patternValues.getOrDefault(pattern, List.of()));
    }

    /** Keys nothing declared that the definition accepted; a caller usually warns about them. */
    public Set<String> unknownKeys() {
        return unknownKeys;
    }
}
