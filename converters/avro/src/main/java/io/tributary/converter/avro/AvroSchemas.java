package io.tributary.converter.avro;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.api.EventSchema;
import org.apache.avro.AvroTypeException;
import org.apache.avro.JsonProperties;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.util.internal.JacksonUtils;

/**
 * The Avro schema Kafka Connect's {@code AvroData} (in Confluent's and Apicurio's {@code AvroConverter}, default
 * settings) derives from a Connect schema, so that a registry holds the same schema text whichever of Debezium on a
 * Connect worker or Tributary registered it:
 * <ul>
 *   <li>a struct is a record named after the schema ({@code a.b.Value}: namespace {@code a.b}, name {@code Value});
 *       unnamed ones are {@code io.confluent.connect.avro.ConnectDefault}, {@code ConnectDefault2}, ... in the order
 *       they are met;</li>
 *   <li>Connect's doc, version, parameters, default and name ride along as {@code connect.*} properties, in that
 *       order, then {@code connect.type} for INT8 and INT16 (Avro ints); Connect's Decimal, Date, Time and Timestamp
 *       also carry Avro's logical types (a decimal's precision is its {@code connect.decimal.precision} parameter,
 *       else 64), Debezium's own ({@code io.debezium.time.Timestamp}, ...) only the properties;</li>
 *   <li>an optional schema is a union with null: null first, or last when the schema has a default (Avro takes a
 *       field's default from the union's first branch) — except an optional struct, always null first; a record
 *       field's default is the Connect default, or null for an optional field without one (dropped, as AvroData
 *       drops it, when the union's first branch cannot hold it).</li>
 * </ul>
 * Each call derives one schema afresh; {@link AvroEncoder} caches the result per table version.
 */
final class AvroSchemas {
    static final String DEFAULT_NAMESPACE = "io.confluent.connect.avro";
    static final String DEFAULT_NAME = "ConnectDefault";
    static final String DECIMAL_PRECISION = "connect.decimal.precision";
    private static final String RECORD_DOC = DEFAULT_NAMESPACE + ".record.doc";
    private static final String FIELD_DOC_PREFIX = DEFAULT_NAMESPACE + ".field.doc.";
    private static final String FIELD_DEFAULT_FLAG = DEFAULT_NAMESPACE + ".field.default";
    private static final int DEFAULT_DECIMAL_PRECISION = 64;
    private static final String DATE = "org.apache.kafka.connect.data.Date";
    private static final String TIME = "org.apache.kafka.connect.data.Time";
    private static final String TIMESTAMP = "org.apache.kafka.connect.data.Timestamp";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Required schemas already derived (a repeated one is the same Avro schema), and unnamed records counted. */
    private final Map<EventSchema, Schema> derived = new HashMap<>();
    private int unnamedRecords;

    private AvroSchemas() {
    }

    /** The Avro schema of {@code schema}. */
    static Schema of(EventSchema schema) {
        return new AvroSchemas().derive(schema);
    }

    private Schema derive(EventSchema schema) {
        if (!schema.optional()) {
            Schema known = derived.get(schema);
            if (known != null) {
                return known;
            }
        }
        Schema result;
        if (schema.type() == EventSchema.Type.STRUCT && schema.optional()) {
            result = SchemaBuilder.unionOf().nullType().and().type(derive(schema.withOptional(false))).endUnion();
        } else {
            Schema base = base(schema);
            annotate(schema, base);
            if (!schema.optional()) {
                result = base;
            } else if (schema.defaultValue().isPresent()) {
                result = SchemaBuilder.unionOf().type(base).and().nullType().endUnion();
            } else {
                result = SchemaBuilder.unionOf().nullType().and().type(base).endUnion();
            }
        }
        if (!schema.optional()) {
            derived.put(schema, result);
        }
        return result;
    }

    private Schema base(EventSchema schema) {
        return switch (schema.type()) {
            case INT8, INT16, INT32 -> Schema.create(Schema.Type.INT);
            case INT64 -> Schema.create(Schema.Type.LONG);
            case FLOAT32 -> Schema.create(Schema.Type.FLOAT);
            case FLOAT64 -> Schema.create(Schema.Type.DOUBLE);
            case BOOLEAN -> Schema.create(Schema.Type.BOOLEAN);
            case STRING -> Schema.create(Schema.Type.STRING);
            case BYTES -> bytes(schema);
            case ARRAY -> Schema.createArray(derive(schema.items().orElseThrow()));
            case STRUCT -> record(schema);
        };
    }

    private static Schema bytes(EventSchema schema) {
        Schema bytes = Schema.create(Schema.Type.BYTES);
        if (isDecimal(schema)) {
            bytes.addProp("scale", NODES.numberNode(Integer.parseInt(schema.parameters().get("scale"))));
            bytes.addProp("precision", NODES.numberNode(precision(schema)));
        }
        return bytes;
    }

    private Schema record(EventSchema schema) {
        String fullName = schema.name().orElse(null);
        String namespace;
        String simpleName;
        if (fullName == null) {
            unnamedRecords++;
            namespace = DEFAULT_NAMESPACE;
            simpleName = DEFAULT_NAME + (unnamedRecords > 1 ? unnamedRecords : "");
        } else {
            int dot = fullName.lastIndexOf('.');
            namespace = dot < 0 ? null : fullName.substring(0, dot);
            simpleName = dot < 0 ? fullName : fullName.substring(dot + 1);
        }
        Schema record = Schema.createRecord(simpleName, schema.parameters().get(RECORD_DOC), namespace, false);
        List<Schema.Field> fields = new ArrayList<>(schema.fields().size());
        for (EventSchema.Field field : schema.fields()) {
            fields.add(field(field, schema.parameters().get(FIELD_DOC_PREFIX + field.name())));
        }
        record.setFields(fields);
        return record;
    }

    private Schema.Field field(EventSchema.Field field, String doc) {
        EventSchema fieldSchema = field.schema();
        Object defaultValue = null;
        if (fieldSchema.defaultValue().isPresent()) {
            defaultValue = JacksonUtils.toObject(defaultJson(fieldSchema, fieldSchema.defaultValue().get()));
        } else if (fieldSchema.optional()) {
            defaultValue = JsonProperties.NULL_VALUE;
        }
        Schema avro = derive(fieldSchema);
        try {
            return new Schema.Field(field.name(), avro, doc, defaultValue);
        } catch (AvroTypeException invalidDefault) {
            return new Schema.Field(field.name(), avro, doc);
        }
    }

    /** Connect's metadata and the logical types, on a schema that is not a union. */
    private static void annotate(EventSchema schema, Schema base) {
        schema.doc().ifPresent(doc -> base.addProp("connect.doc", doc));
        schema.version().ifPresent(version -> base.addProp("connect.version", NODES.numberNode(version)));
        if (!schema.parameters().isEmpty()) {
            ObjectNode parameters = NODES.objectNode();
            schema.parameters().forEach((key, value) -> {
                if (!key.equals(FIELD_DEFAULT_FLAG)) {
                    parameters.put(key, value);
                }
            });
            if (!parameters.isEmpty()) {
                base.addProp("connect.parameters", parameters);
            }
        }
        if (schema.defaultValue().isPresent() && !schema.parameters().containsKey(FIELD_DEFAULT_FLAG)) {
            base.addProp("connect.default", defaultJson(schema, schema.defaultValue().get()));
        }
        schema.name().ifPresent(name -> base.addProp("connect.name", name));
        if (schema.type() == EventSchema.Type.INT8 || schema.type() == EventSchema.Type.INT16) {
            base.addProp("connect.type", schema.type() == EventSchema.Type.INT8 ? "int8" : "int16");
        }
        String name = schema.name().orElse("");
        if (isDecimal(schema)) {
            int scale = Integer.parseInt(schema.parameters().getOrDefault("scale", "0"));
            if (scale >= 0 && scale <= precision(schema)) {
                LogicalTypes.decimal(precision(schema), scale).addToSchema(base);
            }
            if (schema.parameters().containsKey(DECIMAL_PRECISION) || scale < 0 || scale > precision(schema)) {
                base.addProp("logicalType", "decimal");
            }
        } else if (name.equals(TIME)) {
            LogicalTypes.timeMillis().addToSchema(base);
        } else if (name.equals(TIMESTAMP)) {
            LogicalTypes.timestampMillis().addToSchema(base);
        } else if (name.equals(DATE)) {
            LogicalTypes.date().addToSchema(base);
        }
        schema.parameters().forEach((key, value) -> {
            if (key.startsWith("avro")) {
                base.addProp(key, value);
            }
        });
    }

    private static boolean isDecimal(EventSchema schema) {
        return schema.type() == EventSchema.Type.BYTES && schema.name().filter(EventSchema.DECIMAL::equals).isPresent();
    }

    private static int precision(EventSchema schema) {
        String precision = schema.parameters().get(DECIMAL_PRECISION);
        return precision == null ? DEFAULT_DECIMAL_PRECISION : Integer.parseInt(precision);
    }

    /** A Connect default as the JSON AvroData writes for it: bytes (and decimals' unscaled bytes) as ISO-8859-1. */
    private static JsonNode defaultJson(EventSchema schema, Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        return switch (schema.type()) {
            case INT8 -> NODES.numberNode(((Byte) value).intValue());
            case INT16 -> NODES.numberNode(((Short) value).intValue());
            case INT32 -> NODES.numberNode((Integer) value);
            case INT64 -> NODES.numberNode((Long) value);
            case FLOAT32 -> NODES.numberNode((Float) value);
            case FLOAT64 -> NODES.numberNode((Double) value);
            case BOOLEAN -> NODES.booleanNode((Boolean) value);
            case STRING -> NODES.textNode((String) value);
            case BYTES -> NODES.textNode(new String(value instanceof BigDecimal decimal
                    ? decimal.unscaledValue().toByteArray() : (byte[]) value, StandardCharsets.ISO_8859_1));
            case ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                for (Object item : (List<?>) value) {
                    array.add(defaultJson(schema.items().orElseThrow(), item));
                }
                yield array;
            }
            case STRUCT -> {
                ObjectNode struct = NODES.objectNode();
                Object[] values = (Object[]) value;
                for (EventSchema.Field field : schema.fields()) {
                    Object fieldValue = values[field.index()];
                    struct.set(field.name(), defaultJson(field.schema(),
                            fieldValue == null ? field.schema().defaultValue().orElse(null) : fieldValue));
                }
                yield struct;
            }
        };
    }
}
