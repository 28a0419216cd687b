package io.tributary.transforms;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.tributary.api.ChangeRecord;
import io.tributary.api.ChangeTransform;
import io.tributary.api.EventSchema;
import io.tributary.api.EventSchema.Type;
import io.tributary.api.config.ConfigDefinition;
import io.tributary.api.config.ConfigOption;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonType;
import org.bson.BsonValue;

/**
 * Debezium's MongoDB unwrap, {@code ExtractNewDocumentState} (3.5), with its default options: a change event in
 * Debezium's MongoDB format becomes the document after the change as a struct whose schema is read from the document
 * itself — scalars as Connect types (ObjectId, Decimal128, JavaScript and null as strings, dates and timestamps as
 * Connect timestamps), nested documents as structs named {@code <parent>.<field>}, arrays as arrays (the documents of
 * an array merged into one struct), regular expressions as {@code io.debezium.mongodb.regex} structs — named as the
 * envelope without {@code .Envelope}; the key {@code {"id": <the _id>}} the same way, unnamed. An update without the
 * document after it becomes its updated fields (dotted paths as they are) and the {@code _id}. A delete becomes a
 * tombstone (key, no value); the source's own tombstone is dropped. Records that are not MongoDB change events pass.
 * Options other than the defaults are refused until they are supported.
 */
public final class ExtractNewDocumentState implements ChangeTransform {
    private static final String JSON = "io.debezium.data.Json";
    private static final String ENVELOPE = ".Envelope";
    private static final String REGEX = "io.debezium.mongodb.regex";
    private static final EventSchema TIMESTAMP = EventSchema.of(Type.INT64).asOptional()
            .withName("org.apache.kafka.connect.data.Timestamp", 1);

    static final ConfigOption<String> ARRAY_ENCODING = ConfigOption.string("array.encoding").withDefault("array")
            .validatedBy("array"::equalsIgnoreCase, "array (document is not supported yet)");
    static final ConfigOption<Boolean> FLATTEN_STRUCT = ConfigOption.bool("flatten.struct").withDefault(false)
            .validatedBy(flatten -> !flatten, "false (flattening is not supported yet)");
    static final ConfigOption<String> MODE = ConfigOption.string("delete.tombstone.handling.mode")
            .withDefault("tombstone")
            .validatedBy("tombstone"::equalsIgnoreCase, "tombstone (the other modes are not supported yet)");
    static final ConfigOption<List<String>> ADD_FIELDS = ConfigOption.list("add.fields")
            .validatedBy(List::isEmpty, "nothing (add.fields is not supported yet)");
    static final ConfigOption<List<String>> ADD_HEADERS = ConfigOption.list("add.headers")
            .validatedBy(List::isEmpty, "nothing (add.headers is not supported yet)");
    public static final ConfigDefinition DEFINITION = new ConfigDefinition(List.of(ARRAY_ENCODING, FLATTEN_STRUCT,
            MODE, ADD_FIELDS, ADD_HEADERS), Set.of());

    /** Checks the options: each must have its default, the only behaviour there is so far. */
    @Override
    public void configure(Map<String, String> config) {
        DEFINITION.parse(config);
    }

    @Override
    public ChangeRecord apply(ChangeRecord record) {
        if (!isDocumentKey(record)) {
            return record;
        }
        if (record.isTombstone()) {
            return null;
        }
        EventSchema envelope = record.valueSchema();
        if (envelope.type() != Type.STRUCT || envelope.field("after").isEmpty()
                || !envelope.field("after").get().schema().name().filter(JSON::equals).isPresent()
                || envelope.field("op").isEmpty()) {
            return record;
        }
        Object[] value = (Object[]) record.value();
        BsonDocument key = BsonDocument.parse("{\"id\": " + ((Object[]) record.key())[0] + "}");
        Converted newKey = struct(null, key);
        String op = (String) value[envelope.field("op").get().index()];
        if ("d".equals(op)) {
            return new ChangeRecord(record.topic(), newKey.schema(), newKey.value(), null, null, record.partition(),
                    record.offset(), record.headers());
        }
        BsonDocument document = document(envelope, value, key);
        if (document == null) {
            return new ChangeRecord(record.topic(), newKey.schema(), newKey.value(), null, null, record.partition(),
                    record.offset(), record.headers());
        }
        String name = envelope.name().orElse(record.topic());
        if (name.endsWith(ENVELOPE)) {
            name = name.substring(0, name.length() - ENVELOPE.length());
        }
        Converted newValue = struct(name, document);
        return new ChangeRecord(record.topic(), newKey.schema(), newKey.value(), newValue.schema(), newValue.value(),
                record.partition(), record.offset(), record.headers());
    }

    /** The document after the change; for an update without it, its updated fields less the removed ones. */
    private static BsonDocument document(EventSchema envelope, Object[] value, BsonDocument key) {
        Object after = value[envelope.field("after").get().index()];
        if (after != null) {
            return BsonDocument.parse((String) after);
        }
        Object[] description = envelope.field("updateDescription")
                .map(field -> (Object[]) value[field.index()]).orElse(null);
        if (description == null || description[1] == null) {
            return null;
        }
        BsonDocument document = BsonDocument.parse((String) description[1]);
        if (description[0] instanceof List<?> removed) {
            removed.forEach(field -> document.remove(String.valueOf(field)));
        }
        if (!document.containsKey("_id")) {
            document.append("_id", key.get("id"));
        }
        return document;
    }

    /** A key of Debezium's MongoDB format: one field {@code id}, the _id as extended JSON text. */
    private static boolean isDocumentKey(ChangeRecord record) {
        EventSchema key = record.keySchema();
        return key != null && key.type() == Type.STRUCT && key.fields().size() == 1
                && key.fields().get(0).name().equals("id") && key.fields().get(0).schema().type() == Type.STRING
                && record.key() instanceof Object[] fields && fields[0] instanceof String;
    }

    private record Converted(EventSchema schema, Object value) {
    }

    /** A document as a struct: its schema read from its fields, in their order; the top level not optional. */
    private static Converted struct(String name, BsonDocument document) {
        EventSchema schema = documentSchema(name, document, false);
        return new Converted(schema, values(schema, document));
    }

    private static EventSchema documentSchema(String name, BsonDocument document, boolean optional) {
        Map<String, EventSchema> fields = new LinkedHashMap<>();
        for (Map.Entry<String, BsonValue> entry : document.entrySet()) {
            fieldSchema(name, entry.getKey(), entry.getValue()).ifPresent(schema -> fields.putIfAbsent(entry.getKey(),
                    schema));
        }
        EventSchema.FieldsBuilder builder = EventSchema.fieldsBuilder();
        fields.forEach(builder::add);
        EventSchema struct = name == null ? EventSchema.struct(builder.build())
                : EventSchema.struct(name, builder.build());
        return optional ? struct.asOptional() : struct;
    }

    private static Optional<EventSchema> fieldSchema(String parent, String field, BsonValue value) {
        return switch (value.getBsonType()) {
            case DOCUMENT -> Optional.of(value.asDocument().isEmpty()
                    ? EventSchema.struct(List.of()).asOptional()
                    : documentSchema(child(parent, field), value.asDocument(), true));
            case ARRAY -> Optional.of(arraySchema(parent, field, value.asArray()));
            case REGULAR_EXPRESSION -> Optional.of(EventSchema.struct(REGEX, EventSchema.fieldsBuilder()
                    .add("regex", EventSchema.of(Type.STRING).asOptional())
                    .add("options", EventSchema.of(Type.STRING).asOptional())
                    .build()).asOptional());
            default -> Optional.ofNullable(scalar(value.getBsonType()));
        };
    }

    /**
     * An array's schema: of its scalars' one type, of its arrays, or of one struct merging its documents' fields
     * (the last document's schema of a field wins, as Debezium's does); elements of two types are an error.
     */
    private static EventSchema arraySchema(String parent, String field, BsonArray array) {
        if (array.isEmpty()) {
            return EventSchema.array(EventSchema.of(Type.STRING).asOptional()).asOptional();
        }
        BsonDocument merged = new BsonDocument();
        List<BsonValue> scalars = new ArrayList<>();
        BsonArray inner = null;
        for (BsonValue element : array) {
            switch (element.getBsonType()) {
                case DOCUMENT -> element.asDocument().forEach(merged::put);
                case ARRAY -> inner = inner == null ? element.asArray() : inner;
                default -> scalars.add(element);
            }
        }
        if (!merged.isEmpty()) {
            return EventSchema.array(documentSchema(child(parent, field), merged, true)).asOptional();
        }
        if (inner != null) {
            EventSchema innerSchema = arraySchema(parent, field, inner);
            return EventSchema.array(innerSchema).asOptional();
        }
        EventSchema element = scalar(scalars.get(0).getBsonType());
        for (BsonValue scalar : scalars) {
            if (!Objects.equals(scalar(scalar.getBsonType()), element)) {
                throw new IllegalArgumentException("Array elements with different Bson types are not supported: "
                        + array);
            }
        }
        return EventSchema.array(element).asOptional();
    }

    /** A nested struct's name; under the unnamed key struct Debezium's is {@code null.<field>}, and so is this. */
    private static String child(String parent, String field) {
        return parent + "." + field;
    }

    /** A scalar's schema, or null for types Debezium leaves out. */
    private static EventSchema scalar(BsonType type) {
        return switch (type) {
            case NULL, STRING, JAVASCRIPT, OBJECT_ID, DECIMAL128 -> EventSchema.of(Type.STRING).asOptional();
            case DOUBLE -> EventSchema.of(Type.FLOAT64).asOptional();
            case BINARY -> EventSchema.of(Type.BYTES).asOptional();
            case INT32 -> EventSchema.of(Type.INT32).asOptional();
            case INT64 -> EventSchema.of(Type.INT64).asOptional();
            case DATE_TIME, TIMESTAMP -> TIMESTAMP;
            case BOOLEAN -> EventSchema.of(Type.BOOLEAN).asOptional();
            default -> null;
        };
    }

    private static Object[] values(EventSchema schema, BsonDocument document) {
        Object[] struct = new Object[schema.fields().size()];
        for (EventSchema.Field field : schema.fields()) {
            BsonValue value = document.get(field.name());
            struct[field.index()] = value == null ? null : value(field.schema(), value);
        }
        return struct;
    }

    private static Object value(EventSchema schema, BsonValue value) {
        return switch (value.getBsonType()) {
            case DOCUMENT -> values(schema, value.asDocument());
            case ARRAY -> {
                List<Object> list = new ArrayList<>();
                for (BsonValue element : value.asArray()) {
                    list.add(value(schema.items().orElseThrow(), element));
                }
                yield list;
            }
            case REGULAR_EXPRESSION -> new Object[] {value.asRegularExpression().getPattern(),
                value.asRegularExpression().getOptions()};
            case STRING -> value.asString().getValue();
            case OBJECT_ID -> value.asObjectId().getValue().toHexString();
            case DECIMAL128 -> value.asDecimal128().getValue().toString();
            case DOUBLE -> value.asDouble().getValue();
            case BINARY -> value.asBinary().getData();
            case INT32 -> value.asInt32().getValue();
            case INT64 -> value.asInt64().getValue();
            case BOOLEAN -> value.asBoolean().getValue();
            case DATE_TIME -> value.asDateTime().getValue();
            case TIMESTAMP -> 1000L * value.asTimestamp().getTime();
            case JAVASCRIPT -> value.asJavaScript().getCode();
            default -> null;
        };
    }
}
