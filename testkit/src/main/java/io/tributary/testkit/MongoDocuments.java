package io.tributary.testkit;

import java.util.HashSet;
import java.util.Set;

import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

/** MongoDB collections compared as a replication test needs: document by document, every value's BSON type counted. */
public final class MongoDocuments {
    private static final JsonWriterSettings EXTENDED = JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED)
            .build();

    private MongoDocuments() {
    }

    /** Each document of the collection as extended JSON (so that an int32 and an int64 of one value differ). */
    public static Set<String> of(MongoCollection<Document> collection) {
        Set<String> documents = new HashSet<>();
        collection.find().forEach(document -> documents.add(document.toJson(EXTENDED)));
        return documents;
    }

    /** Whether the replica holds the source's documents and no others, the source holding at least one. */
    public static boolean same(MongoCollection<Document> source, MongoCollection<Document> replica) {
        Set<String> expected = of(source);
        return !expected.isEmpty() && expected.equals(of(replica));
    }
}
