package io.tributary.transforms;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.tributary.api.ChangeRecord;
import io.tributary.api.ChangeTransform;
import io.tributary.api.config.ConfigDefinition;
import io.tributary.api.config.ConfigOption;
import io.tributary.api.config.ParsedConfig;

/**
 * Kafka Connect's {@code RegexRouter}: a topic the {@code regex} matches entirely is renamed to
 * {@code replacement} ({@code $1} ... refer to the regex's groups); other topics stay.
 */
public final class RegexRouter implements ChangeTransform {
    static final ConfigOption<Pattern> REGEX = Regexes.required("regex", "the topics to rename");
    static final ConfigOption<String> REPLACEMENT = ConfigOption.string("replacement").asRequired()
            .withDoc("the new topic name, with $1... for the regex's groups");
    static final ConfigDefinition DEFINITION = new ConfigDefinition(List.of(REGEX, REPLACEMENT), Set.of());

    private Pattern regex;
    private String replacement;

    @Override
    public void configure(Map<String, String> config) {
        ParsedConfig parsed = DEFINITION.parse(config);
        regex = parsed.get(REGEX);
        replacement = parsed.get(REPLACEMENT);
    }

    @Override
    public ChangeRecord apply(ChangeRecord record) {
        Matcher matcher = regex.matcher(record.topic());
        if (!matcher.matches()) {
            return record;
        }
        return record.withTopic(matcher.replaceFirst(replacement));
    }

}
