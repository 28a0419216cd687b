package io.tributary.source.mongodb;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonTimestamp;
import org.bson.BsonValue;

/**
 * Where the source resumes: the cluster time its change streams start from ({@code sec}, {@code ord}: taken before
 * the snapshot began, so that nothing between the two is lost), whether the snapshot is still to finish
 * ({@code initsync}), and the resume token of each collection's stream that has delivered an event
 * ({@code resume_tokens}, a JSON object of {@code <database>.<collection>} to the token's {@code _data}).
 *
 * <p>Each collection is streamed by a change stream of its own (the level every MongoDB and DocumentDB version
 * supports), so a resume token is kept per collection.
 */
record MongoOffset(BsonTimestamp start, boolean snapshotting, Map<String, String> tokens) {
    static final String SEC = "sec";
    static final String ORD = "ord";
    static final String INITSYNC = "initsync";
    static final String RESUME_TOKENS = "resume_tokens";

    MongoOffset {
        tokens = Map.copyOf(tokens);
    }

    /** The offset a runtime stored, or empty; a map that is not one of this source's is an error saying why. */
    static Optional<MongoOffset> from(Optional<Map<String, ?>> stored) {
        return stored.map(MongoOffset::fromMap);
    }

    static MongoOffset fromMap(Map<String, ?> map) {
        if (!(map.get(SEC) instanceof Number sec) || !(map.get(ORD) instanceof Number ord)) {
            throw new IllegalArgumentException("an offset of the MongoDB source has \"sec\" and \"ord\" (the cluster "
                    + "time its change streams start from, whole numbers); found the keys " + map.keySet());
        }
        Map<String, String> tokens = new TreeMap<>();
        Object written = map.get(RESUME_TOKENS);
        if (written != null) {
            if (!(written instanceof String json)) {
                throw new IllegalArgumentException("\"resume_tokens\" of a MongoDB source offset is a JSON object of "
                        + "collection to resume token, written as a string; found " + written);
            }
            try {
                for (Map.Entry<String, BsonValue> entry : BsonDocument.parse(json).entrySet()) {
                    tokens.put(entry.getKey(), entry.getValue().asString().getValue());
                }
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("\"resume_tokens\" of a MongoDB source offset is a JSON object of "
                        + "collection to resume token (a string); found " + json, e);
            }
        }
        return new MongoOffset(new BsonTimestamp(sec.intValue(), ord.intValue()),
                Boolean.TRUE.equals(map.get(INITSYNC)), tokens);
    }

    /** This offset as records carry it. */
    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(SEC, start.getTime());
        map.put(ORD, start.getInc());
        if (snapshotting) {
            map.put(INITSYNC, true);
        }
        if (!tokens.isEmpty()) {
            BsonDocument document = new BsonDocument();
            new TreeMap<>(tokens).forEach((namespace, token) -> document.put(namespace, new BsonString(token)));
            map.put(RESUME_TOKENS, document.toJson());
        }
        return map;
    }

    /** This offset with the snapshot done. */
    MongoOffset streaming() {
        return new MongoOffset(start, false, tokens);
    }

    /** The resume token of a collection's stream, if it delivered an event. */
    Optional<BsonDocument> token(String namespace) {
        return Optional.ofNullable(tokens.get(namespace)).map(data -> new BsonDocument("_data", new BsonString(data)));
    }
}
