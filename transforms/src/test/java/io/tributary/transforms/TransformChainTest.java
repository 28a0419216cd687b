package io.tributary.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import io.tributary.api.ChangeRecord;
import io.tributary.api.EventSchema;
import io.tributary.api.config.ConfigException;
import org.junit.jupiter.api.Test;

class TransformChainTest {
    private static final EventSchema VALUE = EventSchema.of(EventSchema.Type.STRING);

    private static ChangeRecord record(String topic, String value) {
        return new ChangeRecord(topic, null, null, value == null ? null : VALUE, value, Map.of("server", "s"),
                Map.of("pos", 1L));
    }

    @Test
    void regexRouterRenamesMatchingTopicsOnly() {
        TransformChain chain = TransformChain.of(Map.of("transforms", "route",
                "transforms.route.type", "org.apache.kafka.connect.transforms.RegexRouter",
                "transforms.route.regex", "shop\\.shop\\.(.*)", "transforms.route.replacement", "orders-$1"));

        assertThat(chain.apply(List.of(record("shop.shop.items", "a"), record("shop", "ddl"))))
                .extracting(ChangeRecord::topic).containsExactly("orders-items", "shop");
    }

    @Test
    void aPredicateGatesItsTransformAndNegateInvertsIt() {
        Map<String, String> config = new java.util.HashMap<>(Map.of("transforms", "dropTombstones",
                "transforms.dropTombstones.type", "Filter", "transforms.dropTombstones.predicate", "isTombstone",
                "predicates", "isTombstone", "predicates.isTombstone.type",
                "org.apache.kafka.connect.transforms.predicates.RecordIsTombstone"));
        List<ChangeRecord> records = List.of(record("t", "a"), record("t", null), record("t", "b"));

        assertThat(TransformChain.of(config).apply(records)).extracting(ChangeRecord::value).containsExactly("a", "b");
        config.put("transforms.dropTombstones.negate", "true");
        assertThat(TransformChain.of(config).apply(records)).extracting(ChangeRecord::value).containsExactly((Object) null);
    }

    @Test
    void stepsApplyInOrder() {
        TransformChain chain = TransformChain.of(Map.of("transforms", "route,dropRouted",
                "transforms.route.type", "RegexRouter", "transforms.route.regex", "a", "transforms.route.replacement", "b",
                "transforms.dropRouted.type", "Filter", "transforms.dropRouted.predicate", "isB",
                "predicates", "isB", "predicates.isB.type", "TopicNameMatches", "predicates.isB.pattern", "b"));

        assertThat(chain.apply(List.of(record("a", "1"), record("c", "2")))).extracting(ChangeRecord::topic)
                .containsExactly("c");
    }

    @Test
    void everyProblemIsReportedUnderItsFullKey() {
        assertThatThrownBy(() -> TransformChain.of(Map.of("transforms", "unwrap,route,gate",
                "transforms.unwrap.type", "com.example.Nope",
                "transforms.route.type", "RegexRouter", "transforms.route.regex", "(unclosed",
                "transforms.gate.type", "Filter", "transforms.gate.predicate", "missing",
                "transforms.gate.negate", "maybe")))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).hasSize(5))
                .hasMessageContaining("transforms.unwrap.type: unknown type 'com.example.Nope': expected one of "
                        + "io.debezium.connector.mongodb.transforms.ExtractNewDocumentState, "
                        + "io.debezium.transforms.ExtractNewRecordState, io.tributary.transforms.ExtractNewDocumentState, "
                        + "io.tributary.transforms.ExtractNewRecordState, "
                        + "org.apache.kafka.connect.transforms.Filter, org.apache.kafka.connect.transforms.RegexRouter")
                .hasMessageContaining("transforms.route.regex")
                .hasMessageContaining("transforms.route.replacement")
                .hasMessageContaining("transforms.gate.predicate: names predicate 'missing', which is not listed")
                .hasMessageContaining("transforms.gate.negate: expected true or false, found 'maybe'");
    }

    @Test
    void noTransformsIsAnEmptyChain() {
        assertThat(TransformChain.of(Map.of()).isEmpty()).isTrue();
    }
}
