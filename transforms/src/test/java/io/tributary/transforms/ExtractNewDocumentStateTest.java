package io.tributary.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.tributary.api.ChangeRecord;
import io.tributary.api.EventSchema;
import io.tributary.api.EventSchema.Type;
import io.tributary.api.config.ConfigException;
import org.junit.jupiter.api.Test;

/**
 * Debezium's MongoDB unwrap on events shaped as Debezium's MongoDB connector writes them (only the envelope fields the
 * transform reads are built here). The expected structs are those Debezium 3.5's transform makes of the same
 * documents.
 */
class ExtractNewDocumentStateTest {
    private static final EventSchema JSON = EventSchema.of(Type.STRING).asOptional()
            .withName("io.debezium.data.Json", 1);
    private static final EventSchema KEY = EventSchema.struct("docdb.shop.products.Key", EventSchema.fieldsBuilder()
            .add("id", EventSchema.of(Type.STRING)).build());
    private static final EventSchema DESCRIPTION = EventSchema.struct("io.debezium.connector.mongodb.changestream"
            + ".updatedescription", EventSchema.fieldsBuilder()
                    .add("removedFields", EventSchema.array(EventSchema.of(Type.STRING)).asOptional())
                    .add("updatedFields", JSON)
                    .build()).asOptional();
    private static final EventSchema ENVELOPE = EventSchema.struct("docdb.shop.products.Envelope",
            EventSchema.fieldsBuilder()
                    .add("before", JSON)
                    .add("after", JSON)
                    .add("updateDescription", DESCRIPTION)
                    .add("op", EventSchema.of(Type.STRING).asOptional())
                    .build());

    private final ExtractNewDocumentState unwrap = new ExtractNewDocumentState();

    @Test
    void aDocumentBecomesAStructOfItsOwnShape() {
        unwrap.configure(Map.of());
        ChangeRecord record = unwrap.apply(event("{\"$oid\": \"64b7f0c2a1b2c3d4e5f60718\"}", "c",
                "{\"_id\": {\"$oid\": \"64b7f0c2a1b2c3d4e5f60718\"},\"name\": \"x\",\"n\": 5,\"big\": {\"$numberLong\": "
                        + "\"1234567890123\"},\"d\": 1.5,\"when\": {\"$date\": 1700000000000},\"nested\": {\"a\": [1,2]},"
                        + "\"tags\": [{\"k\": \"a\"},{\"k\": \"b\",\"v\": 2}]}", null));

        assertThat(record.keySchema().name()).isEmpty();
        assertThat(record.keySchema().fields()).singleElement().satisfies(field -> {
            assertThat(field.name()).isEqualTo("id");
            assertThat(field.schema()).isEqualTo(EventSchema.of(Type.STRING).asOptional());
        });
        assertThat((Object[]) record.key()).containsExactly("64b7f0c2a1b2c3d4e5f60718");
        EventSchema value = record.valueSchema();
        assertThat(value.name()).contains("docdb.shop.products");
        assertThat(value.optional()).isFalse();
        assertThat(value.fields()).extracting(EventSchema.Field::name)
                .containsExactly("_id", "name", "n", "big", "d", "when", "nested", "tags");
        assertThat(value.field("big").orElseThrow().schema()).isEqualTo(EventSchema.of(Type.INT64).asOptional());
        assertThat(value.field("when").orElseThrow().schema().name()).contains("org.apache.kafka.connect.data.Timestamp");
        assertThat(value.field("nested").orElseThrow().schema().name()).contains("docdb.shop.products.nested");
        EventSchema tags = value.field("tags").orElseThrow().schema();
        assertThat(tags.items().orElseThrow().name()).contains("docdb.shop.products.tags");
        assertThat(tags.items().orElseThrow().fields()).extracting(EventSchema.Field::name).containsExactly("k", "v");
        Object[] struct = (Object[]) record.value();
        assertThat(Arrays.asList(struct).subList(0, 6)).containsExactly("64b7f0c2a1b2c3d4e5f60718", "x", 5,
                1234567890123L, 1.5, 1700000000000L);
        assertThat((Object[]) struct[6]).containsExactly(List.of(1, 2));
        assertThat((List<?>) struct[7]).hasSize(2);
    }

    @Test
    void anUpdateWithoutTheDocumentBecomesItsUpdatedFieldsAndId() {
        ChangeRecord record = unwrap.apply(event("5", "u", null, new Object[] {List.of("gone"),
            "{\"name\": \"y\", \"nested.a\": [1], \"gone\": 1}"}));

        assertThat(record.valueSchema().fields()).extracting(EventSchema.Field::name)
                .containsExactly("name", "nested.a", "_id");
        assertThat((Object[]) record.value()).containsExactly("y", List.of(1), 5);
    }

    @Test
    void aDeleteBecomesATombstoneAndTheSourcesTombstoneIsDropped() {
        ChangeRecord delete = unwrap.apply(event("\"abc\"", "d", null, null));

        assertThat(delete.value()).isNull();
        assertThat(delete.valueSchema()).isNull();
        assertThat((Object[]) delete.key()).containsExactly("abc");
        assertThat(unwrap.apply(new ChangeRecord("docdb.shop.products", KEY, new Object[] {"\"abc\""}, null, null,
                Map.of(), Map.of()))).isNull();
    }

    @Test
    void otherRecordsPassAndOptionsNotSupportedAreRefused() {
        ChangeRecord row = new ChangeRecord("t", null, null, EventSchema.of(Type.STRING), "x", Map.of(), Map.of());

        assertThat(unwrap.apply(row)).isSameAs(row);
        assertThatThrownBy(() -> unwrap.configure(Map.of("array.encoding", "document", "route.by.field", "kind",
                "field.name.adjustment.mode", "avro")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("array.encoding")
                .hasMessageContaining("route.by.field").hasMessageContaining("ignores it")
                .hasMessageContaining("field.name.adjustment.mode");
    }

    private static ChangeRecord event(String id, String op, String after, Object[] description) {
        return new ChangeRecord("docdb.shop.products", KEY, new Object[] {id}, ENVELOPE,
                new Object[] {null, after, description, op}, Map.of(), Map.of());
    }
}
