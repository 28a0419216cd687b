package io.tributary.source.mysql;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import io.tributary.api.config.ConfigOption;

/**
 * Debezium's lists of regular expressions: separated by commas, a comma escaped by a backslash ({@code \,}) belongs to
 * the expression, each expression trimmed, matched against the whole name and case-insensitively.
 */
final class RegexLists {
    private RegexLists() {
    }

    /** A list of regular expressions, empty by default. */
    static ConfigOption<List<String>> option(String key) {
        return new ConfigOption<>(key, "comma-separated regular expressions", RegexLists::split,
                Optional.of(List.of()), false, false, List.of(), "");
    }

    static List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                part.append(c).append(text.charAt(++i));
            } else if (c == ',') {
                add(parts, part);
            } else {
                part.append(c);
            }
        }
        add(parts, part);
        return List.copyOf(parts);
    }

    private static void add(List<String> parts, StringBuilder part) {
        String expression = part.toString().trim().replace("\\,", ",");
        if (!expression.isEmpty()) {
            parts.add(expression);
        }
        part.setLength(0);
    }

    /** The expressions compiled as Debezium compiles them; throws naming the first that is not one. */
    static List<Pattern> compile(List<String> expressions) {
        List<Pattern> patterns = new ArrayList<>();
        for (String expression : expressions) {
            try {
                patterns.add(Pattern.compile(expression, Pattern.CASE_INSENSITIVE));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("'" + expression + "' is not a regular expression: "
                        + e.getDescription(), e);
            }
        }
        return patterns;
    }
}
