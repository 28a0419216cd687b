package io.tributary.source.mongodb;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.client.model.changestream.ChangeStreamDocument;
import io.tributary.api.ChangeRecord;
import org.bson.BsonDocument;

/**
 * Tributary's MongoDB source's records of change-stream events and snapshot documents: {@link MongoEvents} as
 * {@link MongoSource} calls it (each collection's documents read in turn, the last record of the snapshot marked with
 * {@link MongoEvents#markLast}), tombstones on unless asked.
 */
final class TributaryMongoEvents {
    /** Not Debezium's version: {@code source.version} is the one field the differential does not compare. */
    static final String VERSION = "0.1.0-SNAPSHOT";

    private final MongoEvents events;

    TributaryMongoEvents(String topicPrefix) {
        this(topicPrefix, true);
    }

    /** With or without a tombstone after each delete. */
    TributaryMongoEvents(String topicPrefix, boolean tombstones) {
        events = new MongoEvents(topicPrefix, VERSION, tombstones);
    }

    /** With these further settings of the source ({@code field.exclude.list}, ...), parsed as the source parses them. */
    TributaryMongoEvents(String topicPrefix, Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(settings);
        all.put("topic.prefix", topicPrefix);
        all.put("mongodb.connection.string", "mongodb://localhost:27017/?replicaSet=rs0");
        MongoSourceConfig config = MongoSourceConfig.parse(all);
        events = new MongoEvents(topicPrefix, VERSION, config.tombstonesOnDelete(), config.fields());
    }

    List<ChangeRecord> change(ChangeStreamDocument<BsonDocument> event) {
        var ns = event.getNamespace();
        return events.change(new MongoSource.Namespace(ns.getDatabaseName(), ns.getCollectionName()), event,
                Map.of("sec", event.getClusterTime().getTime()));
    }

    List<ChangeRecord> snapshot(List<MongoSource.Namespace> namespaces, List<List<BsonDocument>> documents) {
        List<ChangeRecord> records = new ArrayList<>();
        for (int c = 0; c < namespaces.size(); c++) {
            for (BsonDocument document : documents.get(c)) {
                records.add(events.read(namespaces.get(c), document, Map.of("initsync", true)));
            }
        }
        if (!records.isEmpty()) {
            int last = records.size() - 1;
            records.set(last, events.markLast(records.get(last), Map.of("sec", 0)));
        }
        return records;
    }
}
