package io.tributary.source.mysql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.tributary.api.config.ConfigProblem;
import io.tributary.api.config.KeySuggestions;
import io.tributary.source.mysql.convert.TinyIntOneToBoolean;

/**
 * Debezium's custom converters as far as Tributary has them: {@code converters=<name>,...}, each configured by
 * {@code <name>.type} (its class) and its own {@code <name>.*} settings. Only {@code TinyIntOneToBooleanConverter}
 * ({@code selector}, {@code length.checker}) is there; any other class is refused, naming the converter.
 */
final class CustomConverters {
    private static final List<String> SETTINGS = List.of("type", "selector", "length.checker");

    private CustomConverters() {
    }

    /** The converters {@code names} configure, in order; every problem of their settings added to {@code problems}. */
    static List<TinyIntOneToBoolean> parse(List<String> names, Map<String, String> properties,
            List<ConfigProblem> problems) {
        List<TinyIntOneToBoolean> converters = new ArrayList<>();
        for (String name : names) {
            String type = properties.get(name + ".type");
            if (type == null) {
                problems.add(new ConfigProblem(name + ".type", "is required: the class of converter '" + name
                        + "' named by converters (" + TinyIntOneToBoolean.CLASS_NAMES.get(0) + ")"));
            } else if (!TinyIntOneToBoolean.CLASS_NAMES.contains(type.trim())) {
                problems.add(new ConfigProblem(name + ".type", "is a converter class Tributary does not support: "
                        + "custom converters other than TinyIntOneToBooleanConverter (" + String.join(" or ",
                        TinyIntOneToBoolean.CLASS_NAMES) + ") are not supported yet; found '" + type.trim() + "'"));
            } else {
                parseTinyIntOneToBoolean(name, properties, problems).ifPresent(converters::add);
            }
        }
        return converters;
    }

    private static Optional<TinyIntOneToBoolean> parseTinyIntOneToBoolean(String name,
            Map<String, String> properties, List<ConfigProblem> problems) {
        List<String> known = SETTINGS.stream().map(setting -> name + "." + setting).toList();
        properties.keySet().stream().filter(key -> key.startsWith(name + ".") && !known.contains(key)).sorted()
                .forEach(key -> problems.add(new ConfigProblem(key, "is not a setting of TinyIntOneToBooleanConverter "
                        + "(" + String.join(", ", known) + ")" + KeySuggestions.didYouMean(
                        KeySuggestions.closest(key, known)))));
        boolean lengthChecker = true;
        String checker = properties.get(name + ".length.checker");
        if (checker != null) {
            switch (checker.trim().toLowerCase(Locale.ROOT)) {
                case "true" -> lengthChecker = true;
                case "false" -> lengthChecker = false;
                default -> {
                    problems.add(new ConfigProblem(name + ".length.checker", "expected true or false but found '"
                            + checker + "'"));
                    return Optional.empty();
                }
            }
        }
        try {
            return Optional.of(new TinyIntOneToBoolean(RegexLists.compile(RegexLists.split(
                    properties.getOrDefault(name + ".selector", ""))), lengthChecker));
        } catch (IllegalArgumentException e) {
            problems.add(new ConfigProblem(name + ".selector", "expected comma-separated regular expressions of "
                    + "db.table.column names; " + e.getMessage()));
            return Optional.empty();
        }
    }
}
