package io.tributary.source.mysql;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One property of Debezium's MySQL and MariaDB connectors and what Tributary does with it.
 *
 * @param key the property as Debezium documents it: a whole key ({@code snapshot.mode}), a family with variable parts
 *     in angle brackets ({@code column.mask.with.<length>.chars}) or every key under a prefix ({@code driver.*})
 * @param origin where the property comes from
 * @param treatment what Tributary does with it
 * @param acceptedValues for a refused property, the values accepted all the same because they ask for what Tributary
 *     does (usually Debezium's default); empty when any value is refused
 * @param note a sentence on what Tributary does instead, or why; shown in the README and in errors
 */
public record DebeziumOption(String key, Origin origin, Treatment treatment, List<String> acceptedValues,
        String note) {

    /** Where a property comes from. */
    public enum Origin {
        /** Debezium 3.5, both connectors. */
        BOTH("3.5"),
        /** Debezium 3.5's MySQL connector only. */
        MYSQL("3.5 MySQL"),
        /** Debezium 3.5's MariaDB connector only. */
        MARIADB("3.5 MariaDB"),
        /** A 1.x or 2.x spelling or property that 3.5 no longer has. */
        OLDER("1.x/2.x"),
        /** Kafka Connect's own key, listed with the connector's properties. */
        CONNECT("Kafka Connect");

        private final String label;

        Origin(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** What Tributary does with a property. */
    public enum Treatment {
        /** Tributary declares an option for it and does what Debezium documents. */
        HONOURED,
        /** It only concerns Debezium's internals (or Kafka Connect): ignoring it changes no event and no guarantee. */
        ACCEPTED,
        /** Given, it is a configuration error (except for {@link #acceptedValues}). */
        REFUSED
    }

    public DebeziumOption {
        requireNonNull(key, "key is null");
        requireNonNull(origin, "origin is null");
        requireNonNull(treatment, "treatment is null");
        acceptedValues = List.copyOf(acceptedValues);
        requireNonNull(note, "note is null");
    }

    /** Whether {@code key} names every key under a prefix ({@code driver.*}). */
    public boolean isPrefix() {
        return key.endsWith(".*");
    }

    /** Whether {@code key} is a family with variable parts ({@code column.mask.with.<length>.chars}). */
    public boolean isPattern() {
        return key.contains("<");
    }

    /** Whether a configuration key is this property. */
    public boolean matches(String configKey) {
        if (isPrefix()) {
            return configKey.startsWith(key.substring(0, key.length() - 1));
        }
        if (isPattern()) {
            return keyPattern().matcher(configKey).matches();
        }
        return key.equals(configKey);
    }

    /** Whether {@code value} is one of the {@link #acceptedValues}, compared trimmed and case-insensitively. */
    public boolean accepts(String value) {
        String given = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        return acceptedValues.stream().anyMatch(accepted -> accepted.toLowerCase(Locale.ROOT).equals(given));
    }

    /** A variable part stands for text without dots, the last one, at the end, for any text. */
    private Pattern keyPattern() {
        StringBuilder regex = new StringBuilder();
        int at = 0;
        while (at < key.length()) {
            int open = key.indexOf('<', at);
            if (open < 0) {
                regex.append(Pattern.quote(key.substring(at)));
                break;
            }
            int close = key.indexOf('>', open);
            regex.append(Pattern.quote(key.substring(at, open))).append(close == key.length() - 1 ? ".+" : "[^.]+");
            at = close + 1;
        }
        return Pattern.compile(regex.toString());
    }
}
