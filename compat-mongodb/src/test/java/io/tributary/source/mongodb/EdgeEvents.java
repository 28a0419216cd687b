package io.tributary.source.mongodb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonTimestamp;
import org.bson.BsonValue;

/**
 * The change-stream events of the edge differential: every {@link EdgeCatalogue} document inserted, replaced, updated
 * (looked up and not, with a pre-image) and deleted; every unusual {@code _id} inserted, updated with an edge
 * description (array-index and odd paths, removed dotted fields, truncated arrays), replaced and deleted; each odd
 * namespace's events; descriptions with only removed fields, with MongoDB 6.1's {@code disambiguatedPaths}; wall times
 * and cluster times at their extremes; and {@link HuntEvents}.
 */
final class EdgeEvents {
    private static final long WALL_TIME = 1_700_000_000_789L;

    private EdgeEvents() {
    }

    static List<ChangeEvent> all() {
        List<ChangeEvent> events = new ArrayList<>();
        int order = 1;
        for (Map.Entry<String, BsonDocument> document : EdgeCatalogue.documents().entrySet()) {
            BsonDocument doc = document.getValue();
            BsonValue id = doc.get("_id");
            events.add(named(ChangeEvent.insert(EdgeCatalogue.PLAIN, doc, order++).withWallTime(WALL_TIME),
                    document.getKey()));
            events.add(named(ChangeEvent.replace(EdgeCatalogue.PLAIN, doc, order++).withBefore(doc),
                    document.getKey()));
            events.add(named(ChangeEvent.update(EdgeCatalogue.PLAIN, id, without(doc, "_id"), List.of(), List.of(),
                    order++), document.getKey()));
            events.add(named(ChangeEvent.delete(EdgeCatalogue.PLAIN, id, order++).withBefore(doc),
                    document.getKey()));
        }
        for (BsonValue id : EdgeCatalogue.ids()) {
            events.add(ChangeEvent.insert(EdgeCatalogue.PLAIN, BsonCatalogue.small(id, 1), order++));
            ChangeEvent update = ChangeEvent.update(EdgeCatalogue.PLAIN, id, EdgeCatalogue.updatedFields(),
                    EdgeCatalogue.removedFields(), EdgeCatalogue.truncatedArrays(), order++);
            events.add(update);
            events.add(update.withFullDocument(BsonCatalogue.small(id, 2)).withBefore(BsonCatalogue.small(id, 1)));
            events.add(ChangeEvent.replace(EdgeCatalogue.PLAIN, BsonCatalogue.small(id, 3), order++));
            events.add(ChangeEvent.delete(EdgeCatalogue.PLAIN, id, order++));
        }
        for (MongoSource.Namespace ns : EdgeCatalogue.namespaces()) {
            BsonValue id = new BsonInt32(7);
            events.add(ChangeEvent.insert(ns, BsonCatalogue.small(id, 1), order++).withWallTime(WALL_TIME));
            events.add(ChangeEvent.update(ns, id, EdgeCatalogue.updatedFields(), EdgeCatalogue.removedFields(),
                    EdgeCatalogue.truncatedArrays(), order++).inTransaction(9));
            events.add(ChangeEvent.replace(ns, BsonCatalogue.small(id, 2), order++));
            events.add(ChangeEvent.delete(ns, id, order++).withBefore(BsonCatalogue.small(id, 2)));
        }
        BsonValue id = new BsonInt32(99);
        events.add(ChangeEvent.update(EdgeCatalogue.PLAIN, id, new BsonDocument(), List.of("only.removed", "x"),
                List.of(), order++));
        events.add(ChangeEvent.update(EdgeCatalogue.PLAIN, id, new BsonDocument("x", new BsonInt32(1)), List.of("x"),
                List.of(), order++));
        events.add(ChangeEvent.update(EdgeCatalogue.PLAIN, id, new BsonDocument(), List.of(),
                List.of(ChangeEvent.truncated("only.truncated", 3)), order++));
        BsonDocument disambiguated = new BsonDocument("updatedFields", new BsonDocument("a.0.b", new BsonInt32(1)))
                .append("removedFields", new BsonArray())
                .append("truncatedArrays", new BsonArray())
                .append("disambiguatedPaths", new BsonDocument("a.0.b", new BsonArray(List.of(new BsonString("a"),
                        new BsonInt32(0), new BsonString("b")))));
        events.add(ChangeEvent.update(EdgeCatalogue.PLAIN, id, new BsonDocument(), List.of(), List.of(), order++)
                .with("updateDescription", disambiguated));
        for (long wallTime : new long[] {-1, 1, Long.MAX_VALUE, Long.MIN_VALUE, 253_402_300_800_000L,
            -62_135_596_800_001L, 9_223_372_036_854_775L, 9_223_372_036_854_776L}) {
            events.add(ChangeEvent.insert(EdgeCatalogue.PLAIN, BsonCatalogue.small(id, 1), order++)
                    .withWallTime(wallTime));
        }
        for (BsonTimestamp clusterTime : new BsonTimestamp[] {new BsonTimestamp(0, 0), new BsonTimestamp(
                Integer.MIN_VALUE, 1), new BsonTimestamp(Integer.MAX_VALUE, Integer.MAX_VALUE),
            new BsonTimestamp(-2, -1), new BsonTimestamp(-1, 3)}) {
            events.add(named(ChangeEvent.insert(EdgeCatalogue.PLAIN, BsonCatalogue.small(id, 1), order++)
                    .with("clusterTime", clusterTime), "clusterTime " + clusterTime));
        }
        // a sharded collection's events: the shard key's fields before the _id in documentKey
        for (ChangeEvent sharded : List.of(
                ChangeEvent.update(EdgeCatalogue.PLAIN, id, new BsonDocument("x", new BsonInt32(1)), List.of(),
                        List.of(), order++),
                ChangeEvent.delete(EdgeCatalogue.PLAIN, id, order++),
                ChangeEvent.insert(EdgeCatalogue.PLAIN, BsonCatalogue.small(id, 1), order++))) {
            events.add(named(sharded.with("documentKey", new BsonDocument("region", new BsonString("eu"))
                    .append("n", new BsonInt32(3)).append("_id", id)), "shard key"));
        }
        // the server's null for a document it could not look up, and for a missing pre-image
        events.add(named(ChangeEvent.update(EdgeCatalogue.PLAIN, id, new BsonDocument("x", new BsonInt32(2)),
                List.of("y"), List.of(), order++).with("fullDocument", BsonNull.VALUE)
                .with("fullDocumentBeforeChange", BsonNull.VALUE), "null lookups"));
        events.add(named(ChangeEvent.delete(EdgeCatalogue.PLAIN, id, order++).with("fullDocumentBeforeChange",
                BsonNull.VALUE), "null pre-image"));
        // an update whose description has no updatedFields (Debezium's unwrap still writes the _id), and one with no
        // description at all
        BsonDocument removedOnly = new BsonDocument("removedFields", new BsonArray(List.of(new BsonString("x"))));
        events.add(named(ChangeEvent.update(EdgeCatalogue.PLAIN, id, new BsonDocument(), List.of(), List.of(), order++)
                .with("updateDescription", removedOnly), "no updatedFields"));
        ChangeEvent noDescription = ChangeEvent.update(EdgeCatalogue.PLAIN, id, new BsonDocument(), List.of(),
                List.of(), order++);
        noDescription.document().remove("updateDescription");
        events.add(named(noDescription, "no updateDescription"));
        events.addAll(HuntEvents.all(order));
        return events;
    }

    /**
     * Whether Debezium dates this event by the clock: no wall time and a cluster time whose seconds read -1 as an int
     * (its marker of no time; the second 2^32 - 1, in 2106).
     */
    static boolean datedByClock(ChangeEvent event) {
        return !event.document().containsKey("wallTime")
                && event.document().getTimestamp("clusterTime").getTime() == -1;
    }

    private static ChangeEvent named(ChangeEvent event, String what) {
        return new ChangeEvent(event.description() + " (" + what + ")", event.document());
    }

    private static BsonDocument without(BsonDocument document, String field) {
        BsonDocument copy = document.clone();
        copy.remove(field);
        return copy;
    }
}
