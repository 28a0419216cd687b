package io.tributary.source.mongodb;

import java.util.ArrayList;
import java.util.List;

import org.bson.BsonArray;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * The change-stream events of the differential: inserts of every catalogue document, and for each kind of
 * {@code _id} an update (with its description: set fields of many types, removed fields, truncated arrays), a replace
 * and a delete; each kind of event with and without the looked-up document, a pre-image, a transaction's session and
 * a wall time; and the edges: an empty update description, a session without a transaction number, wall times before
 * 1970 and at 0, a collection whose name Kafka does not allow in a topic.
 */
final class EventCases {
    static final MongoSource.Namespace ORDERS = new MongoSource.Namespace("shop", "orders");
    static final MongoSource.Namespace ITEMS = new MongoSource.Namespace("shop", "stock-items.v2");
    static final MongoSource.Namespace CAFE = new MongoSource.Namespace("inventaire", "café menu");
    private static final long WALL_TIME = 1_700_000_000_456L;

    private EventCases() {
    }

    static List<ChangeEvent> all() {
        List<ChangeEvent> events = new ArrayList<>();
        int order = 1;
        for (BsonValue id : BsonCatalogue.ids()) {
            events.add(ChangeEvent.insert(ORDERS, BsonCatalogue.allTypes(id), order++).withWallTime(WALL_TIME));
        }
        for (BsonValue id : BsonCatalogue.ids()) {
            events.add(ChangeEvent.insert(ITEMS, BsonCatalogue.small(id, 1), order++));
        }
        for (BsonValue id : BsonCatalogue.ids()) {
            events.add(ChangeEvent.update(ITEMS, id, updatedFields(), List.of("old", "nested.gone"),
                    List.of(ChangeEvent.truncated("tags", 2), ChangeEvent.truncated("history.0.list", 0)), order++));
            events.add(ChangeEvent.replace(ITEMS, BsonCatalogue.small(id, 3), order++).withWallTime(WALL_TIME));
            events.add(ChangeEvent.delete(ITEMS, id, order++));
        }
        BsonValue id = BsonCatalogue.ids().get(0);
        BsonDocument before = BsonCatalogue.small(id, 1);
        BsonDocument after = BsonCatalogue.allTypes(id);
        ChangeEvent update = ChangeEvent.update(ORDERS, id, updatedFields(), List.of("old"),
                List.of(ChangeEvent.truncated("tags", 1)), order++);
        events.add(update.withFullDocument(after));
        events.add(update.withFullDocument(after).withBefore(before).withWallTime(WALL_TIME));
        events.add(update.withBefore(before).inTransaction(3).withWallTime(WALL_TIME));
        events.add(update.inTransaction(Long.MAX_VALUE));
        events.add(update.withSessionOnly());
        events.add(ChangeEvent.update(ORDERS, id, new BsonDocument(), List.of(), List.of(), order++));
        events.add(ChangeEvent.update(ORDERS, id, new BsonDocument("qty", new BsonInt32(2)), List.of(), List.of(),
                order++).withFullDocument(BsonCatalogue.small(id, 2)).withWallTime(-86_400_001L));
        events.add(ChangeEvent.replace(ORDERS, after, order++).withBefore(before).inTransaction(4));
        events.add(ChangeEvent.insert(ORDERS, before, order++).inTransaction(5).withWallTime(WALL_TIME));
        events.add(ChangeEvent.delete(ORDERS, id, order++).withBefore(after).withWallTime(WALL_TIME));
        events.add(ChangeEvent.delete(ORDERS, id, order++).inTransaction(6));
        for (BsonValue cafeId : BsonCatalogue.ids().subList(0, 3)) {
            events.add(ChangeEvent.insert(CAFE, BsonCatalogue.allTypes(cafeId), order++));
            events.add(ChangeEvent.delete(CAFE, cafeId, order++).withWallTime(WALL_TIME));
        }
        // an edge no server sends: a wall time of exactly 0, the epoch
        events.add(ChangeEvent.insert(ORDERS, BsonCatalogue.small(new BsonInt32(1), 1), order++).withWallTime(0));
        return events;
    }

    /** What an update sets, as the server describes it: dotted paths, array elements, values of many types. */
    private static BsonDocument updatedFields() {
        BsonDocument all = BsonCatalogue.allTypes(BsonNull.VALUE);
        all.remove("_id");
        return new BsonDocument("name", new BsonString("item 2"))
                .append("qty", new BsonInt64(2))
                .append("tags.1", new BsonString("ß"))
                .append("nested.a.b", new BsonDocument("c", new BsonDouble(-0.0)))
                .append("history", new BsonArray(List.of(new BsonDocument("at", new BsonDateTime(-1)))))
                .append("all", all);
    }
}
