package io.tributary.source.mysql.event;

import static java.util.Objects.requireNonNull;

import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.tributary.source.mysql.schema.TableId;

/**
 * The names a source gives the topics, schemas and fields of table events, as Debezium's default topic naming
 * strategy and its name adjusters give them: the topic is {@code <topic.prefix>.<db>.<table>} with every character
 * outside {@code [A-Za-z0-9._-]} replaced by {@code _}; the key, value and envelope schemas are named after the topic
 * (so after the replaced name) through {@code schema.name.adjustment.mode}; fields after their columns through
 * {@code field.name.adjustment.mode}. Not thread-safe.
 */
public final class EventNames {
    /** The longest topic name Kafka allows, where Debezium cuts longer ones. */
    static final int MAX_TOPIC_LENGTH = 249;

    private final String topicPrefix;
    private final NameAdjuster schemaNames;
    private final NameAdjuster fieldNames;

    public EventNames(String topicPrefix, NameAdjuster schemaNames, NameAdjuster fieldNames) {
        this.topicPrefix = requireNonNull(topicPrefix, "topicPrefix is null");
        this.schemaNames = requireNonNull(schemaNames, "schemaNames is null");
        this.fieldNames = requireNonNull(fieldNames, "fieldNames is null");
    }

    /** The topic of a table's events. */
    public String topic(TableId table) {
        return validTopicName(Stream.of(topicPrefix, table.database(), table.table())
                .filter(part -> !part.trim().isEmpty()) // as Debezium, which leaves out blank parts
                .collect(Collectors.joining(".")));
    }

    /** A schema name: a topic name followed by {@code .Key}, {@code .Value} or {@code .Envelope}. */
    public String schemaName(String name) {
        return schemaNames.adjust(name);
    }

    /** The field name of a column. */
    public String fieldName(String column) {
        return fieldNames.adjust(column);
    }

    /**
     * A topic name Kafka accepts, as Debezium makes it: each UTF-16 char outside {@code [A-Za-z0-9._-]} becomes
     * {@code _} (a character outside the Basic Multilingual Plane becomes two), the name is cut to 249 chars, and
     * {@code .} and {@code ..} become {@code _} and {@code __}.
     */
    static String validTopicName(String name) {
        StringBuilder valid = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            valid.append(validInTopic(c) ? c : '_');
        }
        if (valid.length() > MAX_TOPIC_LENGTH) {
            valid.setLength(MAX_TOPIC_LENGTH);
        }
        String result = valid.toString();
        return switch (result) {
            case "." -> "_";
            case ".." -> "__";
            default -> result;
        };
    }

    private static boolean validInTopic(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_'
                || c == '-';
    }
}
