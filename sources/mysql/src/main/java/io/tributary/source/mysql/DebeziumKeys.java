package io.tributary.source.mysql;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tributary.api.config.ConnectKeys;
import io.tributary.api.config.UndeclaredKeys;

/**
 * What the source makes of a key it declares no option for: Kafka Connect's keys and the Debezium properties that
 * only concern Debezium's internals are accepted; refused Debezium properties, misspelt keys (with a did-you-mean) and
 * keys nobody defines are errors. Nothing is ignored silently.
 */
final class DebeziumKeys implements UndeclaredKeys {
    static final DebeziumKeys INSTANCE = new DebeziumKeys();

    private static final String NOBODYS = "is not a key of Tributary's MySQL/MariaDB source, of Debezium's MySQL "
            + "and MariaDB connectors (3.5, or 1.x/2.x spellings) or of Kafka Connect";
    /** Debezium options whose values name further keys: {@code converters=boolean} owns {@code boolean.*}. */
    private static final List<String> NAMING_OPTIONS = List.of("converters", "post.processors");

    private DebeziumKeys() {
    }

    @Override
    public Optional<String> check(String key, Map<String, String> config, Optional<String> suggestion) {
        if (ConnectKeys.isConnectKey(key) || isNamedBy(key, config)) {
            return Optional.empty();
        }
        Optional<DebeziumOption> option = DebeziumOptions.find(key);
        if (option.isPresent() && !option.get().isPrefix()) {
            return decide(option.get(), config.get(key));
        }
        if (suggestion.isPresent()) {
            return Optional.of(NOBODYS + "; did you mean " + suggestion.get() + "?");
        }
        return option.map(prefix -> decide(prefix, config.get(key)))
                .orElseGet(() -> Optional.of(NOBODYS + "; remove it"));
    }

    @Override
    public Collection<String> knownKeys() {
        List<String> keys = new ArrayList<>(DebeziumOptions.wholeKeys());
        keys.addAll(ConnectKeys.KEYS);
        return keys;
    }

    private static Optional<String> decide(DebeziumOption option, String value) {
        return switch (option.treatment()) {
            case ACCEPTED -> Optional.empty();
            case REFUSED -> option.accepts(value) ? Optional.empty() : Optional.of(refusal(option));
            // an honoured property is declared, so it never gets here; should the two disagree, refuse rather than ignore
            case HONOURED -> Optional.of("is listed as honoured but Tributary declares no option for it; please "
                    + "report this, and remove the key meanwhile");
        };
    }

    private static String refusal(DebeziumOption option) {
        String family = option.isPrefix() || option.isPattern() ? " (" + option.key() + ")" : "";
        String accepted = option.acceptedValues().isEmpty() ? "; remove it"
                : "; remove it or set " + String.join(" or ", option.acceptedValues()) + ", which is what Tributary does";
        return "is a Debezium property that Tributary does not support" + family + ": " + option.note() + accepted;
    }

    /** Whether a key belongs to a converter or post processor that {@code converters} or {@code post.processors} name. */
    private static boolean isNamedBy(String key, Map<String, String> config) {
        for (String naming : NAMING_OPTIONS) {
            String names = config.get(naming);
            if (names == null) {
                continue;
            }
            for (String name : names.split(",")) {
                if (!name.isBlank() && key.startsWith(name.trim() + ".")) {
                    return true;
                }
            }
        }
        return false;
    }
}
