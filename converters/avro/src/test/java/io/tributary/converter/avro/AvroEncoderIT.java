package io.tributary.converter.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.apicurio.registry.utils.converter.AvroConverter;
import io.tributary.api.EventSchema;
import io.tributary.api.EventSchema.Type;
import io.tributary.api.SinkException;
import io.tributary.connect.ConnectBridge;
import io.tributary.source.mysql.event.ServerFlavor;
import io.tributary.source.mysql.event.SourceInfo;
import io.tributary.testkit.TestingSchemaRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tributary's Avro encoder against the converter Debezium's images ship — Apicurio Registry's {@code AvroConverter},
 * in Confluent's wire format — on a real registry: for Debezium's envelope with every kind of field Debezium's MySQL
 * connector gives a column, and for keys, both write the same bytes, so both register the same schema text (the same
 * content id) and encode every value alike.
 */
class AvroEncoderIT {
    private static TestingSchemaRegistry registry;
    private final ConnectBridge bridge = new ConnectBridge();

    @BeforeAll
    static void startRegistry() {
        registry = TestingSchemaRegistry.create();
    }

    @AfterAll
    static void stopRegistry() {
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void writesTheBytesApicuriosConverterWritesForDebeziumsEnvelope() {
        EventSchema value = Catalogue.envelope("shop.inventory.products");
        AvroConverter<?> converter = apicurio(false);
        AvroEncoder encoder = tributary(false, true);
        List<Object> values = Catalogue.envelopeValues(value);
        for (Object event : values) {
            byte[] expected = converter.fromConnectData("shop.inventory.products", bridge.connectSchema(value),
                    bridge.connectValue(value, event));
            byte[] actual = encoder.encode("shop.inventory.products", value, event);
            assertThat(hex(actual)).as("%s\nregistered by Apicurio's converter: %s\nby Tributary: %s",
                    Arrays.deepToString((Object[]) event), registered(expected), registered(actual))
                    .isEqualTo(hex(expected));
        }
        assertThat(values).hasSizeGreaterThan(3);
    }

    @Test
    void writesKeysAndSchemasWithoutAName() {
        EventSchema key = EventSchema.struct("shop.inventory.products.Key", EventSchema.fieldsBuilder()
                .add("id", EventSchema.of(Type.INT32)).add("region", EventSchema.of(Type.STRING)).build());
        assertSame(key, "shop.inventory.products", true, new Object[] {7, "eu"});
        EventSchema unnamed = new EventSchema(Type.STRUCT, false, Optional.empty(), Optional.empty(),
                Optional.empty(), Map.of(), Optional.empty(), EventSchema.fieldsBuilder()
                        .add("n", EventSchema.of(Type.INT64).asOptional()).build(), Optional.empty());
        assertSame(unnamed, "plain", false, new Object[] {42L});
        assertSame(unnamed, "plain", false, new Object[] {null});
        assertSame(EventSchema.of(Type.STRING), "strings", false, "ünïcode ✓");
    }

    @Test
    void aChangeTheSubjectsRuleRefusesIsAnErrorNamingTheSubjectAndTheRule() {
        EventSchema first = EventSchema.struct("evolving.Value", EventSchema.fieldsBuilder()
                .add("id", EventSchema.of(Type.INT32)).build());
        // a new required field without a default: BACKWARD (the registry's rule here) cannot read old data with it
        EventSchema second = EventSchema.struct("evolving.Value", EventSchema.fieldsBuilder()
                .add("id", EventSchema.of(Type.INT32)).add("required", EventSchema.of(Type.STRING)).build());
        // a new optional field: BACKWARD allows it
        EventSchema third = EventSchema.struct("evolving.Value", EventSchema.fieldsBuilder()
                .add("id", EventSchema.of(Type.INT32)).add("note", EventSchema.of(Type.STRING).asOptional())
                .build());
        AvroEncoder encoder = tributary(false, true);
        byte[] one = encoder.encode("evolving", first, new Object[] {1});
        byte[] three = encoder.encode("evolving", third, new Object[] {3, "added"});
        assertThat(Arrays.copyOfRange(three, 1, 5)).isNotEqualTo(Arrays.copyOfRange(one, 1, 5));
        assertThatThrownBy(() -> encoder.encode("evolving", second, new Object[] {2, "x"}))
                .isInstanceOf(SinkException.class)
                .hasMessageContaining("subject evolving-value")
                .hasMessageContaining("BACKWARD");
    }

    @Test
    void withoutAutomaticRegistrationASchemaMustBeRegisteredAlready() {
        EventSchema schema = EventSchema.struct("unregistered.Value", EventSchema.fieldsBuilder()
                .add("id", EventSchema.of(Type.INT32)).build());
        AvroEncoder lookingUp = tributary(false, false);
        assertThatThrownBy(() -> lookingUp.encode("unregistered", schema, new Object[] {1}))
                .isInstanceOf(SinkException.class)
                .hasMessageContaining("subject unregistered-value")
                .hasMessageContaining("auto.register.schemas=false");
        byte[] registered = tributary(false, true).encode("unregistered", schema, new Object[] {1});
        assertThat(lookingUp.encode("unregistered", schema, new Object[] {1})).isEqualTo(registered);
    }

    @Test
    void aRegistryThatDoesNotAnswerIsRetriedThenReported() {
        AvroEncoder encoder = AvroEncoder.create(new AvroConverterConfig(List.of(URI.create("http://127.0.0.1:9")),
                Optional.empty(), true, SubjectNaming.TOPIC), false, Duration.ofMillis(600));
        assertThatThrownBy(() -> encoder.encode("down", EventSchema.of(Type.STRING), "x"))
                .isInstanceOf(SinkException.class)
                .hasMessageContaining("does not answer")
                .hasMessageContaining("http://127.0.0.1:9");
    }

    /**
     * A registry that answers 503 for a while (a proxy in front of the real one, failing its first three requests,
     * as a registry restarting or overloaded does) is retried until it answers, and the record is written.
     */
    @Test
    void aRegistryBrieflyUnavailableIsRetriedUntilItAnswers() throws Exception {
        java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();
        java.net.http.HttpClient forward = java.net.http.HttpClient.newHttpClient();
        com.sun.net.httpserver.HttpServer proxy = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        proxy.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int status = 503;
            byte[] answer = "{\"error_code\":50301,\"message\":\"restarting\"}".getBytes(StandardCharsets.UTF_8);
            if (requests.incrementAndGet() > 3) {
                try {
                    java.net.http.HttpResponse<byte[]> response = forward.send(java.net.http.HttpRequest.newBuilder(
                            URI.create(registry.confluentUrl() + exchange.getRequestURI().getPath()
                                    .replaceFirst("^/apis/ccompat/v7", ""))).header("Content-Type",
                                    "application/vnd.schemaregistry.v1+json")
                            .method(exchange.getRequestMethod(),
                                    java.net.http.HttpRequest.BodyPublishers.ofByteArray(body))
                            .build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
                    status = response.statusCode();
                    answer = response.body();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        proxy.start();
        try {
            AvroEncoder encoder = AvroEncoder.create(new AvroConverterConfig(List.of(URI.create("http://127.0.0.1:"
                    + proxy.getAddress().getPort() + "/apis/ccompat/v7")), Optional.empty(), true, SubjectNaming.TOPIC),
                    false, Duration.ofSeconds(60));
            EventSchema schema = EventSchema.struct("flaky.Value", EventSchema.fieldsBuilder()
                    .add("id", EventSchema.of(Type.INT32)).build());

            byte[] written = encoder.encode("flaky", schema, new Object[] {9});

            assertThat(requests.get()).isEqualTo(4);
            assertThat(written).isEqualTo(tributary(false, true).encode("flaky", schema, new Object[] {9}));
        } finally {
            proxy.stop(0);
        }
    }

    private void assertSame(EventSchema schema, String topic, boolean key, Object value) {
        byte[] expected = apicurio(key).fromConnectData(topic, bridge.connectSchema(schema),
                bridge.connectValue(schema, value));
        byte[] actual = tributary(key, true).encode(topic, schema, value);
        assertThat(hex(actual)).as("registered by Apicurio's converter: %s\nby Tributary: %s", registered(expected),
                registered(actual)).isEqualTo(hex(expected));
    }

    /** The schema the registry holds under the id in {@code bytes}, as its Confluent-compatible API gives it. */
    private static String registered(byte[] bytes) {
        int id = java.nio.ByteBuffer.wrap(bytes, 1, 4).getInt();
        try {
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    URI.create(registry.confluentUrl() + "/schemas/ids/" + id)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        } catch (java.io.IOException | InterruptedException e) {
            return "(cannot read schema " + id + ": " + e + ")";
        }
    }

    private static AvroConverter<?> apicurio(boolean key) {
        AvroConverter<?> converter = new AvroConverter<>();
        converter.configure(registry.apicurioConfluentSettings(), key);
        return converter;
    }

    private static AvroEncoder tributary(boolean key, boolean autoRegister) {
        return AvroEncoder.create(new AvroConverterConfig(List.of(URI.create(registry.confluentUrl())),
                Optional.empty(), autoRegister, SubjectNaming.TOPIC), key, Duration.ofSeconds(30));
    }

    private static String hex(byte[] bytes) {
        return bytes == null ? "null" : HexFormat.of().formatHex(bytes);
    }

    /** Debezium's envelope and values of a table with a column of every kind. */
    static final class Catalogue {
        private Catalogue() {
        }

        static EventSchema envelope(String topic) {
            EventSchema row = row(topic + ".Value");
            EventSchema source = SourceInfo.schema(ServerFlavor.MYSQL);
            EventSchema block = EventSchema.struct("event.block", EventSchema.fieldsBuilder()
                    .add("id", EventSchema.of(Type.STRING))
                    .add("total_order", EventSchema.of(Type.INT64))
                    .add("data_collection_order", EventSchema.of(Type.INT64))
                    .build()).asOptional().withVersion(1);
            return EventSchema.struct(topic + ".Envelope", EventSchema.fieldsBuilder()
                    .add("before", row.asOptional())
                    .add("after", row.asOptional())
                    .add("source", source)
                    .add("transaction", block)
                    .add("op", EventSchema.of(Type.STRING))
                    .add("ts_ms", EventSchema.of(Type.INT64).asOptional())
                    .add("ts_us", EventSchema.of(Type.INT64).asOptional())
                    .add("ts_ns", EventSchema.of(Type.INT64).asOptional())
                    .build()).withVersion(2);
        }

        private static EventSchema row(String name) {
            EventSchema decimal = EventSchema.of(Type.BYTES).withName(EventSchema.DECIMAL, 1)
                    .withParameter("scale", "2").withParameter(AvroSchemas.DECIMAL_PRECISION, "10");
            EventSchema geometry = EventSchema.struct("io.debezium.data.geometry.Geometry", EventSchema.fieldsBuilder()
                    .add("wkb", EventSchema.of(Type.BYTES)).add("srid", EventSchema.of(Type.INT32).asOptional())
                    .build()).withDoc("Geometry").asOptional();
            return EventSchema.struct(name, EventSchema.fieldsBuilder()
                    .add("id", EventSchema.of(Type.INT32))
                    .add("tiny", EventSchema.of(Type.INT8).asOptional())
                    .add("small", EventSchema.of(Type.INT16).asOptional().withDefault((short) 5))
                    .add("big", EventSchema.of(Type.INT64).asOptional())
                    .add("ratio", EventSchema.of(Type.FLOAT32).asOptional())
                    .add("measure", EventSchema.of(Type.FLOAT64).withDefault(1.5))
                    .add("flag", EventSchema.of(Type.BOOLEAN).asOptional().withDefault(true))
                    .add("name", EventSchema.of(Type.STRING).asOptional().withDefault("unnamed"))
                    .add("blob", EventSchema.of(Type.BYTES).asOptional())
                    .add("price", decimal.asOptional())
                    .add("cost", decimal.withDefault(new BigDecimal("1.25")))
                    .add("created", EventSchema.of(Type.INT64).withName("io.debezium.time.Timestamp", 1))
                    .add("updated", EventSchema.of(Type.STRING).asOptional()
                            .withName("io.debezium.time.ZonedTimestamp", 1).withDefault("1970-01-01T00:00:00Z"))
                    .add("day", EventSchema.of(Type.INT32).asOptional().withName("io.debezium.time.Date", 1))
                    .add("connect_day", EventSchema.of(Type.INT32).asOptional()
                            .withName("org.apache.kafka.connect.data.Date", 1))
                    .add("connect_time", EventSchema.of(Type.INT32).asOptional()
                            .withName("org.apache.kafka.connect.data.Time", 1))
                    .add("connect_ts", EventSchema.of(Type.INT64).asOptional()
                            .withName("org.apache.kafka.connect.data.Timestamp", 1))
                    .add("doc", EventSchema.of(Type.STRING).asOptional().withName("io.debezium.data.Json", 1))
                    .add("colour", EventSchema.of(Type.STRING).asOptional().withName("io.debezium.data.Enum", 1)
                            .withParameter("allowed", "red,green"))
                    .add("bits", EventSchema.of(Type.BYTES).withName("io.debezium.data.Bits", 1)
                            .withParameter("length", "12"))
                    .add("shape", geometry)
                    .add("tags", EventSchema.array(EventSchema.of(Type.STRING).asOptional()).asOptional())
                    .build());
        }

        static List<Object> envelopeValues(EventSchema envelope) {
            EventSchema row = envelope.field("after").orElseThrow().schema();
            Object[] full = new Object[row.fields().size()];
            Object[] values = {1, (byte) -3, (short) 300, Long.MIN_VALUE, 1.25f, -0.0, false, "Zoë 🚀",
                    "\u0000\u00ff".getBytes(StandardCharsets.ISO_8859_1), new BigDecimal("-12345678.90"),
                    new BigDecimal("0.00"), 1_700_000_000_123L, "2026-12-04T10:15:30.123456Z", 20_000, -1,
                    86_399_999, -62_135_596_800_000L, "{\"a\":[1,2]}", "green", new byte[] {1, 15},
                    new Object[] {new byte[] {1, 2, 3}, null}, List.of("a", "")};
            System.arraycopy(values, 0, full, 0, values.length);
            Object[] sparse = new Object[row.fields().size()];
            sparse[0] = 2;
            sparse[11] = 0L;
            sparse[19] = new byte[0];
            sparse[21] = Arrays.asList(null, "x");
            Object[] source = {"3.6.1.Final", "mysql", "shop", 1_700_000_000_000L, null, "inventory", null,
                    1_700_000_000_000_000L, 1_700_000_000_000_000_000L, "products", 1L, null, "binlog.000003",
                    4711L, 0, 9L, null};
            Object[] snapshotSource = source.clone();
            snapshotSource[4] = "last";
            Object[] block = {"txn-1", 3L, 2L};
            return List.of(
                    new Object[] {null, full, snapshotSource, null, "r", 1L, 2L, 3L},
                    new Object[] {full, sparse, source, block, "u", 1L, 2L, 3L},
                    new Object[] {sparse, null, source, block, "d", null, null, null},
                    new Object[] {null, sparse, source, null, "c", Long.MAX_VALUE, 0L, -1L});
        }
    }
}
