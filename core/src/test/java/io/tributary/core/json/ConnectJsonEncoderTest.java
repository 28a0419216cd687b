package io.tributary.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.tributary.api.EventSchema;
import io.tributary.api.EventSchema.Type;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.json.JsonConverter;
import org.junit.jupiter.api.Test;

class ConnectJsonEncoderTest {
    private static final EventSchema ROW = EventSchema.struct("shop.orders.Value", EventSchema.fieldsBuilder()
            .add("id", EventSchema.of(Type.INT32))
            .add("price", EventSchema.of(Type.BYTES).withName(EventSchema.DECIMAL, 1)
                    .withParameter("scale", "2").withParameter("connect.decimal.precision", "10").asOptional())
            .add("status", EventSchema.of(Type.STRING).withDefault("new"))
            .add("weight", EventSchema.of(Type.FLOAT32).asOptional())
            .build()).asOptional();

    @Test
    void writesSchemaAndPayloadAsJsonConverterDoes() {
        byte[] json = new ConnectJsonEncoder(true).encode(ROW, new Object[] {7, new BigDecimal("12345678.90"), "paid", 1.5f});

        assertThat(new String(json, StandardCharsets.UTF_8)).isEqualTo("{\"schema\":{\"type\":\"struct\",\"fields\":["
                + "{\"type\":\"int32\",\"optional\":false,\"field\":\"id\"},"
                + "{\"type\":\"bytes\",\"optional\":true,\"name\":\"org.apache.kafka.connect.data.Decimal\",\"version\":1,"
                + "\"parameters\":{\"scale\":\"2\",\"connect.decimal.precision\":\"10\"},\"field\":\"price\"},"
                + "{\"type\":\"string\",\"optional\":false,\"default\":\"new\",\"field\":\"status\"},"
                + "{\"type\":\"float\",\"optional\":true,\"field\":\"weight\"}],"
                + "\"optional\":true,\"name\":\"shop.orders.Value\"},"
                + "\"payload\":{\"id\":7,\"price\":\"SZYC0g==\",\"status\":\"paid\",\"weight\":1.5}}");
    }

    @Test
    void withoutSchemasWritesThePayloadOnlyAndReplacesNullWithTheDefault() {
        byte[] json = new ConnectJsonEncoder(false).encode(ROW, new Object[] {7, null, null, null});

        assertThat(new String(json, StandardCharsets.UTF_8))
                .isEqualTo("{\"id\":7,\"price\":null,\"status\":\"new\",\"weight\":null}");
    }

    @Test
    void encodingIntoABufferAppendsTheBytesEncodeGives() {
        for (boolean schemas : new boolean[] {true, false}) {
            ConnectJsonEncoder encoder = new ConnectJsonEncoder(schemas);
            Object[] first = {7, new BigDecimal("12345678.90"), "paid", 1.5f};
            Object[] second = {8, null, null, null};
            ByteSink buffer = new ByteSink(16);
            buffer.write('>');

            assertThat(encoder.encodeTo(ROW, first, buffer)).isTrue();
            assertThat(encoder.encodeTo(ROW, second, buffer)).isTrue();
            assertThat(encoder.encodeTo(null, null, buffer)).isFalse();

            ByteSink expected = new ByteSink();
            expected.write('>');
            expected.write(encoder.encode(ROW, first));
            expected.write(encoder.encode(ROW, second));
            assertThat(buffer.view()).isEqualTo(expected.view());
        }
    }

    @Test
    void arraysOfStructsMatchJsonConverter() {
        EventSchema item = EventSchema.struct("item", EventSchema.fieldsBuilder()
                .add("name", EventSchema.of(Type.STRING)).add("count", EventSchema.of(Type.INT64)).build());
        EventSchema list = EventSchema.array(item).asOptional();

        String json = new String(new ConnectJsonEncoder(true).encode(list,
                java.util.List.of(new Object[] {"a", 1L}, new Object[] {"b", 2L})), StandardCharsets.UTF_8);

        assertThat(json).isEqualTo("{\"schema\":{\"type\":\"array\",\"items\":{\"type\":\"struct\",\"fields\":["
                + "{\"type\":\"string\",\"optional\":false,\"field\":\"name\"},"
                + "{\"type\":\"int64\",\"optional\":false,\"field\":\"count\"}],\"optional\":false,\"name\":\"item\"},"
                + "\"optional\":true},\"payload\":[{\"name\":\"a\",\"count\":1},{\"name\":\"b\",\"count\":2}]}");
    }

    @Test
    void notFiniteFloatsAreWrittenAsJsonConverterWritesThem() {
        JsonConverter converter = new JsonConverter();
        converter.configure(Map.of("schemas.enable", "false"), false);
        ConnectJsonEncoder encoder = new ConnectJsonEncoder(false);
        for (double value : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 1.0E21}) {
            assertThat(new String(encoder.encode(EventSchema.of(Type.FLOAT64), value), StandardCharsets.UTF_8))
                    .isEqualTo(new String(converter.fromConnectData("t", Schema.FLOAT64_SCHEMA, value),
                            StandardCharsets.UTF_8));
        }
        for (float value : new float[] {Float.NaN, Float.NEGATIVE_INFINITY, 2.5f}) {
            assertThat(new String(encoder.encode(EventSchema.of(Type.FLOAT32), value), StandardCharsets.UTF_8))
                    .isEqualTo(new String(converter.fromConnectData("t", Schema.FLOAT32_SCHEMA, value),
                            StandardCharsets.UTF_8));
        }
    }

    @Test
    void tombstoneIsNull() {
        assertThat(new ConnectJsonEncoder(true).encode(null, null)).isNull();
    }

    @Test
    void stringsAreEscapedExactlyAsJsonConverterEscapesThem() {
        JsonConverter converter = new JsonConverter();
        converter.configure(Map.of("schemas.enable", "true"), false);
        ConnectJsonEncoder encoder = new ConnectJsonEncoder(true);
        for (int start = 0; start < 0x10000; start += 64) {
            StringBuilder chunk = new StringBuilder();
            for (int c = start; c < start + 64; c++) {
                chunk.append((char) c);
            }
            chunk.append("😀");

            String expected = new String(converter.fromConnectData("t", Schema.STRING_SCHEMA, chunk.toString()),
                    StandardCharsets.UTF_8);
            String actual = new String(encoder.encode(EventSchema.of(Type.STRING), chunk.toString()),
                    StandardCharsets.UTF_8);

            assertThat(actual).as("characters from U+%04X", start).isEqualTo(expected);
        }
    }

    @Test
    void floatingPointNumbersMatchJsonConverter() {
        JsonConverter converter = new JsonConverter();
        converter.configure(Map.of("schemas.enable", "false"), false);
        ConnectJsonEncoder encoder = new ConnectJsonEncoder(false);
        for (double value : new double[] {0.1, 1e10, 1.0E-7, -2.5, 123456789.125, Double.MIN_VALUE, 3.4028235E38}) {
            assertThat(encoder.encode(EventSchema.of(Type.FLOAT64), value))
                    .isEqualTo(converter.fromConnectData("t", Schema.FLOAT64_SCHEMA, value));
            assertThat(encoder.encode(EventSchema.of(Type.FLOAT32), (float) value))
                    .isEqualTo(converter.fromConnectData("t", Schema.FLOAT32_SCHEMA, (float) value));
        }
    }

    @Test
    void valuesRepeatingFromOneRecordToTheNextAreWrittenAsAFreshEncoderWritesThem() {
        EventSchema schema = EventSchema.struct("t.Value", EventSchema.fieldsBuilder()
                .add("ts", EventSchema.of(Type.INT64))
                .add("count", EventSchema.of(Type.INT32).asOptional())
                .add("file", EventSchema.of(Type.STRING))
                .add("note", EventSchema.of(Type.STRING).asOptional())
                .build());
        long[] numbers = {0, 7, -7, 1_767_225_600_123L, 1_767_225_600_124L, Long.MIN_VALUE, Long.MAX_VALUE};
        String[] texts = {"mariadb-bin.000001", "mariadb-bin.000002", "", "quote \" and \\", "ünïcødé ✓",
            "x".repeat(127), "y".repeat(128), "z".repeat(300)};
        ConnectJsonEncoder shared = new ConnectJsonEncoder(false);
        java.util.Random random = new java.util.Random(11);
        for (int i = 0; i < 3_000; i++) {
            // the same instances again and again, interleaved, and now and then an equal string that is another instance
            String file = texts[random.nextInt(texts.length)];
            Object[] value = {numbers[random.nextInt(numbers.length)],
                random.nextInt(4) == 0 ? null : (int) numbers[random.nextInt(2)],
                random.nextInt(10) == 0 ? new String(file) : file,
                random.nextInt(3) == 0 ? null : texts[random.nextInt(texts.length)]};

            assertThat(new String(shared.encode(schema, value), StandardCharsets.UTF_8))
                    .isEqualTo(new String(new ConnectJsonEncoder(false).encode(schema, value), StandardCharsets.UTF_8));
        }
    }

    @Test
    void integersMatchJsonConverterAtEveryLength() {
        JsonConverter converter = new JsonConverter();
        converter.configure(Map.of("schemas.enable", "false"), false);
        ConnectJsonEncoder encoder = new ConnectJsonEncoder(false);
        java.util.List<Long> values = new java.util.ArrayList<>(java.util.List.of(0L, Long.MAX_VALUE, Long.MIN_VALUE,
                Long.MIN_VALUE + 1));
        for (long power = 1; power > 0 && power <= Long.MAX_VALUE / 10; power *= 10) {
            values.addAll(java.util.List.of(power, power - 1, -power, 1 - power, power * 9 + 1));
        }
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 5_000; i++) {
            values.add(random.nextLong() >> random.nextInt(64)); // every magnitude, both signs
        }
        for (long value : values) {
            assertThat(new String(encoder.encode(EventSchema.of(Type.INT64), value), StandardCharsets.UTF_8))
                    .isEqualTo(new String(converter.fromConnectData("t", Schema.INT64_SCHEMA, value),
                            StandardCharsets.UTF_8));
        }
        assertThat(encoder.encode(EventSchema.of(Type.INT8), (byte) -128))
                .isEqualTo(converter.fromConnectData("t", Schema.INT8_SCHEMA, (byte) -128));
        assertThat(encoder.encode(EventSchema.of(Type.INT32), Integer.MIN_VALUE))
                .isEqualTo(converter.fromConnectData("t", Schema.INT32_SCHEMA, Integer.MIN_VALUE));
        assertThat(encoder.encode(EventSchema.of(Type.INT16), (short) 12_345))
                .isEqualTo(converter.fromConnectData("t", Schema.INT16_SCHEMA, (short) 12_345));
    }

    @Test
    void decimalsMatchJsonConverterForSmallAndLargeUnscaledValues() {
        JsonConverter converter = new JsonConverter();
        converter.configure(Map.of("schemas.enable", "true"), false);
        ConnectJsonEncoder encoder = new ConnectJsonEncoder(true);
        for (String text : new String[] {"0", "0.00", "1", "-1", "127", "128", "-128", "-129", "255", "256",
            "32767.99", "-32768.01", "12345678.90", "-99999999.99", "9223372036854775807", "-9223372036854775808",
            "9223372036854775808", "-9223372036854775809", "123456789012345678901234567890.123456789"}) {
            BigDecimal value = new BigDecimal(text);
            EventSchema schema = EventSchema.of(Type.BYTES).withName(EventSchema.DECIMAL, 1)
                    .withParameter("scale", String.valueOf(value.scale()));
            Schema connect = org.apache.kafka.connect.data.Decimal.schema(value.scale());

            assertThat(new String(encoder.encode(schema, value), StandardCharsets.UTF_8)).as(text)
                    .isEqualTo(new String(converter.fromConnectData("t", connect, value), StandardCharsets.UTF_8));
        }
    }

    @Test
    void bytesOfEveryLengthMatchJsonConverter() {
        JsonConverter converter = new JsonConverter();
        converter.configure(Map.of("schemas.enable", "false"), false);
        ConnectJsonEncoder encoder = new ConnectJsonEncoder(false);
        for (int length = 0; length < 10; length++) {
            byte[] value = new byte[length];
            for (int i = 0; i < length; i++) {
                value[i] = (byte) (0xF7 * (i + 1));
            }
            assertThat(encoder.encode(EventSchema.of(Type.BYTES), value))
                    .isEqualTo(converter.fromConnectData("t", Schema.BYTES_SCHEMA, value));
        }
    }
}
