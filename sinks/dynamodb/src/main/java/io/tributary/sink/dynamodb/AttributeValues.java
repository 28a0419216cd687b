package io.tributary.sink.dynamodb;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.api.EventSchema;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Event values as DynamoDB attributes, without loss: numbers (DECIMAL exactly, from its {@code BigDecimal}) as
 * {@code N}, strings as {@code S}, bytes as {@code B}, booleans as {@code BOOL}, structs as {@code M}, arrays as
 * {@code L}, a JSON column ({@code io.debezium.data.Json}) as the map, list or scalar it holds, null as
 * {@code NUL}.
 */
final class AttributeValues {
    private static final String JSON = "io.debezium.data.Json";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final AttributeValue NULL = AttributeValue.fromNul(true);

    private AttributeValues() {
    }

    /** A struct's fields as an item's attributes. */
    static Map<String, AttributeValue> item(EventSchema schema, Object[] struct) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        for (EventSchema.Field field : schema.fields()) {
            item.put(field.name(), of(field.schema(), struct[field.index()]));
        }
        return item;
    }

    static AttributeValue of(EventSchema schema, Object value) {
        if (value == null) {
            return NULL;
        }
        if (schema.name().filter(JSON::equals).isPresent() && value instanceof String text) {
            return json(text);
        }
        return switch (schema.type()) {
            case INT8, INT16, INT32, INT64 -> AttributeValue.fromN(value.toString());
            case FLOAT32, FLOAT64 -> number(((Number) value).doubleValue());
            case BOOLEAN -> AttributeValue.fromBool((Boolean) value);
            case STRING -> AttributeValue.fromS((String) value);
            case BYTES -> value instanceof BigDecimal decimal ? AttributeValue.fromN(decimal.toPlainString())
                    : AttributeValue.fromB(SdkBytes.fromByteArray((byte[]) value));
            case ARRAY -> {
                List<AttributeValue> items = new ArrayList<>();
                for (Object item : (List<?>) value) {
                    items.add(of(schema.items().orElseThrow(), item));
                }
                yield AttributeValue.fromL(items);
            }
            case STRUCT -> AttributeValue.fromM(item(schema, (Object[]) value));
        };
    }

    /** NaN and infinities have no DynamoDB number: they are kept as their text. */
    private static AttributeValue number(double value) {
        return Double.isFinite(value) ? AttributeValue.fromN(BigDecimal.valueOf(value).toPlainString())
                : AttributeValue.fromS(Double.toString(value));
    }

    private static AttributeValue json(String text) {
        try {
            return json(MAPPER.readTree(text));
        } catch (IOException e) {
            return AttributeValue.fromS(text);
        }
    }

    private static AttributeValue json(JsonNode node) {
        if (node.isObject()) {
            Map<String, AttributeValue> map = new LinkedHashMap<>();
            node.fields().forEachRemaining(entry -> map.put(entry.getKey(), json(entry.getValue())));
            return AttributeValue.fromM(map);
        }
        if (node.isArray()) {
            List<AttributeValue> list = new ArrayList<>();
            node.forEach(element -> list.add(json(element)));
            return AttributeValue.fromL(list);
        }
        if (node.isNumber()) {
            return AttributeValue.fromN(node.decimalValue().toPlainString());
        }
        if (node.isBoolean()) {
            return AttributeValue.fromBool(node.booleanValue());
        }
        if (node.isNull()) {
            return NULL;
        }
        return AttributeValue.fromS(node.asText());
    }
}
