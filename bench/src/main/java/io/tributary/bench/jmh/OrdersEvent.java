package io.tributary.bench.jmh;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import io.tributary.api.EventSchema;
import io.tributary.api.EventSchema.Type;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;

/**
 * A change event of the benchmark's {@code orders} table as Tributary's MariaDB source shapes it — the envelope
 * with before, after, source, op and timestamps — and the same event as a Kafka Connect {@code Struct}, as
 * Debezium hands it to JsonConverter.
 */
public final class OrdersEvent {
    public final EventSchema keySchema;
    public final Object[] key;
    public final EventSchema schema;
    public final Object[] value;
    final Schema connectSchema;
    final Struct connectValue;

    public OrdersEvent() {
        keySchema = EventSchema.struct("bench.stream.orders.Key", EventSchema.fieldsBuilder()
                .add("id", EventSchema.of(Type.INT64)).build());
        key = new Object[] {123_456L};
        EventSchema row = EventSchema.struct("bench.stream.orders.Value", EventSchema.fieldsBuilder()
                .add("id", EventSchema.of(Type.INT64))
                .add("customer_id", EventSchema.of(Type.INT32))
                .add("item", EventSchema.of(Type.STRING))
                .add("price", EventSchema.of(Type.BYTES).withName(EventSchema.DECIMAL, 1)
                        .withParameter("scale", "2").withParameter("connect.decimal.precision", "10"))
                .add("quantity", EventSchema.of(Type.INT32))
                .add("status", EventSchema.of(Type.STRING))
                .add("created_at", EventSchema.of(Type.INT64).withName("io.debezium.time.Timestamp", 1))
                .add("note", EventSchema.of(Type.STRING).asOptional())
                .build()).asOptional();
        EventSchema source = EventSchema.struct("io.debezium.connector.mariadb.Source", EventSchema.fieldsBuilder()
                .add("version", EventSchema.of(Type.STRING))
                .add("connector", EventSchema.of(Type.STRING))
                .add("name", EventSchema.of(Type.STRING))
                .add("ts_ms", EventSchema.of(Type.INT64))
                .add("db", EventSchema.of(Type.STRING))
                .add("table", EventSchema.of(Type.STRING).asOptional())
                .add("server_id", EventSchema.of(Type.INT64))
                .add("file", EventSchema.of(Type.STRING))
                .add("pos", EventSchema.of(Type.INT64))
                .add("row", EventSchema.of(Type.INT32))
                .build());
        schema = EventSchema.struct("bench.stream.orders.Envelope", EventSchema.fieldsBuilder()
                .add("before", row)
                .add("after", row)
                .add("source", source)
                .add("op", EventSchema.of(Type.STRING))
                .add("ts_ms", EventSchema.of(Type.INT64).asOptional())
                .build()).withVersion(2);
        Object[] after = {123_456L, 4711, "item-84213 ünïcødé ✓", new BigDecimal("12345.67"), 3, "paid",
            1_767_225_600_123L, "note -5188146770730811392"};
        Object[] sourceValue = {"3.5.0.Final", "mariadb", "bench", 1_767_225_600_000L, "stream", "orders", 1L,
            "mariadb-bin.000001", 5_123_456L, 17};
        value = new Object[] {null, after, sourceValue, "c", 1_767_225_600_456L};
        connectSchema = connect(schema);
        connectValue = (Struct) connectValue(connectSchema, value);
    }

    private static Schema connect(EventSchema schema) {
        SchemaBuilder builder = switch (schema.type()) {
            case INT32 -> SchemaBuilder.int32();
            case INT64 -> SchemaBuilder.int64();
            case STRING -> SchemaBuilder.string();
            case BYTES -> schema.name().filter(EventSchema.DECIMAL::equals).isPresent()
                    ? Decimal.builder(Integer.parseInt(schema.parameters().get("scale"))) : SchemaBuilder.bytes();
            case STRUCT -> {
                SchemaBuilder struct = SchemaBuilder.struct();
                schema.fields().forEach(field -> struct.field(field.name(), connect(field.schema())));
                yield struct;
            }
            default -> throw new IllegalArgumentException("not in the benchmark's event: " + schema.type());
        };
        boolean decimal = schema.name().filter(EventSchema.DECIMAL::equals).isPresent(); // named by its builder
        if (!decimal) {
            schema.name().ifPresent(builder::name);
            schema.version().ifPresent(builder::version);
        }
        schema.parameters().forEach((key, value) -> {
            if (!key.equals("scale")) {
                builder.parameter(key, value);
            }
        });
        return schema.optional() ? builder.optional().build() : builder.build();
    }

    private static Object connectValue(Schema schema, Object value) {
        if (value == null || schema.type() != Schema.Type.STRUCT) {
            return value;
        }
        Struct struct = new Struct(schema);
        List<org.apache.kafka.connect.data.Field> fields = new ArrayList<>(schema.fields());
        for (int i = 0; i < fields.size(); i++) {
            struct.put(fields.get(i), connectValue(fields.get(i).schema(), ((Object[]) value)[i]));
        }
        return struct;
    }
}
