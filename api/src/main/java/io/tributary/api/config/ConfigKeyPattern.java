package io.tributary.api.config;

import static java.util.Objects.requireNonNull;

import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A family of keys with a variable part, declared once like a {@link ConfigOption}: for example
 * {@code column.mask.with.<length>.chars}. Every key that matches {@code keyPattern} is parsed by {@code parser}
 * from the key's groups and the value; {@link ParsedConfig#all} returns the parsed values in key order.
 *
 * @param template how the key is written in documentation and messages: {@code column.mask.with.<length>.chars}
 * @param keyPattern matches the whole key; its groups are the variable parts
 * @param expected what a valid key and value look like, for error messages
 * @param parser turns a matching key (its matcher, after {@code matches()}) and the value into a parsed value;
 *     throws {@link IllegalArgumentException} with a message saying what is wrong when it cannot
 * @param doc a sentence for users
 * @param <T> the parsed value type
 */
public record ConfigKeyPattern<T>(
        String template,
        Pattern keyPattern,
        String expected,
        BiFunction<Matcher, String, T> parser,
        String doc) {

    public ConfigKeyPattern {
        requireNonNull(template, "template is null");
        requireNonNull(keyPattern, "keyPattern is null");
        requireNonNull(expected, "expected is null");
        requireNonNull(parser, "parser is null");
        requireNonNull(doc, "doc is null");
    }

    /** Whether {@code key} belongs to this family. */
    public boolean matches(String key) {
        return keyPattern.matcher(key).matches();
    }

    T parse(String key, String value) {
        Matcher matcher = keyPattern.matcher(key);
        if (!matcher.matches()) {
            throw new IllegalArgumentException(key + " is not a " + template + " key");
        }
        return parser.apply(matcher, value);
    }
}
