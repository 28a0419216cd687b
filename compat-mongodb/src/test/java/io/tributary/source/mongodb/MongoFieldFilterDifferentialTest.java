package io.tributary.source.mongodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import io.debezium.config.Configuration;
import io.debezium.connector.mongodb.MongoDbConnectorConfig;
import io.tributary.api.ChangeRecord;
import io.tributary.api.config.ConfigProblem;
import org.apache.kafka.connect.source.SourceRecord;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proves that Tributary's MongoDB source leaves out and renames the fields Debezium 3.6's MongoDB connector does
 * ({@code field.exclude.list}, {@code field.renames}): under each option set, Debezium's own classes and Tributary's
 * make their records of every event of {@link EventCases} and {@link EdgeEvents} and of snapshot reads of both
 * catalogues; each record must be the same JsonConverter bytes, with schemas and without, by both of Tributary's
 * paths. Each side is given its own copies of the documents (Debezium changes the documents it is given). Each option
 * set must change Debezium's records against no options at all (so that an option both sides ignored would fail),
 * but the one of paths that are nowhere, which must change none; an event Debezium fails on (an update that truncates
 * an array left out) must be refused by Tributary too, and only one option set has such events. Also: the option
 * values Debezium's validators refuse are the ones Tributary refuses.
 */
class MongoFieldFilterDifferentialTest {
    private static final String PREFIX = "fields";

    /** Settings; whether they change any of Debezium's records, and whether Debezium fails on some events. */
    record OptionSet(String name, Map<String, String> settings, boolean changes, boolean refuses) {
        static OptionSet excluding(String name, String excludeList) {
            return new OptionSet(name, Map.of("field.exclude.list", excludeList), true, false);
        }

        static OptionSet renaming(String name, String renames) {
            return new OptionSet(name, Map.of("field.renames", renames), true, false);
        }

        static OptionSet both(String name, String excludeList, String renames) {
            return new OptionSet(name, Map.of("field.exclude.list", excludeList, "field.renames", renames), true,
                    false);
        }

        @Override
        public String toString() {
            return name + " " + settings;
        }
    }

    static Stream<OptionSet> optionSets() {
        return Stream.of(
                OptionSet.excluding("top-level fields",
                        "shop.orders.string,shop.orders.documentArray,*.*.qty,edge.docs.a,*.*.old"),
                OptionSet.excluding("nested fields", "shop.orders.nested.a.b,*.*.nested.list,*.*.nested.gone,"
                        + "edge.docs.x.y.z,edge.docs.gone.with.dots.deeper,*.*.all.nested.a,edge.docs.s.w"),
                OptionSet.excluding("fields in arrays of documents", "shop.orders.documentArray.sku,*.*.history.at,"
                        + "edge.docs.a.b,edge.docs.list.x,shop.orders.mixedArray.x,edge.docs.a.a"),
                // Debezium fails on an update that truncates an array left out ("field can not be null"), or an
                // array above a field left out (shop.orders.tags.1)
                new OptionSet("arrays an update truncates", Map.of("field.exclude.list",
                        "edge.docs.arr,*.*.history.list,edge.docs.a.list,shop.orders.tags.1"), true, true),
                OptionSet.excluding("array indexes in the path", "edge.docs.a.0.b,edge.docs.tags.10,edge.docs.list.0"),
                OptionSet.excluding("the _id", "*.*._id"),
                new OptionSet("paths that are nowhere", Map.of("field.exclude.list", "shop.orders.nothere,"
                        + "*.*.nested.a.nothere.deeper,nowhere.*.qty,shop.orders.int32.below",
                        "field.renames", "shop.orders.missing:found,*.*.nested.a.b.c.d:e"), false, false),
                OptionSet.renaming("top-level renames", "shop.orders.string:text,*.*.name:title,*.*.tags:labels,"
                        + "edge.docs.arr:array,*.*.old:previous,edge.docs.t:time"),
                OptionSet.renaming("nested renames", "shop.orders.nested.a:alpha,*.*.nested.gone:went,"
                        + "edge.docs.x.y:why,edge.docs.a.b:bee,*.*.history.at:when,shop.orders.documentArray.qty:n,"
                        + "edge.docs.list.x:ex,*.*.all.nested.list:items"),
                OptionSet.both("exclusions and renames", "*.*.qty,shop.orders.nested.a.b.c,edge.docs.a",
                        "*.*.tags:labels,shop.orders.nested.a:alpha,*.*.qty:quantity,edge.docs.a.b:bee"),
                OptionSet.both("one collection, its name in other cases", "SHOP.Orders.int32,shop.orders.name",
                        "shop.orders.tags:labels"),
                OptionSet.both("wildcards and alternatives",
                        "*.*.int32,ed*.d*.x,shop|edge.docs.qty,inventaire.*.string", "shop.stock-items*.name:label"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optionSets")
    void recordsAreDebeziums(OptionSet options) throws Exception {
        DebeziumMongoEvents unfiltered = new DebeziumMongoEvents(PREFIX);
        DebeziumMongoEvents debezium = new DebeziumMongoEvents(PREFIX, options.settings());
        TributaryMongoEvents tributary = new TributaryMongoEvents(PREFIX, options.settings());
        Comparison comparison = new Comparison(EventJson.Window.openedNow());
        for (ChangeEvent event : events()) {
            comparison.add(event.toString(), EdgeEvents.datedByClock(event), unfiltered.change(event.decode()),
                    () -> debezium.change(event.decode()), () -> tributary.change(event.decode()));
        }
        List<MongoSource.Namespace> namespaces = snapshotNamespaces();
        comparison.add("snapshot", false, unfiltered.snapshot(namespaces, snapshotDocuments()),
                () -> debezium.snapshot(namespaces, snapshotDocuments()),
                () -> tributary.snapshot(namespaces, snapshotDocuments()));
        comparison.finish();
        System.out.printf("field filter %s: %d records compared, %d changed by the options, %d events refused by "
                + "both%n", options.name(), comparison.compared, comparison.changed, comparison.refused);

        if (!comparison.differences.isEmpty()) {
            Files.writeString(Path.of("target", "field-filter-differences-"
                    + options.name().replace(' ', '-') + ".txt"), String.join("\n\n", comparison.differences));
        }
        assertThat(comparison.differences.stream().limit(3).toList())
                .as("%s: %d differences, the first", options, comparison.differences.size()).isEmpty();
        assertThat(comparison.compared).as("records compared").isGreaterThan(800);
        assertThat(comparison.refused > 0).as("events refused by both").isEqualTo(options.refuses());
        if (options.changes()) {
            assertThat(comparison.changed).as("Debezium's records the options changed").isPositive();
        } else {
            assertThat(comparison.changed).as("Debezium's records the options changed").isZero();
        }
    }

    @Test
    void valuesDebeziumRefusesAreRefused() {
        List<String> excludeLists = List.of("db.c.f", "db.c.f.g.h", " db.c.f", "db.c.f ", "d b.c.f", "db.c .f",
                "*.*.f", "db|x.c.f-g", "db.c.f,", ",db.c.f", "db.c.f, db.c.g", "db.c.f,db.c", "db.c", "db", "",
                " ", "db..f", "db.c.$f", "db.c.😀", "bäse.c.f", "db.c.f:g", "db.c.*");
        List<String> renames = List.of("db.c.f:g", "db.c.f.g:h", "*.*.f:g", "db.c.f:g ", " db.c.f:g", "db.c.f :g",
                "db.c.f: g", "db.c.f", "db.c:g", "db.c.f:g:h", "db.c.f:", "db.c.f:g.h", "db.c.f:g,db.c.h:i",
                "db.c.f:g,", "db.c.f:$g", "");
        int refused = 0;
        for (String value : excludeLists) {
            refused += sameVerdict(MongoDbConnectorConfig.FIELD_EXCLUDE_LIST.name(), value);
        }
        for (String value : renames) {
            refused += sameVerdict(MongoDbConnectorConfig.FIELD_RENAMES.name(), value);
        }
        assertThat(refused).as("values refused by both").isGreaterThan(15);
    }

    /** 1 if both refuse {@code key=value}, 0 if both accept it; Tributary's problem names the value. */
    private static int sameVerdict(String key, String value) {
        int[] debeziumProblems = {0};
        Configuration config = Configuration.from(Map.of(key, value));
        MongoDbConnectorConfig.ALL_FIELDS.forEach(field -> {
            if (field.name().equals(key)) {
                field.validate(config, (f, v, problem) -> debeziumProblems[0]++);
            }
        });
        Map<String, String> raw = new HashMap<>(Map.of("topic.prefix", PREFIX, "mongodb.connection.string",
                "mongodb://localhost:27017/?replicaSet=rs0"));
        raw.put(key, value);
        List<ConfigProblem> problems = MongoSourceConfig.validate(raw, Set.of());
        assertThat(problems.isEmpty()).as("Tributary accepts %s='%s' (Debezium's problems: %d; Tributary's: %s)",
                key, value, debeziumProblems[0], problems).isEqualTo(debeziumProblems[0] == 0);
        if (!problems.isEmpty()) {
            assertThat(problems).singleElement().satisfies(problem -> {
                assertThat(problem.key()).isEqualTo(key);
                assertThat(problem.message()).contains("'" + value + "'", "<database>.<collection>.<field>");
            });
            return 1;
        }
        return 0;
    }

    private static List<ChangeEvent> events() {
        List<ChangeEvent> events = new ArrayList<>(EventCases.all());
        events.addAll(EdgeEvents.all());
        return events;
    }

    /** The format test's collections, then the edge test's. */
    private static List<MongoSource.Namespace> snapshotNamespaces() {
        List<MongoSource.Namespace> namespaces = new ArrayList<>(List.of(EventCases.ORDERS, EventCases.ITEMS));
        namespaces.addAll(MongoEdgeDifferentialTest.snapshotNamespaces());
        return namespaces;
    }

    /** Fresh documents on each call: Debezium's filter changes the documents it is given. */
    private static List<List<BsonDocument>> snapshotDocuments() {
        List<BsonValue> ids = BsonCatalogue.ids();
        List<List<BsonDocument>> documents = new ArrayList<>(List.of(
                ids.stream().map(BsonCatalogue::allTypes).toList(),
                ids.stream().map(id -> BsonCatalogue.small(id, 1)).toList()));
        MongoEdgeDifferentialTest.snapshotDocuments()
                .forEach(inCollection -> documents.add(inCollection.stream().map(BsonDocument::clone).toList()));
        return documents;
    }

    /** The records of each event under the options, both sides', compared after all are made (one clock window). */
    private static final class Comparison {
        private record Made(String what, boolean datedByClock, List<SourceRecord> unfiltered,
                List<SourceRecord> debeziums, List<ChangeRecord> tributarys) {
        }

        private final EventJson.Window opened;
        private final List<Made> made = new ArrayList<>();
        private final List<String> differences = new ArrayList<>();
        private int compared;
        private int changed;
        private int refused;

        Comparison(EventJson.Window opened) {
            this.opened = opened;
        }

        /** Both sides' records of one event; where either refuses it, the other must too. */
        void add(String what, boolean datedByClock, List<SourceRecord> unfiltered,
                Callable<List<SourceRecord>> debezium, Callable<List<ChangeRecord>> tributary) {
            Outcome<List<SourceRecord>> debeziums = Outcome.of(debezium);
            Outcome<List<ChangeRecord>> tributarys = Outcome.of(tributary);
            if (debeziums.failure() != null || tributarys.failure() != null) {
                if (debeziums.failure() == null || tributarys.failure() == null) {
                    differences.add(what + ": Debezium " + debeziums.describe() + ", Tributary "
                            + tributarys.describe());
                } else {
                    refused++;
                }
                return;
            }
            made.add(new Made(what, datedByClock, unfiltered, debeziums.value(), tributarys.value()));
        }

        void finish() {
            EventJson.Window closed = opened.closedNow();
            for (Made event : made) {
                EventJson.Window window = event.datedByClock() ? closed.withSourceClock() : closed;
                if (event.debeziums().size() != event.tributarys().size()) {
                    differences.add(event.what() + ": Debezium wrote " + event.debeziums().size() + " records, "
                            + "Tributary " + event.tributarys().size());
                    continue;
                }
                for (int r = 0; r < event.debeziums().size(); r++) {
                    compare(event.what() + ", record " + r, event.debeziums().get(r), event.tributarys().get(r),
                            window);
                    if (!EventJson.of(event.debeziums().get(r), false, window)
                            .equals(EventJson.of(event.unfiltered().get(r), false, window))) {
                        changed++;
                    }
                }
            }
        }

        private void compare(String what, SourceRecord debeziums, ChangeRecord tributarys, EventJson.Window window) {
            for (boolean schemas : new boolean[] {true, false}) {
                EventJson oracle = EventJson.of(debeziums, schemas, window);
                for (EventJson actual : List.of(EventJson.viaConnect(tributarys, schemas, window),
                        EventJson.viaEncoder(tributarys, schemas, window))) {
                    if (!oracle.equals(actual)) {
                        differences.add(what + " (schemas " + schemas + ")\n  Debezium:  "
                                + UnwrapComparison.abbreviated(oracle) + "\n  Tributary: "
                                + UnwrapComparison.abbreviated(actual));
                    }
                }
            }
            compared++;
        }
    }

    /** What a side made of an event: its records, or the exception it refused the event with. */
    private record Outcome<T>(T value, Exception failure) {
        static <T> Outcome<T> of(Callable<T> making) {
            try {
                return new Outcome<>(making.call(), null);
            } catch (Exception e) {
                return new Outcome<>(null, e);
            }
        }

        String describe() {
            if (failure == null) {
                return "made its records";
            }
            Throwable cause = failure;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            return "refused it: " + cause;
        }
    }
}
