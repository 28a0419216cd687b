package io.tributary.converter.avro;

import java.util.Arrays;

/**
 * How a record's schema is named in the registry: the Confluent serializers' subject name strategies, chosen by class
 * name (as a converter's {@code key.subject.name.strategy} / {@code value.subject.name.strategy} is) or short name.
 */
public enum SubjectNaming {
    /** {@code <topic>-key} / {@code <topic>-value}: the default. */
    TOPIC("TopicNameStrategy"),
    /** The record's full name: one subject per table version's record across topics. */
    RECORD("RecordNameStrategy"),
    /** {@code <topic>-<record full name>}. */
    TOPIC_RECORD("TopicRecordNameStrategy");

    static final String EXPECTED = "io.confluent.kafka.serializers.subject.TopicNameStrategy, RecordNameStrategy or "
            + "TopicRecordNameStrategy (by class or short name)";
    private static final String PACKAGE = "io.confluent.kafka.serializers.subject.";

    private final String className;

    SubjectNaming(String className) {
        this.className = className;
    }

    static SubjectNaming parse(String value) {
        String name = value.strip();
        return Arrays.stream(values())
                .filter(naming -> name.equals(naming.className) || name.equals(PACKAGE + naming.className))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("not one of " + EXPECTED));
    }

    /** The subject of a key ({@code key}) or value of {@code topic} whose Avro record is {@code recordName}. */
    String subject(String topic, boolean key, String recordName) {
        return switch (this) {
            case TOPIC -> topic + (key ? "-key" : "-value");
            case RECORD -> recordName;
            case TOPIC_RECORD -> topic + "-" + recordName;
        };
    }
}
