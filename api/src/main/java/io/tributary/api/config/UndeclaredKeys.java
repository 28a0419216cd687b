package io.tributary.api.config;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a {@link ConfigDefinition} makes of a key that none of its options or key patterns declares (and that is not
 * under one of its pass-through prefixes): an error, or accepted.
 *
 * <p>Implementations are immutable and thread-safe.
 */
@FunctionalInterface
public interface UndeclaredKeys {
    /**
     * The problem with an undeclared key, or empty to accept it.
     *
     * @param key the key, never null
     * @param config the whole configuration, since a key may belong to another one (a converter's, say)
     * @param suggestion the known key {@code key} is most likely a misspelling of, if any
     * @return the message of the problem (the key is named by the problem itself), or empty
     */
    Optional<String> check(String key, Map<String, String> config, Optional<String> suggestion);

    /** Keys this policy knows beyond the declared ones; misspellings of them get a did-you-mean too. */
    default Collection<String> knownKeys() {
        return List.of();
    }

    /**
     * This policy, except that Kafka Connect's own keys ({@link ConnectKeys}) are accepted: for a component that is
     * also a Connect connector, whose configuration carries them.
     */
    default UndeclaredKeys exceptConnectKeys() {
        UndeclaredKeys policy = this;
        return new UndeclaredKeys() {
            @Override
            public Optional<String> check(String key, Map<String, String> config, Optional<String> suggestion) {
                return ConnectKeys.isConnectKey(key) ? Optional.empty() : policy.check(key, config, suggestion);
            }

            @Override
            public Collection<String> knownKeys() {
                List<String> keys = new java.util.ArrayList<>(policy.knownKeys());
                keys.addAll(ConnectKeys.KEYS);
                return keys;
            }
        };
    }

    /** Accepts every key: a component that hands undeclared keys on, or warns about them itself. */
    static UndeclaredKeys accept() {
        return (key, config, suggestion) -> Optional.empty();
    }

    /** Every undeclared key is an error naming {@code component}, with a did-you-mean when one is close. */
    static UndeclaredKeys reject(String component) {
        return (key, config, suggestion) -> Optional.of("is not a key of " + component
                + suggestion.map(known -> "; did you mean " + known + "?").orElse("; remove it"));
    }

    /**
     * Only keys that look like misspellings of declared ones are errors; any other key is accepted (a component that
     * hands undeclared keys on, such as producer settings to a Kafka producer).
     */
    static UndeclaredKeys rejectMisspelt(String component) {
        return (key, config, suggestion) -> suggestion.map(known -> "is not a key of " + component
                + "; did you mean " + known + "?");
    }
}
