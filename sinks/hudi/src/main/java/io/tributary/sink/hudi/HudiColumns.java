package io.tributary.sink.hudi;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tributary.api.EventSchema;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.util.Utf8;

/**
 * The Avro schema of a table's rows and the values in it, from a change event's row schema. Every column is nullable
 * (a union with null, default null), so that a column added at the source evolves the table and rows written before
 * read it as null. Types are those Kafka Connect's Avro converter gives, as HoodieStreamer's Debezium sources read
 * them: Connect's Decimal, Date and Timestamp carry Avro's logical types; Debezium's own semantic types
 * ({@code io.debezium.time.MicroTimestamp}, ...) keep their physical type, and so does Connect's Time (milliseconds
 * of the day): Spark reads no Parquet TIME column, so a table holding one could not be queried at all. A decimal of more than 38 digits (or of
 * no declared precision) is written as its text, since no query engine reads wider decimals.
 */
final class HudiColumns {
    static final String DECIMAL = EventSchema.DECIMAL;
    private static final int MAX_DECIMAL_PRECISION = 38;
    private static final Conversions.DecimalConversion DECIMALS = new Conversions.DecimalConversion();
    /** The bytes a fixed decimal of each precision takes, as Spark and Hudi size them. */
    private static final int[] FIXED_SIZES = new int[MAX_DECIMAL_PRECISION + 1];

    static {
        for (int precision = 1; precision <= MAX_DECIMAL_PRECISION; precision++) {
            int bytes = 1;
            while (Math.pow(2.0, 8 * bytes - 1) < Math.pow(10.0, precision)) {
                bytes++;
            }
            FIXED_SIZES[precision] = bytes;
        }
    }

    private HudiColumns() {
    }

    /** The nullable Avro schema of a column of {@code schema}; {@code path} names nested records uniquely. */
    static Schema column(EventSchema schema, String path) {
        return Schema.createUnion(Schema.create(Schema.Type.NULL), physical(schema, path));
    }

    private static Schema physical(EventSchema schema, String path) {
        String name = schema.name().orElse("");
        return switch (schema.type()) {
            case INT8, INT16 -> Schema.create(Schema.Type.INT);
            case INT32 -> switch (name) {
                case "org.apache.kafka.connect.data.Date" -> LogicalTypes.date().addToSchema(
                        Schema.create(Schema.Type.INT));
                default -> Schema.create(Schema.Type.INT);
            };
            case INT64 -> name.equals("org.apache.kafka.connect.data.Timestamp")
                    ? LogicalTypes.timestampMillis().addToSchema(Schema.create(Schema.Type.LONG))
                    : Schema.create(Schema.Type.LONG);
            case FLOAT32 -> Schema.create(Schema.Type.FLOAT);
            case FLOAT64 -> Schema.create(Schema.Type.DOUBLE);
            case BOOLEAN -> Schema.create(Schema.Type.BOOLEAN);
            case STRING -> Schema.create(Schema.Type.STRING);
            case BYTES -> decimalPrecision(schema).<Schema>map(precision -> LogicalTypes.decimal(precision,
                    scale(schema)).addToSchema(Schema.createFixed(path.replaceAll("[^A-Za-z0-9_]", "_") + "_fixed",
                            null, "tributary", FIXED_SIZES[precision])))
                    .orElseGet(() -> Schema.create(name.equals(DECIMAL) ? Schema.Type.STRING : Schema.Type.BYTES));
            case ARRAY -> Schema.createArray(column(schema.items().orElseThrow(), path + "_item"));
            case STRUCT -> {
                List<Schema.Field> fields = new ArrayList<>();
                for (EventSchema.Field field : schema.fields()) {
                    fields.add(new Schema.Field(field.name(), column(field.schema(), path + "_" + field.name()),
                            null, Schema.Field.NULL_DEFAULT_VALUE));
                }
                yield Schema.createRecord(path.replaceAll("[^A-Za-z0-9_]", "_"), null, "tributary", false, fields);
            }
        };
    }

    /** A decimal's precision when an engine can read it as a decimal, empty for other schemas. */
    private static Optional<Integer> decimalPrecision(EventSchema schema) {
        if (!schema.name().filter(DECIMAL::equals).isPresent()) {
            return Optional.empty();
        }
        String precision = schema.parameters().get("connect.decimal.precision");
        if (precision == null) {
            return Optional.empty();
        }
        int digits = Integer.parseInt(precision);
        return digits <= MAX_DECIMAL_PRECISION && scale(schema) <= digits ? Optional.of(digits) : Optional.empty();
    }

    private static int scale(EventSchema schema) {
        return Integer.parseInt(schema.parameters().getOrDefault("scale", "0"));
    }

    /** A value of {@code schema} as the Avro value {@code avro} (the non-null branch of a column) holds. */
    static Object value(EventSchema schema, Schema avro, Object value) {
        if (value == null) {
            return null;
        }
        Schema type = avro.getType() == Schema.Type.UNION ? avro.getTypes().get(1) : avro;
        return switch (schema.type()) {
            case INT8, INT16, INT32, INT64, FLOAT32, FLOAT64 -> number(type, (Number) value);
            case BOOLEAN -> value;
            case STRING -> new Utf8((String) value);
            case BYTES -> bytes(type, value);
            case ARRAY -> {
                List<Object> items = new ArrayList<>();
                for (Object item : (List<?>) value) {
                    items.add(value(schema.items().orElseThrow(), type.getElementType(), item));
                }
                yield new GenericData.Array<>(type, items);
            }
            case STRUCT -> {
                GenericData.Record record = new GenericData.Record(type);
                Object[] fields = (Object[]) value;
                for (EventSchema.Field field : schema.fields()) {
                    record.put(field.name(), value(field.schema(), type.getField(field.name()).schema(),
                            fields[field.index()]));
                }
                yield record;
            }
        };
    }

    /** A number as the (possibly wider) column type holds it. */
    private static Object number(Schema type, Number value) {
        return switch (type.getType()) {
            case INT -> value.intValue();
            case LONG -> value.longValue();
            case FLOAT -> value.floatValue();
            default -> value.doubleValue();
        };
    }

    private static Object bytes(Schema type, Object value) {
        if (value instanceof BigDecimal decimal) {
            if (type.getType() == Schema.Type.STRING) {
                return new Utf8(decimal.toPlainString());
            }
            LogicalTypes.Decimal logical = (LogicalTypes.Decimal) type.getLogicalType();
            return DECIMALS.toFixed(decimal.setScale(logical.getScale()), type, logical);
        }
        return ByteBuffer.wrap((byte[]) value);
    }

    /**
     * The text of a key value, as Hudi's key generators write it: numbers, decimals and text as they are; bytes (which
     * Hudi would show as a buffer's description) in hex.
     */
    static String keyText(Object value) {
        if (value == null) {
            return "__null__";
        }
        String text = value instanceof byte[] bytes ? java.util.HexFormat.of().formatHex(bytes)
                : String.valueOf(value);
        return text.isEmpty() ? "__empty__" : text;
    }

    /** The columns' schemas by name, in order. */
    static Map<String, Schema> byName(Schema record) {
        Map<String, Schema> columns = new java.util.LinkedHashMap<>();
        record.getFields().forEach(field -> columns.put(field.name(), field.schema()));
        return columns;
    }
}
