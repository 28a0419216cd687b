package io.tributary.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.tributary.api.EventSchema;
import io.tributary.api.EventSchema.Type;
import io.tributary.core.convert.ConnectStringEncoder;
import io.tributary.core.json.ConnectJsonEncoder;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.storage.StringConverter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConnectSchemasTest {
    private static final EventSchema POINT = EventSchema.struct("io.debezium.data.geometry.Point",
            EventSchema.fieldsBuilder()
                    .add("x", EventSchema.of(Type.FLOAT64))
                    .add("y", EventSchema.of(Type.FLOAT64))
                    .build()).withVersion(1).withDoc("Geometry (POINT)").asOptional();
    private static final EventSchema ROW = EventSchema.struct("shop.orders.Value", EventSchema.fieldsBuilder()
            .add("id", EventSchema.of(Type.INT64))
            .add("qty", EventSchema.of(Type.INT16).withDefault((short) 1))
            .add("price", EventSchema.of(Type.BYTES).withName(EventSchema.DECIMAL, 1)
                    .withParameter("scale", "2").withParameter("connect.decimal.precision", "10").asOptional())
            .add("tags", EventSchema.array(EventSchema.of(Type.STRING)).asOptional())
            .add("place", POINT)
            .add("status", EventSchema.of(Type.STRING).withName("io.debezium.data.Enum", 1)
                    .withParameter("allowed", "new,paid").asOptional())
            .build()).asOptional();

    /**
     * The Connect plugin and the standalone runtime must write the same bytes: Connect's JsonConverter applied to
     * the converted schema and value equals Tributary's own encoder.
     */
    @ParameterizedTest(name = "schemas.enable={0}")
    @ValueSource(booleans = {true, false})
    void jsonConverterOfConvertedRecordsEqualsTributarysEncoder(boolean schemas) {
        Object[] row = {42L, null, new BigDecimal("12.50"), List.of("a", "b"), new Object[] {1.5, -2.0}, "paid"};
        ConnectSchemas connect = new ConnectSchemas();
        JsonConverter converter = new JsonConverter();
        converter.configure(Map.of("schemas.enable", String.valueOf(schemas)), false);

        byte[] viaConnect = converter.fromConnectData("t", connect.schema(ROW), connect.value(ROW, row));
        byte[] direct = new ConnectJsonEncoder(schemas).encode(ROW, row);

        assertThat(new String(viaConnect, StandardCharsets.UTF_8)).isEqualTo(new String(direct, StandardCharsets.UTF_8));
    }

    /**
     * Connect's Date, Time and Timestamp (time.precision.mode=connect) are {@code java.util.Date}s in Connect, which
     * its converters insist on, and the numbers Connect writes for them in Tributary: JsonConverter of the converted
     * value equals Tributary's encoder, and the value comes back as it went.
     */
    @Test
    void connectsTimeTypesAreDatesInConnectAndNumbersInTributary() {
        EventSchema times = EventSchema.struct("shop.times.Value", EventSchema.fieldsBuilder()
                .add("day", EventSchema.of(Type.INT32).withName("org.apache.kafka.connect.data.Date", 1))
                .add("time", EventSchema.of(Type.INT32).withName("org.apache.kafka.connect.data.Time", 1)
                        .asOptional())
                .add("ts", EventSchema.of(Type.INT64).withName("org.apache.kafka.connect.data.Timestamp", 1)
                        .withDefault(0L))
                .build());
        Object[] row = {-719_162, 86_399_999, 1_700_000_000_123L};
        ConnectSchemas connect = new ConnectSchemas();
        JsonConverter converter = new JsonConverter();
        converter.configure(Map.of("schemas.enable", "true"), false);

        Object connectValue = connect.value(times, row);
        byte[] viaConnect = converter.fromConnectData("t", connect.schema(times), connectValue);

        assertThat(new String(viaConnect, StandardCharsets.UTF_8))
                .isEqualTo(new String(new ConnectJsonEncoder(true).encode(times, row), StandardCharsets.UTF_8));
        ConnectRecords back = new ConnectRecords();
        var record = back.toChangeRecord(new org.apache.kafka.connect.source.SourceRecord(Map.of(), Map.of(), "t",
                null, null, connect.schema(times), connectValue));
        assertThat((Object[]) record.value()).containsExactly(row);
    }

    /**
     * StringConverter keys (seed 003's): Connect's StringConverter of the converted struct equals Tributary's own
     * encoder — null fields left out, nested structs, arrays, decimals and floating-point numbers as Java prints
     * them; bytes, which Debezium's records hold as a ByteBuffer, as that buffer prints itself.
     */
    @Test
    void stringConverterOfConvertedRecordsEqualsTributarysEncoder() {
        Object[] row = {42L, null, new BigDecimal("12.50"), List.of("a", "b"), new Object[] {1.5, -2.0E-10}, "paid"};
        ConnectSchemas connect = new ConnectSchemas();
        StringConverter converter = new StringConverter();
        converter.configure(Map.of(), true);

        byte[] viaConnect = converter.fromConnectData("t", connect.schema(ROW), connect.value(ROW, row));
        byte[] direct = new ConnectStringEncoder().encode(ROW, row);

        assertThat(new String(direct, StandardCharsets.UTF_8)).isEqualTo(new String(viaConnect, StandardCharsets.UTF_8))
                .isEqualTo("Struct{id=42,price=12.50,tags=[a, b],place=Struct{x=1.5,y=-2.0E-10},status=paid}");
        EventSchema binaryKey = EventSchema.struct("t.Key", EventSchema.fieldsBuilder()
                .add("id", EventSchema.of(Type.BYTES)).build());
        assertThat(new String(new ConnectStringEncoder().encode(binaryKey, new Object[] {new byte[16]}),
                StandardCharsets.UTF_8)).isEqualTo("Struct{id=" + java.nio.ByteBuffer.wrap(new byte[16]) + "}");
        assertThat(new ConnectStringEncoder().encode(binaryKey, null)).isNull();
    }

    @Test
    void schemasAreBuiltOncePerTableVersion() {
        ConnectSchemas connect = new ConnectSchemas();

        Schema first = connect.schema(ROW);

        assertThat(connect.schema(ROW)).isSameAs(first);
        assertThat(first.field("place").schema().doc()).isEqualTo("Geometry (POINT)");
        assertThat(connect.schema(null)).isNull();
        assertThat(connect.value(ROW, null)).isNull();
    }
}
