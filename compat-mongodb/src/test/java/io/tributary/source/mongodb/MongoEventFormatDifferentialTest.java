package io.tributary.source.mongodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import io.tributary.api.ChangeRecord;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.source.SourceRecord;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.junit.jupiter.api.Test;

/**
 * Proves that Tributary's MongoDB source writes the change events Debezium 3.6's MongoDB connector writes for the
 * same change-stream events and documents: Debezium's own classes ({@link DebeziumMongoEvents}) and Tributary's
 * {@link MongoEvents} ({@link TributaryMongoEvents}) each make their records of the events of {@link EventCases} and a
 * snapshot of the {@link BsonCatalogue}; every record's topic, key and value must be the same bytes of Kafka Connect's
 * JsonConverter, with schemas and without, Tributary's records converted both by Kafka Connect ({@code ConnectBridge},
 * the Connect plugin's path) and by Tributary's own {@code ConnectJsonEncoder} (its server's path). Only the fields
 * {@link EventJson} names are normalised: the envelope's {@code ts_ms}, {@code source.version}, and a snapshot read's
 * source times (all wall-clock readings on both sides, checked to lie within the run). Also compared: the number of
 * records per event (Debezium's tombstone after a delete), their source partitions, and headers (Debezium adds only
 * its {@code __debezium.context.*} headers, Tributary none). Not compared: source offsets (their contents are each
 * connector's own bookkeeping; the test hands Tributary placeholder offsets).
 */
class MongoEventFormatDifferentialTest {
    private static final String PREFIX = "diff";

    private final DebeziumMongoEvents debezium = new DebeziumMongoEvents(PREFIX);
    private final TributaryMongoEvents tributary = new TributaryMongoEvents(PREFIX);
    private final List<String> differences = new ArrayList<>();
    private int compared;

    @Test
    void streamedEventsAreDebeziums() throws Exception {
        EventJson.Window opened = EventJson.Window.openedNow();
        List<ChangeEvent> events = EventCases.all();
        List<List<SourceRecord>> expected = new ArrayList<>();
        List<List<ChangeRecord>> actual = new ArrayList<>();
        for (ChangeEvent event : events) {
            expected.add(debezium.change(event.decode()));
            actual.add(tributary.change(event.decode()));
        }
        EventJson.Window window = opened.closedNow();
        int tombstones = 0;
        for (int i = 0; i < events.size(); i++) {
            compare(events.get(i).toString(), expected.get(i), actual.get(i), window);
            tombstones += (int) expected.get(i).stream().filter(record -> record.value() == null).count();
        }

        assertThat(differences).as("events whose records differ").isEmpty();
        assertThat(events).hasSizeGreaterThan(70);
        assertThat(tombstones).as("Debezium's tombstones, compared too").isGreaterThan(15);
        assertThat(compared).as("records compared, each in both JSON forms and by both Tributary paths")
                .isEqualTo(events.size() + tombstones);
    }

    @Test
    void snapshotReadsAreDebeziums() throws Exception {
        List<MongoSource.Namespace> namespaces = List.of(EventCases.ORDERS, EventCases.ITEMS, EventCases.CAFE);
        List<BsonValue> ids = BsonCatalogue.ids();
        List<List<BsonDocument>> documents = List.of(ids.stream().map(BsonCatalogue::allTypes).toList(),
                ids.stream().map(id -> BsonCatalogue.small(id, 1)).toList(), List.of(BsonCatalogue.allTypes(ids.get(1))));
        EventJson.Window opened = EventJson.Window.openedNow();
        List<SourceRecord> expected = debezium.snapshot(namespaces, documents);
        List<ChangeRecord> actual = tributary.snapshot(namespaces, documents);
        compare("snapshot", expected, actual, opened.closedNow());

        assertThat(differences).as("snapshot reads that differ").isEmpty();
        assertThat(compared).as("snapshot reads compared").isEqualTo(2 * ids.size() + 1);
        assertThat(actual.get(actual.size() - 1).value()).satisfies(value -> assertThat(
                ((Object[]) ((Object[]) value)[3])[4]).as("the last read's source.snapshot").isEqualTo("last"));
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
                    + "\n  Debezium:  " + expected + "\n  Tributary: " + actual);
        }
    }
}
