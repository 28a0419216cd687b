package io.tributary.sink.mongodb;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import io.tributary.api.EventSchema;
import org.bson.BsonArray;
import org.bson.BsonBinary;
import org.bson.BsonBoolean;
import org.bson.BsonDecimal128;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.types.Decimal128;

/**
 * Event values as BSON, without loss: integers as int32/int64, DECIMAL as decimal128, bytes as binary, structs as
 * documents, arrays as arrays, a JSON column ({@code io.debezium.data.Json}) as the document it holds.
 */
final class BsonValues {
    private static final String JSON = "io.debezium.data.Json";

    private BsonValues() {
    }

    static BsonDocument document(EventSchema schema, Object[] struct) {
        BsonDocument document = new BsonDocument();
        for (EventSchema.Field field : schema.fields()) {
            document.append(field.name(), of(field.schema(), struct[field.index()]));
        }
        return document;
    }

    static BsonValue of(EventSchema schema, Object value) {
        if (value == null) {
            return BsonNull.VALUE;
        }
        if (schema.name().filter(JSON::equals).isPresent() && value instanceof String text) {
            return json(text);
        }
        return switch (schema.type()) {
            case INT8, INT16, INT32 -> new BsonInt32(((Number) value).intValue());
            case INT64 -> new BsonInt64((Long) value);
            case FLOAT32, FLOAT64 -> new BsonDouble(((Number) value).doubleValue());
            case BOOLEAN -> BsonBoolean.valueOf((Boolean) value);
            case STRING -> new BsonString((String) value);
            case BYTES -> value instanceof BigDecimal decimal ? new BsonDecimal128(new Decimal128(decimal))
                    : new BsonBinary((byte[]) value);
            case ARRAY -> {
                List<BsonValue> items = new ArrayList<>();
                for (Object item : (List<?>) value) {
                    items.add(of(schema.items().orElseThrow(), item));
                }
                yield new BsonArray(items);
            }
            case STRUCT -> document(schema, (Object[]) value);
        };
    }

    private static BsonValue json(String text) {
        try {
            return BsonDocument.parse("{\"v\":" + text + "}").get("v");
        } catch (RuntimeException notJson) {
            return new BsonString(text);
        }
    }
}
