package io.tributary.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import io.tributary.api.ChangeRecord.Header;
import io.tributary.api.EventSchema;
import io.tributary.api.EventSchema.Type;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.storage.SimpleHeaderConverter;
import org.junit.jupiter.api.Test;

/** Header bytes against Kafka Connect's own default header converter, value by value. */
class HeaderTextTest {
    private final SimpleHeaderConverter connect = new SimpleHeaderConverter();

    @Test
    void writesWhatConnectsDefaultHeaderConverterWrites() {
        record Case(EventSchema schema, Schema connectSchema, Object value) {
        }
        List<Case> cases = List.of(
                new Case(EventSchema.of(Type.STRING), Schema.STRING_SCHEMA, "d"),
                new Case(EventSchema.of(Type.STRING), Schema.STRING_SCHEMA, "naïve \"quoted\" text"),
                new Case(EventSchema.of(Type.INT64), Schema.INT64_SCHEMA, 1_763_800_000_123L),
                new Case(EventSchema.of(Type.INT32), Schema.INT32_SCHEMA, -42),
                new Case(EventSchema.of(Type.FLOAT64), Schema.FLOAT64_SCHEMA, 2.5),
                new Case(EventSchema.of(Type.BOOLEAN), Schema.BOOLEAN_SCHEMA, true),
                new Case(EventSchema.of(Type.BYTES), Schema.BYTES_SCHEMA, new byte[] {0, 1, (byte) 0xff}),
                new Case(EventSchema.of(Type.BYTES).withName(EventSchema.DECIMAL, 1), Decimal.schema(2),
                        new BigDecimal("12.50")),
                new Case(EventSchema.of(Type.STRING).asOptional(), Schema.OPTIONAL_STRING_SCHEMA, null));

        for (Case c : cases) {
            assertThat(HeaderText.encode(new Header("h", c.schema(), c.value())))
                    .as("%s", c.value())
                    .isEqualTo(connect.fromConnectHeader("topic", "h", c.connectSchema(), c.value()));
        }
    }

    @Test
    void writesStructsAndArraysAsConnectsValuesText() {
        EventSchema key = EventSchema.struct("shop.items.Key", EventSchema.fieldsBuilder()
                .add("id", EventSchema.of(Type.INT32)).add("code", EventSchema.of(Type.STRING))
                .add("tags", EventSchema.array(EventSchema.of(Type.STRING)).asOptional()).build());
        Schema connectKey = SchemaBuilder.struct().name("shop.items.Key").field("id", Schema.INT32_SCHEMA)
                .field("code", Schema.STRING_SCHEMA)
                .field("tags", SchemaBuilder.array(Schema.STRING_SCHEMA).optional().build()).build();
        Struct connectValue = new Struct(connectKey).put("id", 4).put("code", "a\"b\\c")
                .put("tags", List.of("x", "y"));

        assertThat(HeaderText.encode(new Header("__debezium.newkey", key,
                new Object[] {4, "a\"b\\c", List.of("x", "y")})))
                .asString(java.nio.charset.StandardCharsets.UTF_8)
                .isEqualTo(new String(connect.fromConnectHeader("t", "h", connectKey, connectValue),
                        java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void refusesWhatConnectCannotWriteNamingTheHeader() {
        assertThatThrownBy(() -> HeaderText.encode(new Header("__when", EventSchema.of(Type.STRING),
                new Object())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'__when'");
    }
}
