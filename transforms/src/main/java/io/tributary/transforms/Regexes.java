package io.tributary.transforms;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import io.tributary.api.config.ConfigOption;

/** Options whose value is a regular expression. */
final class Regexes {
    private Regexes() {
    }

    static ConfigOption<Pattern> required(String key, String doc) {
        return new ConfigOption<>(key, "a Java regular expression", Regexes::compile, Optional.empty(), true, false,
                List.of(), doc);
    }

    private static Pattern compile(String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("not a regular expression: " + e.getDescription());
        }
    }
}
