package io.tributary.source.mongodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.tributary.api.ChangeRecord;
import io.tributary.transforms.ExtractNewDocumentState;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.source.SourceRecord;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

/**
 * The differentials of {@link MongoEventFormatDifferentialTest} and {@link MongoUnwrapDifferentialTest} on the edges
 * of {@link EdgeCatalogue} and {@link EdgeEvents}: Debezium 3.6's own classes and Tributary's must write the same
 * JsonConverter bytes (topic, key, value; schemas on and off; Tributary through Connect and through its own encoder)
 * for each event and snapshot read, with tombstones on and off; and Debezium's {@code ExtractNewDocumentState} and
 * Tributary's must write the same bytes of each of them, or drop it alike, or both refuse it.
 */
class MongoEdgeDifferentialTest {
    private static final String PREFIX = "edge";

    private final List<String> differences = new ArrayList<>();
    private int compared;
    private int tombstones;
    private final UnwrapComparison unwrapped = new UnwrapComparison();

    @Test
    void edgeEventsAreDebeziums() throws Exception {
        streamed(true);
        System.out.printf("edge events: %d events, %d records compared (%d tombstones)%n", EdgeEvents.all().size(),
                compared, tombstones);
        assertNoDifferences("events");
        assertThat(tombstones).as("Debezium's tombstones, compared too").isGreaterThan(50);
        assertThat(compared).as("records compared").isEqualTo(EdgeEvents.all().size() + tombstones);
    }

    @Test
    void edgeEventsWithoutTombstonesAreDebeziums() throws Exception {
        streamed(false);
        assertNoDifferences("events-without-tombstones");
        assertThat(tombstones).as("no tombstones").isZero();
        assertThat(compared).as("records compared").isEqualTo(EdgeEvents.all().size());
    }

    private void streamed(boolean withTombstones) throws Exception {
        DebeziumMongoEvents debezium = new DebeziumMongoEvents(PREFIX, withTombstones);
        TributaryMongoEvents tributary = new TributaryMongoEvents(PREFIX, withTombstones);
        EventJson.Window opened = EventJson.Window.openedNow();
        List<ChangeEvent> events = EdgeEvents.all();
        List<List<SourceRecord>> expected = new ArrayList<>();
        List<List<ChangeRecord>> actual = new ArrayList<>();
        for (ChangeEvent event : events) {
            expected.add(debezium.change(event.decode()));
            actual.add(tributary.change(event.decode()));
        }
        EventJson.Window window = opened.closedNow();
        for (int i = 0; i < events.size(); i++) {
            compare(events.get(i).toString(), expected.get(i), actual.get(i),
                    EdgeEvents.datedByClock(events.get(i)) ? window.withSourceClock() : window);
            tombstones += (int) expected.get(i).stream().filter(record -> record.value() == null).count();
        }
    }

    @Test
    void edgeSnapshotReadsAreDebeziums() throws Exception {
        DebeziumMongoEvents debezium = new DebeziumMongoEvents(PREFIX);
        TributaryMongoEvents tributary = new TributaryMongoEvents(PREFIX);
        List<MongoSource.Namespace> namespaces = snapshotNamespaces();
        List<List<BsonDocument>> documents = snapshotDocuments();
        EventJson.Window opened = EventJson.Window.openedNow();
        List<SourceRecord> expected = debezium.snapshot(namespaces, documents);
        List<ChangeRecord> actual = tributary.snapshot(namespaces, documents);
        compare("snapshot", expected, actual, opened.closedNow());
        System.out.printf("edge snapshot: %d reads compared%n", compared);

        assertNoDifferences("snapshot");
        assertThat(compared).as("snapshot reads compared")
                .isEqualTo(documents.stream().mapToInt(List::size).sum());
    }

    @Test
    void edgeUnwrapsAreDebeziums() throws Exception {
        unwrapAll(true);
        System.out.printf("edge unwrap: %d records compared, %d dropped by both, %d refused by both%n",
                unwrapped.compared(), unwrapped.dropped(), unwrapped.refused());
        unwrapped.assertNone("edge");
        assertThat(unwrapped.compared()).as("unwrapped records compared").isGreaterThan(300);
        assertThat(unwrapped.dropped()).as("the source's tombstones, dropped by both").isGreaterThan(50);
        assertThat(unwrapped.refused()).as("records Debezium's unwrap refuses, refused by both").isGreaterThan(20);
    }

    @Test
    void edgeUnwrapsWithoutTombstonesAreDebeziums() throws Exception {
        unwrapAll(false);
        unwrapped.assertNone("edge-without-tombstones");
        assertThat(unwrapped.compared()).as("unwrapped records compared").isGreaterThan(300);
        assertThat(unwrapped.dropped()).as("nothing dropped: the source wrote no tombstones").isZero();
        assertThat(unwrapped.refused()).as("records Debezium's unwrap refuses, refused by both").isGreaterThan(20);
    }

    private void unwrapAll(boolean withTombstones) throws Exception {
        DebeziumMongoEvents debezium = new DebeziumMongoEvents(PREFIX, withTombstones);
        TributaryMongoEvents tributary = new TributaryMongoEvents(PREFIX, withTombstones);
        try (var debeziums = new io.debezium.connector.mongodb.transforms.ExtractNewDocumentState<SourceRecord>();
                ExtractNewDocumentState tributarys = new ExtractNewDocumentState()) {
            debeziums.configure(Map.of());
            tributarys.configure(Map.of());
            for (ChangeEvent event : EdgeEvents.all()) {
                unwrapped.compare(event.toString(), debezium.change(event.decode()),
                        tributary.change(event.decode()), debeziums::apply, tributarys::apply);
            }
            unwrapped.compare("snapshot", debezium.snapshot(snapshotNamespaces(), snapshotDocuments()),
                    tributary.snapshot(snapshotNamespaces(), snapshotDocuments()), debeziums::apply,
                    tributarys::apply);
        }
    }

    /** Every edge document read from the plain collection; a document under each unusual _id; each odd namespace. */
    static List<MongoSource.Namespace> snapshotNamespaces() {
        List<MongoSource.Namespace> namespaces = new ArrayList<>(List.of(EdgeCatalogue.PLAIN,
                new MongoSource.Namespace("edge", "ids")));
        namespaces.addAll(EdgeCatalogue.namespaces());
        return namespaces;
    }

    static List<List<BsonDocument>> snapshotDocuments() {
        List<List<BsonDocument>> documents = new ArrayList<>();
        documents.add(List.copyOf(EdgeCatalogue.documents().values()));
        documents.add(EdgeCatalogue.ids().stream().map(id -> BsonCatalogue.small(id, 1)).toList());
        for (int i = 0; i < EdgeCatalogue.namespaces().size(); i++) {
            documents.add(List.of(BsonCatalogue.small(new org.bson.BsonInt32(i), 1)));
        }
        return documents;
    }

    private void compare(String what, List<SourceRecord> expected, List<ChangeRecord> actual, EventJson.Window window) {
        if (expected.size() != actual.size()) {
            differences.add(what + ": Debezium wrote " + expected.size() + " records, Tributary " + actual.size());
            return;
        }
        for (int r = 0; r < expected.size(); r++) {
            SourceRecord debeziums = expected.get(r);
            ChangeRecord tributarys = actual.get(r);
            for (boolean schemas : new boolean[] {true, false}) {
                EventJson oracle = EventJson.of(debeziums, schemas, window);
                differ(what, r, schemas, "Connect", oracle, EventJson.viaConnect(tributarys, schemas, window));
                differ(what, r, schemas, "encoder", oracle, EventJson.viaEncoder(tributarys, schemas, window));
            }
            if (!debeziums.sourcePartition().equals(tributarys.partition())) {
                differences.add(what + ", record " + r + ": partition " + debeziums.sourcePartition() + " vs "
                        + tributarys.partition());
            }
            for (Header header : debeziums.headers()) {
                if (!header.key().startsWith("__debezium.context.")) {
                    differences.add(what + ", record " + r + ": Debezium's header " + header.key());
                }
            }
            if (!tributarys.headers().isEmpty()) {
                differences.add(what + ", record " + r + ": Tributary's headers " + tributarys.headers());
            }
            compared++;
        }
    }

    private void differ(String what, int record, boolean schemas, String path, EventJson expected, EventJson actual) {
        if (!expected.equals(actual)) {
            differences.add(what + ", record " + record + " (schemas " + schemas + ", Tributary via " + path + ")"
                    + "\n  Debezium:  " + UnwrapComparison.abbreviated(expected) + "\n  Tributary: " + UnwrapComparison.abbreviated(actual));
        }
    }

    /** No differences; where there are, all of them in {@code target/edge-differences-<what>.txt}, the first shown. */
    private void assertNoDifferences(String what) throws java.io.IOException {
        if (!differences.isEmpty()) {
            java.nio.file.Files.writeString(java.nio.file.Path.of("target", "edge-differences-" + what + ".txt"),
                    String.join("\n\n", differences));
        }
        assertThat(differences.stream().limit(3).toList()).as("%s: %d differences, the first", what,
                differences.size()).isEmpty();
    }
}
