package io.tributary.api.config;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Typed configuration values, read by the options that declared them. */
public final class ParsedConfig {
    private final Map<String, Object> values;
    private final Set<String> unknownKeys;

    ParsedConfig(Map<String, Object> values, Set<String> unknownKeys) {
        this.values = Map.copyOf(values);
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

    /** Keys no option declared; a caller usually warns about them, as a misspelling is likely. */
    public Set<String> unknownKeys() {
        return unknownKeys;
    }
}
