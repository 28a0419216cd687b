package io.tributary.api.config;

import static java.util.Objects.requireNonNull;

/**
 * One thing wrong with a configuration: the key and a message saying what was expected and what was found.
 * Messages never contain the value of a sensitive key.
 */
public record ConfigProblem(String key, String message) {
    public ConfigProblem {
        requireNonNull(key, "key is null");
        requireNonNull(message, "message is null");
    }

    @Override
    public String toString() {
        return key + ": " + message;
    }
}
