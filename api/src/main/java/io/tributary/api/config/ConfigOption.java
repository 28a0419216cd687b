package io.tributary.api.config;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One configuration key, declared once: its type, default, documentation, whether it is secret, and the older
 * spellings it replaces. Declare options as constants and parse them with {@link ConfigDefinition}.
 *
 * @param key the current key, lower case and dot separated
 * @param expected what a valid value looks like, for error messages ("an integer", "one of [a, b]")
 * @param parser turns the raw string into a value; throws {@link IllegalArgumentException} when it cannot
 * @param defaultValue the value when the key is absent; empty means absent stays absent
 * @param required whether the key must be given
 * @param sensitive whether the value is a secret that must never be printed
 * @param legacyKeys older spellings accepted in place of {@code key} (Debezium 1.x names, ...)
 * @param doc a sentence for users
 * @param <T> the parsed value type
 */
public record ConfigOption<T>(
        String key,
        String expected,
        Function<String, T> parser,
        Optional<T> defaultValue,
        boolean required,
        boolean sensitive,
        List<String> legacyKeys,
        String doc) {

    public ConfigOption {
        requireNonNull(key, "key is null");
        requireNonNull(expected, "expected is null");
        requireNonNull(parser, "parser is null");
        requireNonNull(defaultValue, "defaultValue is null");
        legacyKeys = List.copyOf(legacyKeys);
        requireNonNull(doc, "doc is null");
    }

    public static ConfigOption<String> string(String key) {
        return new ConfigOption<>(key, "a string", value -> value, Optional.empty(), false, false, List.of(), "");
    }

    public static ConfigOption<Integer> integer(String key) {
        return new ConfigOption<>(key, "an integer", value -> Integer.parseInt(value.trim()), Optional.empty(), false,
                false, List.of(), "");
    }

    public static ConfigOption<Long> longInteger(String key) {
        return new ConfigOption<>(key, "an integer", value -> Long.parseLong(value.trim()), Optional.empty(), false,
                false, List.of(), "");
    }

    public static ConfigOption<Boolean> bool(String key) {
        return new ConfigOption<>(key, "true or false", ConfigOption::parseBoolean, Optional.empty(), false, false,
                List.of(), "");
    }

    /** A comma-separated list; blank entries are dropped. */
    public static ConfigOption<List<String>> list(String key) {
        return new ConfigOption<>(key, "a comma-separated list", ConfigOption::parseList, Optional.of(List.of()),
                false, false, List.of(), "");
    }

    /** One of an enum's constants, written in lower case with dashes or underscores, case-insensitive. */
    public static <E extends Enum<E>> ConfigOption<E> oneOf(String key, Class<E> type) {
        List<String> allowed = Arrays.stream(type.getEnumConstants()).map(ConfigOption::spelling).toList();
        Function<String, E> parser = value -> Arrays.stream(type.getEnumConstants())
                .filter(constant -> spelling(constant).equalsIgnoreCase(value.trim().replace('-', '_')))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not one of " + allowed));
        return new ConfigOption<>(key, "one of " + allowed, parser, Optional.empty(), false, false, List.of(), "");
    }

    /** How an enum constant is written in configuration: {@code WHEN_NEEDED} is {@code when_needed}. */
    public static String spelling(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    public ConfigOption<T> withDefault(T value) {
        return new ConfigOption<>(key, expected, parser, Optional.of(value), required, sensitive, legacyKeys, doc);
    }

    public ConfigOption<T> asRequired() {
        return new ConfigOption<>(key, expected, parser, defaultValue, true, sensitive, legacyKeys, doc);
    }

    public ConfigOption<T> asSensitive() {
        return new ConfigOption<>(key, expected, parser, defaultValue, required, true, legacyKeys, doc);
    }

    /** Accepts {@code legacyKey} as an older spelling of this key. */
    public ConfigOption<T> withLegacyKey(String legacyKey) {
        List<String> keys = new java.util.ArrayList<>(legacyKeys);
        keys.add(legacyKey);
        return new ConfigOption<>(key, expected, parser, defaultValue, required, sensitive, keys, doc);
    }

    public ConfigOption<T> withDoc(String doc) {
        return new ConfigOption<>(key, expected, parser, defaultValue, required, sensitive, legacyKeys, doc);
    }

    /** Adds a check on the parsed value; {@code expected} replaces the description of a valid value. */
    public ConfigOption<T> validatedBy(Predicate<T> check, String expected) {
        Function<String, T> checked = raw -> {
            T value = parser.apply(raw);
            if (!check.test(value)) {
                throw new IllegalArgumentException("out of range");
            }
            return value;
        };
        return new ConfigOption<>(key, expected, checked, defaultValue, required, sensitive, legacyKeys, doc);
    }

    /**
     * Refuses values that are valid where the key comes from (Debezium, say) but that Tributary does not support:
     * the problem says so and why, instead of a generic "expected". Values are compared trimmed, case-insensitively,
     * with {@code -} and {@code _} alike.
     */
    public ConfigOption<T> withUnsupportedValues(java.util.Collection<String> values, String reason) {
        List<String> refused = values.stream().map(ConfigOption::normalized).toList();
        Function<String, T> checked = raw -> {
            if (refused.contains(normalized(raw))) {
                throw new UnsupportedValueException("'" + raw.trim() + "' is a Debezium value that Tributary does not "
                        + "support: " + reason);
            }
            return parser.apply(raw);
        };
        return new ConfigOption<>(key, expected, checked, defaultValue, required, sensitive, legacyKeys, doc);
    }

    private static String normalized(String value) {
        return value.trim().toLowerCase(Locale.ROOT).replace('-', '_');
    }

    private static boolean parseBoolean(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("not a boolean");
        };
    }

    private static List<String> parseList(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(entry -> !entry.isEmpty()).toList();
    }
}
