package io.tributary.source.mongodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.tributary.transforms.ExtractNewDocumentState;
import org.apache.kafka.connect.source.SourceRecord;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.junit.jupiter.api.Test;

/**
 * Proves that Tributary's {@link ExtractNewDocumentState} unwraps MongoDB change events as Debezium 3.6's
 * {@code io.debezium.connector.mongodb.transforms.ExtractNewDocumentState} does, with the default options: each
 * side's transform is applied to its own records of the events of {@link EventCases} and of a snapshot of the
 * {@link BsonCatalogue} (the records {@link MongoEventFormatDifferentialTest} shows to be equal); the results must be
 * the same JsonConverter bytes with schemas and without (nothing normalised: an unwrapped record has no wall-clock
 * field), records dropped by one must be dropped by the other, and a document one refuses (an array of elements of
 * two types) the other must refuse.
 */
class MongoUnwrapDifferentialTest {
    private static final String PREFIX = "diff";

    private final DebeziumMongoEvents debezium = new DebeziumMongoEvents(PREFIX);
    private final TributaryMongoEvents tributary = new TributaryMongoEvents(PREFIX);
    private final UnwrapComparison comparison = new UnwrapComparison();
    private int unwrappedAllTypes;

    /**
     * The catalogue's document of every type less what Debezium's unwrap refuses (arrays of elements of two types,
     * symbols, min and max keys), with arrays it takes: of numbers, of arrays, of documents whose fields differ.
     */
    private static BsonDocument unwrappable(BsonValue id) {
        BsonDocument document = BsonCatalogue.allTypes(id);
        for (String refused : List.of("mixedArray", "documentArray", "symbol", "minKey", "maxKey")) {
            document.remove(refused);
        }
        document.getDocument("nested").remove("list");
        document.append("numbers", BsonDocument.parse("{\"a\": [1, 2, 3]}").get("a"));
        document.append("matrix", BsonDocument.parse("{\"a\": [[1, 2], [3]]}").get("a"));
        document.append("lines", BsonDocument.parse("{\"a\": [{\"sku\": \"A\", \"qty\": 1}, {\"sku\": \"B\", "
                + "\"note\": \"x\", \"size\": {\"w\": 2}}]}").get("a"));
        document.append("strings", BsonDocument.parse("{\"a\": [\"x\", null, \"y\"]}").get("a"));
        return document;
    }

    @Test
    void unwrappedEventsAndReadsAreDebeziums() throws Exception {
        try (var debeziums = new io.debezium.connector.mongodb.transforms.ExtractNewDocumentState<SourceRecord>();
                ExtractNewDocumentState tributarys = new ExtractNewDocumentState()) {
            debeziums.configure(Map.of());
            tributarys.configure(Map.of());
            for (ChangeEvent event : EventCases.all()) {
                comparison.compare(event.toString(), debezium.change(event.decode()),
                        tributary.change(event.decode()), debeziums::apply, tributarys::apply);
            }
            List<BsonValue> ids = BsonCatalogue.ids();
            List<List<BsonDocument>> documents = List.of(ids.stream().map(BsonCatalogue::allTypes).toList(),
                    ids.stream().map(id -> BsonCatalogue.small(id, 1)).toList(),
                    ids.stream().map(MongoUnwrapDifferentialTest::unwrappable).toList());
            List<MongoSource.Namespace> namespaces = List.of(EventCases.ORDERS, EventCases.ITEMS, EventCases.CAFE);
            unwrappedAllTypes = (int) comparison.compare("snapshot", debezium.snapshot(namespaces, documents),
                    tributary.snapshot(namespaces, documents), debeziums::apply, tributarys::apply).stream()
                    .filter(read -> read.topic().endsWith("menu")).count();
        }

        comparison.assertNone("defaults");
        assertThat(comparison.compared()).as("unwrapped records compared").isGreaterThan(50);
        assertThat(unwrappedAllTypes).as("documents of every type Debezium's unwrap takes, compared")
                .isEqualTo(BsonCatalogue.ids().size());
        assertThat(comparison.dropped()).as("the source's tombstones, dropped by both").isGreaterThan(10);
        System.out.printf("unwrap: %d records compared, %d dropped by both, %d refused by both%n",
                comparison.compared(), comparison.dropped(), comparison.refused());
    }
}
