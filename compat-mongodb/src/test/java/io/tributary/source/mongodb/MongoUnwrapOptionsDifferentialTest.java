package io.tributary.source.mongodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

import io.tributary.api.ChangeRecord;
import io.tributary.api.EventSchema;
import io.tributary.transforms.ExtractNewDocumentState;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.bson.BsonDocument;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Debezium 3.6's {@code ExtractNewDocumentState} and Tributary's with the same options other than the defaults —
 * each {@code delete.tombstone.handling.mode}, {@code rewrite-with-id}, {@code add.fields} and {@code add.headers}
 * (prefixes, aliases, fields an event lacks, structs), {@code flatten.struct} with several delimiters, and mixes of
 * them — on every event of {@link EventCases} and {@link EdgeEvents} (tombstones on) and every snapshot read of the
 * catalogues: the same bytes and headers, or dropped by both, or refused by both ({@link UnwrapComparison}); and
 * Tributary's as a Kafka Connect transformation on Debezium's own records the same way. Each
 * case also names something its options must show in Debezium's results, so that an option both sides ignored
 * would fail it.
 * <p>
 * The envelopes' clock fields ({@code ts_ms}/{@code ts_us}/{@code ts_ns}, top level and {@code source}) are the
 * wall clock of the moment each side made its record, and {@code source.version} each side's own; the format
 * differentials prove the first within their window and leave the version out, and here Tributary's records take
 * Debezium's values of them before the transforms run, so that an added {@code ts_ms} or {@code source} header
 * compares byte for byte.
 */
class MongoUnwrapOptionsDifferentialTest {
    private static final String PREFIX = "opts";
    private static final List<String> CLOCK_FIELDS = List.of("ts_ms", "ts_us", "ts_ns", "version");

    /** Something a case's options must show in at least one of Debezium's results. */
    private record Shows(String what, Predicate<SourceRecord> test) {
        static Shows field(String name) {
            return new Shows("a value with the field " + name, record -> record.valueSchema() != null
                    && record.valueSchema().field(name) != null);
        }

        static Shows header(String name) {
            return new Shows("a header " + name, record -> record.headers().lastWithName(name) != null);
        }

        static Shows tombstoneWithHeader(String name) {
            return new Shows("a tombstone with the header " + name, record -> record.value() == null
                    && record.headers().lastWithName(name) != null);
        }

        static Shows deleteWithoutValue() {
            return new Shows("a delete as a key without a value", record -> record.value() == null);
        }

        static Shows refusals() {
            return new Shows("every record with a value refused (a field the events lack)", null);
        }

        static Shows fieldStartingWith(String prefix) {
            return new Shows("a field named " + prefix + "...", record -> record.valueSchema() != null
                    && record.valueSchema().fields().stream().map(Field::name).anyMatch(name -> name.startsWith(prefix)));
        }

        @Override
        public String toString() {
            return what;
        }
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(Map.of("delete.tombstone.handling.mode", "drop"), Shows.field("_id")),
                Arguments.of(Map.of("delete.tombstone.handling.mode", "tombstone", "add.headers", "op"),
                        Shows.deleteWithoutValue()),
                Arguments.of(Map.of("delete.tombstone.handling.mode", "delete-to-tombstone"),
                        Shows.deleteWithoutValue()),
                Arguments.of(Map.of("delete.tombstone.handling.mode", "rewrite"), Shows.field("__deleted")),
                Arguments.of(Map.of("delete.tombstone.handling.mode", "rewrite",
                        "delete.tombstone.handling.mode.rewrite-with-id", "true",
                        "replace.null.with.default", "false"), Shows.field("__deleted")),
                Arguments.of(Map.of("delete.tombstone.handling.mode", "rewrite-with-tombstone",
                        "add.headers", "op,source.collection,ts_ms:when,nosuch"),
                        Shows.tombstoneWithHeader("__op")),
                Arguments.of(Map.of("delete.tombstone.handling.mode", "rewrite-with-tombstone",
                        "delete.tombstone.handling.mode.rewrite-with-id", "true"), Shows.field("__deleted")),
                Arguments.of(Map.of("add.fields", "op,ts_ms,source.ts_ms,collection,db,ord,lsid,txnNumber,"
                        + "source.snapshot:snap,wallTime"), Shows.field("__source_ts_ms")),
                Arguments.of(Map.of("add.fields", "op,rs", "add.headers", "rs,op"), Shows.refusals()),
                Arguments.of(Map.of("add.fields", "op,source.collection:coll", "add.fields.prefix", "meta_",
                        "add.headers", "db,op", "add.headers.prefix", "h."), Shows.header("h.db")),
                Arguments.of(Map.of("add.fields", "transaction", "add.headers", "source"), Shows.field("__transaction")),
                Arguments.of(Map.of("add.fields", "updateDescription,after"), Shows.field("__after")),
                Arguments.of(Map.of("flatten.struct", "true"), Shows.fieldStartingWith("nested_")),
                Arguments.of(Map.of("flatten.struct", "true", "flatten.struct.delimiter", "."),
                        Shows.fieldStartingWith("nested.")),
                Arguments.of(Map.of("flatten.struct", "true", "flatten.struct.delimiter", ""),
                        Shows.fieldStartingWith("nested")),
                Arguments.of(Map.of("flatten.struct", "true", "flatten.struct.delimiter", "__",
                        "delete.tombstone.handling.mode", "rewrite", "add.fields", "op,source.ts_ms,transaction",
                        "add.headers", "op"), Shows.field("__op")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void unwrapsWithTheseOptionsAreDebeziums(Map<String, String> options, Shows shows) throws Exception {
        UnwrapComparison comparison = new UnwrapComparison();
        DebeziumMongoEvents debezium = new DebeziumMongoEvents(PREFIX);
        TributaryMongoEvents tributary = new TributaryMongoEvents(PREFIX);
        try (var debeziums = new io.debezium.connector.mongodb.transforms.ExtractNewDocumentState<SourceRecord>();
                ExtractNewDocumentState tributarys = new ExtractNewDocumentState();
                var onConnect = new io.tributary.connect.transforms.ExtractNewDocumentState<SourceRecord>()) {
            debeziums.configure(options);
            tributarys.configure(options);
            onConnect.configure(options);
            List<ChangeEvent> events = new ArrayList<>(EventCases.all());
            events.addAll(EdgeEvents.all());
            for (ChangeEvent event : events) {
                List<SourceRecord> expected = debezium.change(event.decode());
                comparison.compare(event.toString(), expected, clockOf(expected, tributary.change(event.decode())),
                        debeziums::apply, tributarys::apply);
                List<SourceRecord> forDebezium = debezium.change(event.decode());
                comparison.compareOnConnect(event.toString(), forDebezium, copies(forDebezium), debeziums::apply,
                        onConnect::apply);
            }
            List<MongoSource.Namespace> namespaces = new ArrayList<>(List.of(EventCases.ORDERS, EventCases.CAFE));
            namespaces.addAll(MongoEdgeDifferentialTest.snapshotNamespaces());
            List<List<BsonDocument>> documents = new ArrayList<>(List.of(
                    BsonCatalogue.ids().stream().map(BsonCatalogue::allTypes).toList(),
                    BsonCatalogue.ids().stream().map(id -> BsonCatalogue.small(id, 1)).toList()));
            documents.addAll(MongoEdgeDifferentialTest.snapshotDocuments());
            List<SourceRecord> expected = debezium.snapshot(namespaces, documents);
            comparison.compare("snapshot", expected, clockOf(expected, tributary.snapshot(namespaces, documents)),
                    debeziums::apply, tributarys::apply);
            List<SourceRecord> forDebezium = debezium.snapshot(namespaces, documents);
            comparison.compareOnConnect("snapshot", forDebezium, copies(forDebezium), debeziums::apply,
                    onConnect::apply);
        }
        System.out.printf("unwrap %s: %d records compared (%d with headers), %d dropped by both, %d refused by "
                + "both; the first: %s%n", options, comparison.compared(), comparison.withHeaders(),
                comparison.dropped(), comparison.refused(), comparison.firstRefusal());

        comparison.assertNone("options-" + Math.abs(options.hashCode()));
        if (shows.test() == null) {
            assertThat(comparison.refused()).as("records refused by both").isGreaterThan(1_200);
            assertThat(comparison.written()).as("records written: keys without values").isNotEmpty()
                    .allMatch(record -> record.value() == null);
        } else {
            assertThat(comparison.compared()).as("unwrapped records compared").isGreaterThan(600);
            assertThat(comparison.written()).as("Debezium's results show what the options do: %s", shows)
                    .anyMatch(shows.test());
        }
    }

    /** Copies of records with headers of their own (Debezium's transform adds to the headers it is given). */
    private static List<SourceRecord> copies(List<SourceRecord> records) {
        return records.stream().map(record -> record.newRecord(record.topic(), record.kafkaPartition(),
                record.keySchema(), record.key(), record.valueSchema(), record.value(), record.timestamp(),
                record.headers().duplicate())).toList();
    }

    /** Tributary's records with the clock and version of Debezium's records of the same event (see the class). */
    private static List<ChangeRecord> clockOf(List<SourceRecord> debeziums, List<ChangeRecord> tributarys) {
        assertThat(tributarys).hasSameSizeAs(debeziums);
        List<ChangeRecord> aligned = new ArrayList<>();
        for (int r = 0; r < tributarys.size(); r++) {
            ChangeRecord ours = tributarys.get(r);
            if (ours.value() == null || !(debeziums.get(r).value() instanceof Struct theirs)) {
                aligned.add(ours);
                continue;
            }
            Object[] envelope = withClock(ours.valueSchema(), (Object[]) ours.value(), theirs);
            ours.valueSchema().field("source").ifPresent(source -> envelope[source.index()] = withClock(
                    source.schema(), (Object[]) envelope[source.index()], theirs.getStruct("source")));
            aligned.add(ours.withValue(ours.valueSchema(), envelope));
        }
        return aligned;
    }

    private static Object[] withClock(EventSchema schema, Object[] values, Struct theirs) {
        Object[] copy = values.clone();
        for (String field : CLOCK_FIELDS) {
            schema.field(field).filter(ignored -> theirs.schema().field(field) != null)
                    .ifPresent(ours -> copy[ours.index()] = theirs.get(field));
        }
        return copy;
    }
}
