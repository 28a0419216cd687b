package io.tributary.sink.mongodb;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.tributary.api.config.ConfigDefinition;
import io.tributary.api.config.ConfigOption;
import io.tributary.api.config.ParsedConfig;
import io.tributary.api.config.UndeclaredKeys;

/**
 * The MongoDB sink's settings, named as the MongoDB Kafka sink connector names the ones they share.
 *
 * @param idFields the value fields that make {@code _id}; empty: the record key's fields
 */
record MongoSinkConfig(String connectionUri, String database, String collectionFormat, List<String> idFields,
        List<String> topics) {

    static final ConfigOption<String> CONNECTION_URI = ConfigOption.string("connection.uri").asRequired().asSensitive()
            .withDoc("mongodb://user:password@host:port/...; never printed");
    static final ConfigOption<String> DATABASE = ConfigOption.string("database").asRequired();
    static final ConfigOption<String> COLLECTION = ConfigOption.string("collection").withDefault("${topic}")
            .withDoc("the collection of a record; ${topic} is replaced by its topic");
    static final ConfigOption<List<String>> ID_FIELDS = ConfigOption.list("document.id.fields")
            .withDoc("value fields that make _id; default: the record key");
    static final ConfigOption<List<String>> TOPICS = ConfigOption.list("topics")
            .withDoc("the topics this sink writes; default: every topic");
    static final ConfigDefinition DEFINITION = new ConfigDefinition(List.of(CONNECTION_URI, DATABASE, COLLECTION,
            ID_FIELDS, TOPICS), Set.of("key.converter", "value.converter", "header.converter", "connector.class", "tasks.max", "name",
                    "errors.", "transforms", "predicates", "consumer.override."))
            .withUndeclaredKeys(UndeclaredKeys.reject("the MongoDB sink").exceptConnectKeys());

    static MongoSinkConfig parse(Map<String, String> raw) {
        ParsedConfig parsed = DEFINITION.parse(raw);
        return new MongoSinkConfig(parsed.get(CONNECTION_URI), parsed.get(DATABASE), parsed.get(COLLECTION),
                parsed.get(ID_FIELDS), parsed.get(TOPICS));
    }

    boolean writes(String topic) {
        return topics.isEmpty() || topics.contains(topic);
    }

    String collectionFor(String topic) {
        return collectionFormat.replace("${topic}", topic);
    }

    Optional<List<String>> idFromValue() {
        return idFields.isEmpty() ? Optional.empty() : Optional.of(idFields);
    }

    @Override
    public String toString() {
        return "MongoSinkConfig[database=" + database + ", collection=" + collectionFormat + "]";
    }
}
