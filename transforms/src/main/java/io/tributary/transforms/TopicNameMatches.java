package io.tributary.transforms;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.tributary.api.ChangeRecord;
import io.tributary.api.RecordPredicate;
import io.tributary.api.config.ConfigDefinition;
import io.tributary.api.config.ConfigOption;

/** Kafka Connect's {@code TopicNameMatches}: true when the {@code pattern} matches the whole topic name. */
public final class TopicNameMatches implements RecordPredicate {
    static final ConfigOption<Pattern> PATTERN = Regexes.required("pattern", "the topics it is true for");
    static final ConfigDefinition DEFINITION = new ConfigDefinition(List.of(PATTERN), Set.of());

    private Pattern pattern;

    @Override
    public void configure(Map<String, String> config) {
        pattern = DEFINITION.parse(config).get(PATTERN);
    }

    @Override
    public boolean test(ChangeRecord record) {
        return pattern.matcher(record.topic()).matches();
    }

}
