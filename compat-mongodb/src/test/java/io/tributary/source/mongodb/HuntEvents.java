package io.tributary.source.mongodb;

import java.util.ArrayList;
import java.util.List;

import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDateTime;
import org.bson.BsonDecimal128;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonMaxKey;
import org.bson.BsonMinKey;
import org.bson.BsonNull;
import org.bson.BsonObjectId;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;

/**
 * Edge events found by a hunt for differences (none found), part of {@link EdgeEvents}: dotted, {@code $}-prefixed and
 * non-BMP keys, arrays of arrays, dates and numbers at their extremes, a 100,000-character string, a composite
 * {@code _id} of an array and a decimal, mixed arrays with MinKey / MaxKey — each inserted, replaced, updated (with
 * dotted removed fields) and deleted without a pre-image; an update description with dotted paths, an emptied array
 * and {@code disambiguatedPaths}; wall times at their extremes; a delete with the largest {@code txnNumber}.
 */
final class HuntEvents {
    private static final MongoSource.Namespace NS = new MongoSource.Namespace("hunt", "things");

    private HuntEvents() {
    }

    private static List<BsonDocument> documents() {
        List<BsonDocument> docs = new ArrayList<>();
        docs.add(new BsonDocument("_id", new BsonInt32(1)).append("a.b", new BsonString("dotted"))
                .append("$dollar", new BsonInt32(2)).append("\uD83D\uDE00key", new BsonString("\uD83D\uDE80 ü")));
        docs.add(new BsonDocument("_id", new BsonInt32(2)).append("arr", new BsonArray(List.of(
                new BsonArray(List.of(new BsonArray(), new BsonArray(List.of(new BsonInt32(1))))),
                new BsonDocument(), new BsonArray()))));
        docs.add(new BsonDocument("_id", new BsonInt32(3)).append("old", new BsonDateTime(-62_135_596_800_001L))
                .append("future", new BsonDateTime(253_402_300_800_000L)).append("neg", new BsonDateTime(-1L)));
        docs.add(new BsonDocument("_id", new BsonInt32(4)).append("big", new BsonInt64((1L << 53) + 1))
                .append("min", new BsonInt64(Long.MIN_VALUE)).append("tiny", new BsonDouble(Double.MIN_VALUE))
                .append("huge", new BsonDouble(1e300)).append("negz", new BsonDouble(-0.0)));
        docs.add(new BsonDocument("_id", new BsonInt32(5)).append("long", new BsonString("x".repeat(100_000))));
        docs.add(new BsonDocument("_id", new BsonDocument("k", new BsonArray(List.of(new BsonInt32(1),
                new BsonDocument("z", new BsonDecimal128(Decimal128.parse("1E+6000"))))))
                .append("o", new BsonObjectId(new ObjectId("5f0c8a7b9d3e2a1b4c5d6e7f"))))
                .append("v", new BsonInt32(1)));
        docs.add(new BsonDocument("_id", new BsonInt32(7)).append("mixed", new BsonArray(List.of(new BsonInt32(1),
                new BsonString("s"), new BsonNull(), new BsonBoolean(true), new BsonMinKey(), new BsonMaxKey()))));
        return docs;
    }

    /** The events, their {@code ord} counting on from {@code order}. */
    static List<ChangeEvent> all(int order) {
        List<ChangeEvent> events = new ArrayList<>();
        for (BsonDocument doc : documents()) {
            BsonValue id = doc.get("_id");
            BsonDocument fields = doc.clone();
            fields.remove("_id");
            events.add(ChangeEvent.insert(NS, doc, order++));
            events.add(ChangeEvent.replace(NS, doc, order++));
            events.add(ChangeEvent.update(NS, id, fields, List.of("gone", "x.y.z"), List.of(), order++));
            events.add(ChangeEvent.delete(NS, id, order++));
        }
        BsonDocument dotted = new BsonDocument("updatedFields", new BsonDocument("a.b", new BsonInt32(1))
                .append("c.0", new BsonString("e")))
                .append("removedFields", new BsonArray(List.of(new BsonString("x.y"))))
                .append("truncatedArrays", new BsonArray(List.of(new BsonDocument("field", new BsonString("arr"))
                        .append("newSize", new BsonInt32(0)))))
                .append("disambiguatedPaths", new BsonDocument("a.b", new BsonArray(List.of(new BsonString("a.b"))))
                        .append("c.0", new BsonArray(List.of(new BsonString("c"), new BsonString("0")))));
        events.add(ChangeEvent.update(NS, new BsonInt32(1), new BsonDocument(), List.of(), List.of(), order++)
                .with("updateDescription", dotted));
        events.add(ChangeEvent.insert(NS, documents().get(0), order++).withWallTime(-1L));
        events.add(ChangeEvent.insert(NS, documents().get(0), order++).withWallTime(253_402_300_800_000L));
        events.add(ChangeEvent.delete(NS, new BsonInt32(1), order++).inTransaction(Long.MAX_VALUE));
        return events;
    }
}
