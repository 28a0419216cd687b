package io.tributary.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.HashMap;
import java.util.Map;

import io.tributary.api.ChangeRecord;
import io.tributary.api.EventSchema;
import io.tributary.api.EventSchema.Type;
import io.tributary.api.config.ConfigException;
import org.junit.jupiter.api.Test;

/**
 * The unwrap options one by one, as Debezium 3.5 documents and behaves (every delete mode is also compared with
 * Debezium's own transform in compat's UnwrapDifferentialIT).
 */
class ExtractNewRecordStateTest {
    private static final EventSchema ROW = EventSchema.struct("p.db.t.Value", EventSchema.fieldsBuilder()
            .add("id", EventSchema.of(Type.INT32))
            .add("qty", EventSchema.of(Type.INT32).asOptional().withDefault(7))
            .build());
    private static final EventSchema SOURCE = EventSchema.struct("source", EventSchema.fieldsBuilder()
            .add("db", EventSchema.of(Type.STRING)).add("table", EventSchema.of(Type.STRING).asOptional())
            .add("ts_ms", EventSchema.of(Type.INT64)).build());
    private static final EventSchema ENVELOPE = EventSchema.struct("p.db.t.Envelope", EventSchema.fieldsBuilder()
            .add("before", ROW.asOptional()).add("after", ROW.asOptional()).add("source", SOURCE)
            .add("op", EventSchema.of(Type.STRING)).add("ts_ms", EventSchema.of(Type.INT64).asOptional()).build());

    private static ChangeRecord event(String op, Object[] before, Object[] after) {
        return new ChangeRecord("p.db.t", null, null, ENVELOPE,
                new Object[] {before, after, new Object[] {"db", "t", 1000L}, op, 2000L}, Map.of(), Map.of());
    }

    private static ExtractNewRecordState unwrap(String... settings) {
        Map<String, String> config = new HashMap<>();
        for (int i = 0; i < settings.length; i += 2) {
            config.put(settings[i], settings[i + 1]);
        }
        ExtractNewRecordState unwrap = new ExtractNewRecordState();
        unwrap.configure(config);
        return unwrap;
    }

    @Test
    void aChangeBecomesItsRowUnderTheRowSchemaNameNotOptional() {
        ChangeRecord row = unwrap().apply(event("u", new Object[] {1, 2}, new Object[] {1, 3}));

        assertThat((Object[]) row.value()).containsExactly(1, 3);
        assertThat(row.valueSchema().name()).contains("p.db.t.Value");
        assertThat(row.valueSchema().optional()).isFalse();
    }

    @Test
    void addFieldsNamesTopLevelSourceQualifiedAndAliasedFields() {
        ChangeRecord row = unwrap("add.fields", "op,table,source.ts_ms,ts_ms,db:database,missing",
                "add.fields.prefix", "_").apply(event("c", null, new Object[] {1, null}));

        assertThat(row.valueSchema().fields()).extracting(EventSchema.Field::name)
                .containsExactly("id", "qty", "_op", "_table", "_source_ts_ms", "_ts_ms", "_database");
        assertThat((Object[]) row.value()).containsExactly(1, null, "c", "t", 1000L, 2000L, "db");
        assertThat(row.valueSchema().field("_table").orElseThrow().schema().optional()).isTrue();
    }

    @Test
    void deletesAndTombstonesFollowTheMode() {
        ChangeRecord delete = event("d", new Object[] {1, null}, null);
        ChangeRecord tombstone = new ChangeRecord("p.db.t", null, null, null, null, Map.of(), Map.of());

        ChangeRecord asNull = unwrap().apply(delete);
        assertThat(asNull.value()).isNull();
        assertThat(asNull.valueSchema()).as("Connect's null under the row schema").isNotNull();
        assertThat(unwrap().apply(tombstone)).isNull();
        assertThat(unwrap("delete.tombstone.handling.mode", "drop").apply(delete)).isNull();
        assertThat(unwrap("delete.tombstone.handling.mode", "delete-to-tombstone").apply(delete).valueSchema())
                .isNull();
        ChangeRecord rewritten = unwrap("delete.tombstone.handling.mode", "rewrite").apply(delete);
        assertThat((Object[]) rewritten.value()).as("the null takes its default").containsExactly(1, 7, "true");
        assertThat(unwrap("delete.tombstone.handling.mode", "rewrite", "replace.null.with.default", "false")
                .apply(delete).value()).isEqualTo(new Object[] {1, null, "true"});
        assertThat(unwrap("delete.tombstone.handling.mode", "rewrite-with-tombstone").apply(tombstone))
                .isSameAs(tombstone);
    }

    @Test
    void truncatesAreDroppedAndOtherRecordsPassUnchanged() {
        assertThat(unwrap().apply(event("t", null, null))).isNull();
        EventSchema ddl = EventSchema.struct("io.debezium.connector.mysql.SchemaChangeValue",
                EventSchema.fieldsBuilder().add("ddl", EventSchema.of(Type.STRING)).build());
        ChangeRecord schemaChange = new ChangeRecord("p", null, null, ddl, new Object[] {"CREATE TABLE t"},
                Map.of(), Map.of());
        assertThat(unwrap().apply(schemaChange)).isSameAs(schemaChange);
    }

    @Test
    void routeByFieldTakesTheTopicFromTheRowBeforeOrAfter() {
        ExtractNewRecordState unwrap = unwrap("route.by.field", "qty", "delete.tombstone.handling.mode", "rewrite");

        assertThat(unwrap.apply(event("c", null, new Object[] {1, 5})).topic()).isEqualTo("5");
        assertThat(unwrap.apply(event("d", new Object[] {1, 6}, null)).topic()).isEqualTo("6");
        assertThat(unwrap.apply(event("c", null, new Object[] {1, null})).topic()).isEqualTo("p.db.t");
    }

    @Test
    void addHeadersCarriesEnvelopeFieldsAsOptionalHeadersAndOnlyOpOnATombstone() {
        ExtractNewRecordState unwrap = unwrap("add.headers", "op,source.ts_ms,db:database,missing",
                "add.headers.prefix", "h_", "delete.tombstone.handling.mode", "rewrite-with-tombstone");

        ChangeRecord row = unwrap.apply(event("u", new Object[] {1, 2}, new Object[] {1, 3}));
        assertThat(row.headers()).extracting(ChangeRecord.Header::key, ChangeRecord.Header::value)
                .containsExactly(tuple("h_op", "u"), tuple("h_source_ts_ms", 1000L), tuple("h_database", "db"));
        assertThat(row.headers()).allMatch(header -> header.schema().optional());
        assertThat(row.valueSchema().fields()).as("headers, not fields").hasSize(3);

        ChangeRecord tombstone = unwrap.apply(new ChangeRecord("p.db.t", null, null, null, null, Map.of(), Map.of()));
        assertThat(tombstone.headers()).extracting(ChangeRecord.Header::key, ChangeRecord.Header::value)
                .containsExactly(tuple("h_op", "d"));
    }

    @Test
    void aTombstoneAfterItsDeleteAlsoCarriesTheDeletesHeadersAsDebeziumsSharedHeadersDo() {
        ExtractNewRecordState unwrap = unwrap("add.headers", "op,db",
                "delete.tombstone.handling.mode", "rewrite-with-tombstone");

        unwrap.apply(event("d", new Object[] {1, 2}, null));
        ChangeRecord tombstone = unwrap.apply(new ChangeRecord("p.db.t", null, null, null, null, Map.of(), Map.of()));

        assertThat(tombstone.headers()).extracting(ChangeRecord.Header::key, ChangeRecord.Header::value)
                .containsExactly(tuple("__op", "d"), tuple("__db", "db"), tuple("__op", "d"));
    }

    @Test
    void unsupportedOptionsAreRefusedNotIgnored() {
        assertThatThrownBy(() -> unwrap("add.fields.prefix", "", "delete.tombstone.handling.mode", "sometimes"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("delete.tombstone.handling.mode")
                .hasMessageContaining("sometimes");
    }
}
