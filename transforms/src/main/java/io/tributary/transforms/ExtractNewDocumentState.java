package io.tributary.transforms;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.tributary.api.ChangeRecord;
import io.tributary.api.ChangeTransform;
import io.tributary.api.EventSchema;
import io.tributary.api.EventSchema.Type;
import io.tributary.api.config.ConfigDefinition;
import io.tributary.api.config.ConfigOption;
import io.tributary.api.config.ParsedConfig;
import io.tributary.transforms.ExtractNewRecordState.DeleteTombstoneHandlingMode;
import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonType;
import org.bson.BsonValue;

/**
 * Debezium's MongoDB unwrap, {@code ExtractNewDocumentState} (3.5): a change event in Debezium's MongoDB format becomes
 * the document after the change as a struct whose schema is read from the document itself — scalars as Connect types
 * (ObjectId, Decimal128, JavaScript and null as strings, dates and timestamps as Connect timestamps), nested documents
 * as structs named {@code <parent>.<field>}, arrays as arrays (the documents of an array merged into one struct),
 * regular expressions as {@code io.debezium.mongodb.regex} structs — named as the envelope without {@code .Envelope};
 * the key {@code {"id": <the _id>}} the same way, unnamed. An update without the document after it becomes its updated
 * fields (dotted paths as they are) and the {@code _id}. Records that are not MongoDB change events pass.
 * <p>
 * Its options, as Debezium's: {@code delete.tombstone.handling.mode} — {@code tombstone} (the default: a delete becomes
 * the key without a value, the source's tombstone is dropped), {@code delete} (the same record), {@code drop},
 * {@code rewrite} (a delete becomes the document before it — with a pre-image — or nothing but
 * {@code __deleted: true}; every other event gets {@code __deleted: false}), {@code rewrite-with-tombstone} (and the
 * tombstones are kept); {@code delete.tombstone.handling.mode.rewrite-with-id} (a rewritten record without an
 * {@code _id} gets the key's); {@code add.fields} / {@code add.headers} with their prefixes (see {@link AddedFields}:
 * fields are added to a record with a value, headers to every event, a tombstone's {@code op} as "d");
 * {@code flatten.struct} with {@code flatten.struct.delimiter} (Kafka's {@code Flatten} on the value; an update's
 * dotted paths joined with the delimiter). {@code replace.null.with.default} is taken and changes nothing (a
 * document's fields have no defaults); {@code array.encoding=document}, {@code field.name.adjustment.mode} other than
 * {@code none} and {@code route.by.field} (which Debezium's MongoDB unwrap takes and ignores) are refused.
 * <p>
 * What Debezium's unwrap refuses is refused: a field without a name, a symbol, min or max key, JavaScript with scope,
 * documents of one array whose fields differ in type, arrays three deep, an array whose elements do not fit the schema
 * its first group of elements gave (a number among documents, a string in an array of int32 arrays), an added field
 * whose name the document has; an undefined value is left out, and an empty array inside an array dropped, as in
 * Debezium.
 */
public final class ExtractNewDocumentState implements ChangeTransform {
    private static final String JSON = "io.debezium.data.Json";
    private static final String ENVELOPE = ".Envelope";
    private static final String REGEX = "io.debezium.mongodb.regex";
    private static final String DELETED = "__deleted";
    private static final EventSchema TIMESTAMP = EventSchema.of(Type.INT64).asOptional()
            .withName("org.apache.kafka.connect.data.Timestamp", 1);

    static final ConfigOption<String> ARRAY_ENCODING = ConfigOption.string("array.encoding").withDefault("array")
            .validatedBy("array"::equalsIgnoreCase, "array (document is not supported yet)");
    static final ConfigOption<Boolean> FLATTEN_STRUCT = ConfigOption.bool("flatten.struct").withDefault(false);
    static final ConfigOption<String> DELIMITER = ConfigOption.string("flatten.struct.delimiter").withDefault("_");
    static final ConfigOption<Boolean> REWRITE_WITH_ID = ConfigOption
            .bool("delete.tombstone.handling.mode.rewrite-with-id").withDefault(false);
    static final ConfigOption<String> FIELD_NAME_ADJUSTMENT = ConfigOption.string("field.name.adjustment.mode")
            .withDefault("none")
            .validatedBy("none"::equalsIgnoreCase, "none (avro and avro_unicode are not supported yet)");
    static final ConfigOption<String> ROUTE_BY_FIELD = ConfigOption.string("route.by.field").withDefault("")
            .validatedBy(String::isBlank, "nothing: Debezium's MongoDB unwrap takes route.by.field and ignores it; "
                    + "route with RegexRouter or a topic naming option instead");
    public static final ConfigDefinition DEFINITION = new ConfigDefinition(List.of(ExtractNewRecordState.MODE,
            REWRITE_WITH_ID, ExtractNewRecordState.ADD_FIELDS, ExtractNewRecordState.ADD_FIELDS_PREFIX,
            ExtractNewRecordState.ADD_HEADERS, ExtractNewRecordState.ADD_HEADERS_PREFIX,
            ExtractNewRecordState.REPLACE_NULL_WITH_DEFAULT, ROUTE_BY_FIELD, ARRAY_ENCODING, FLATTEN_STRUCT,
            DELIMITER, FIELD_NAME_ADJUSTMENT), Set.of());

    /** An envelope's fields by position (updateDescription -1 when it has none), and the added fields' places. */
    private record Layout(int before, int after, int updateDescription, List<AddedFields.Located> fields,
            List<String> missingFields, List<AddedFields.Located> headers) {
    }

    private DeleteTombstoneHandlingMode mode;
    private boolean rewrite;
    private boolean rewriteWithId;
    private boolean flatten;
    private String delimiter;
    private List<AddedFields.Entry> addedFields;
    private List<AddedFields.Entry> addedHeaders;
    private AddedFields.Tombstones tombstones;
    private final Map<EventSchema, Layout> layouts = new IdentityHashMap<>();

    /** With the default options until configured. */
    public ExtractNewDocumentState() {
        configure(Map.of());
    }

    @Override
    public void configure(Map<String, String> config) {
        ParsedConfig parsed = DEFINITION.parse(config);
        mode = parsed.get(ExtractNewRecordState.MODE);
        rewrite = mode == DeleteTombstoneHandlingMode.REWRITE
                || mode == DeleteTombstoneHandlingMode.REWRITE_WITH_TOMBSTONE;
        rewriteWithId = parsed.get(REWRITE_WITH_ID);
        flatten = parsed.get(FLATTEN_STRUCT);
        delimiter = parsed.get(DELIMITER);
        addedFields = AddedFields.parse(parsed.get(ExtractNewRecordState.ADD_FIELDS),
                parsed.get(ExtractNewRecordState.ADD_FIELDS_PREFIX));
        addedHeaders = AddedFields.parse(parsed.get(ExtractNewRecordState.ADD_HEADERS),
                parsed.get(ExtractNewRecordState.ADD_HEADERS_PREFIX));
        tombstones = new AddedFields.Tombstones(addedHeaders);
    }

    @Override
    public ChangeRecord apply(ChangeRecord record) {
        if (!isDocumentKey(record)) {
            return record;
        }
        BsonDocument key = BsonDocument.parse("{\"id\": " + ((Object[]) record.key())[0] + "}");
        if (record.value() == null) {
            return mode == DeleteTombstoneHandlingMode.REWRITE_WITH_TOMBSTONE
                    ? unwrapped(record, key, new BsonDocument(), null, null).withHeadersAdded(tombstones.of(record))
                    : null;
        }
        EventSchema envelope = record.valueSchema();
        if (envelope.type() != Type.STRUCT || envelope.field("after").isEmpty()
                || !envelope.field("after").get().schema().name().filter(JSON::equals).isPresent()
                || envelope.field("op").isEmpty()) {
            return record;
        }
        Layout layout = layouts.computeIfAbsent(envelope, ExtractNewDocumentState.this::layout);
        Object[] value = (Object[]) record.value();
        List<ChangeRecord.Header> headers = AddedFields.headers(layout.headers(), value);
        Object after = value[layout.after()];
        Object[] description = layout.updateDescription() < 0 ? null : (Object[]) value[layout.updateDescription()];
        boolean deletion = after == null && description == null;
        tombstones.passed(record, deletion, headers);
        BsonDocument document;
        if (!deletion) {
            document = after != null ? BsonDocument.parse((String) after) : updated(description, key);
        } else if (mode == DeleteTombstoneHandlingMode.DROP) {
            return null;
        } else if (rewrite && value[layout.before()] != null) {
            document = BsonDocument.parse((String) value[layout.before()]);
        } else {
            document = new BsonDocument();
        }
        if (rewrite) {
            document.append(DELETED, BsonBoolean.valueOf(deletion));
            if (rewriteWithId && !document.containsKey("_id")) {
                document.append("_id", key.get("id"));
            }
        }
        return unwrapped(record, key, document, layout, value).withHeadersAdded(headers);
    }

    /**
     * The record of {@code document}: the key as a struct; the document as a struct with the added fields after its
     * own, flattened if asked — or no value at all when the document is empty.
     */
    private ChangeRecord unwrapped(ChangeRecord record, BsonDocument key, BsonDocument document, Layout layout,
            Object[] envelope) {
        Converted newKey = struct(null, key);
        if (document.isEmpty()) {
            return new ChangeRecord(record.topic(), newKey.schema(), newKey.value(), null, null, record.partition(),
                    record.offset(), record.headers());
        }
        if (!layout.missingFields().isEmpty()) {
            // Debezium's MongoDB unwrap fails on every such record too (headers it leaves out instead)
            throw new IllegalArgumentException("add.fields names " + layout.missingFields() + ", which events of "
                    + record.topic() + " do not have: their fields are op, ts_ms, source.* (" + record.valueSchema()
                    .field("source").map(source -> source.schema().fields().stream().map(EventSchema.Field::name)
                            .toList().toString()).orElse("none") + "), ...; remove them from add.fields");
        }
        String name = record.valueSchema().name().orElse(record.topic());
        if (name.endsWith(ENVELOPE)) {
            name = name.substring(0, name.length() - ENVELOPE.length());
        }
        Converted newValue = withAddedFields(struct(name, document), layout.fields(), envelope);
        if (flatten) {
            newValue = new Converted(FlattenedStruct.schema(newValue.schema(), delimiter),
                    FlattenedStruct.value(newValue.schema(), (Object[]) newValue.value()));
        }
        return new ChangeRecord(record.topic(), newKey.schema(), newKey.value(), newValue.schema(), newValue.value(),
                record.partition(), record.offset(), record.headers());
    }

    private static Converted withAddedFields(Converted document, List<AddedFields.Located> added, Object[] envelope) {
        if (added.isEmpty()) {
            return document;
        }
        EventSchema schema = document.schema();
        EventSchema.FieldsBuilder fields = EventSchema.fieldsBuilder();
        schema.fields().forEach(field -> fields.add(field.name(), field.schema()));
        Object[] values = Arrays.copyOf((Object[]) document.value(), schema.fields().size() + added.size());
        int next = schema.fields().size();
        for (AddedFields.Located field : added) {
            if (schema.field(field.name()).isPresent()) {
                throw new IllegalArgumentException("Cannot add the field " + field.name() + ": the document has a "
                        + "field of that name; choose another add.fields.prefix");
            }
            fields.add(field.name(), field.schema());
            values[next++] = field.valueIn(envelope);
        }
        return new Converted(EventSchema.struct(schema.name().orElseThrow(), fields.build()), values);
    }

    private Layout layout(EventSchema envelope) {
        return new Layout(envelope.field("before").map(EventSchema.Field::index).orElse(-1),
                envelope.field("after").orElseThrow().index(),
                envelope.field("updateDescription").map(EventSchema.Field::index).orElse(-1),
                AddedFields.locateFields(envelope, addedFields), AddedFields.missing(envelope, addedFields),
                AddedFields.locateHeaders(envelope, addedHeaders));
    }

    /**
     * An update without the document after it: its updated fields less the removed ones, and its _id (also when it
     * has no updatedFields, as in Debezium); flattened, the dots of their paths become the delimiter.
     */
    private BsonDocument updated(Object[] description, BsonDocument key) {
        BsonDocument document = description[1] == null ? new BsonDocument()
                : BsonDocument.parse((String) description[1]);
        if (description[0] instanceof List<?> removed) {
            removed.forEach(field -> document.remove(String.valueOf(field)));
        }
        if (!document.containsKey("_id")) {
            document.append("_id", key.get("id"));
        }
        if (!flatten) {
            return document;
        }
        BsonDocument flattened = new BsonDocument();
        document.forEach((field, value) -> flattened.put(field.replace(".", delimiter), value));
        return flattened;
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

    /**
     * A document as a struct: its schema read from its fields, in their order; the top level not optional. As in
     * Debezium, every array anywhere in it is checked first (the documents of an array must agree on their fields'
     * types), and a document the schema cannot hold is refused (a field of a type left out, a field with no name).
     */
    private static Converted struct(String name, BsonDocument document) {
        checkArrays(document);
        EventSchema schema = documentSchema(name, document, false);
        return new Converted(schema, values(schema, document));
    }

    // ---- the schema ----

    /** The kinds of value Debezium's unwrap can type inside an array; other BSON types are refused there. */
    private enum Kind { STRING, FLOAT64, BYTES, INT32, INT64, TIMESTAMP, BOOLEAN, ARRAY, STRUCT }

    private static Kind kind(BsonType type) {
        return switch (type) {
            case NULL, STRING, JAVASCRIPT, OBJECT_ID, DECIMAL128 -> Kind.STRING;
            case DOUBLE -> Kind.FLOAT64;
            case BINARY -> Kind.BYTES;
            case INT32 -> Kind.INT32;
            case INT64 -> Kind.INT64;
            case DATE_TIME, TIMESTAMP -> Kind.TIMESTAMP;
            case BOOLEAN -> Kind.BOOLEAN;
            case ARRAY -> Kind.ARRAY;
            case DOCUMENT -> Kind.STRUCT;
            default -> throw new IllegalArgumentException("The value type " + type
                    + " is not supported for sub schema");
        };
    }

    /**
     * Checks every array under {@code value}: the fields of the documents of one array must be of one kind each,
     * except that a non-empty document may follow a field of any kind (it replaces it); a field of a type that has no
     * kind is refused. Debezium checks this of the whole document before it builds a schema.
     */
    private static void checkArrays(BsonValue value) {
        if (value.isDocument()) {
            value.asDocument().values().forEach(ExtractNewDocumentState::checkArrays);
        } else if (value.isArray()) {
            Map<String, Set<Kind>> kinds = new HashMap<>();
            for (BsonValue element : value.asArray()) {
                if (element.isDocument()) {
                    for (Map.Entry<String, BsonValue> field : element.asDocument().entrySet()) {
                        Set<Kind> seen = kinds.computeIfAbsent(field.getKey(), name -> EnumSet.noneOf(Kind.class));
                        seen.add(kind(field.getValue().getBsonType()));
                        boolean nested = field.getValue().isDocument() && !field.getValue().asDocument().isEmpty();
                        if (!nested && seen.size() > 1) {
                            throw new IllegalArgumentException("Array elements with different Bson types are not "
                                    + "supported: " + field.getKey() + " " + seen);
                        }
                    }
                }
                checkArrays(element);
            }
        }
    }

    private static EventSchema documentSchema(String name, BsonDocument document, boolean optional) {
        List<Map.Entry<String, EventSchema>> fields = new ArrayList<>();
        for (Map.Entry<String, BsonValue> entry : document.entrySet()) {
            fieldSchema(name, entry.getKey(), entry.getValue())
                    .ifPresent(schema -> addField(fields, entry.getKey(), schema));
        }
        EventSchema.FieldsBuilder builder = EventSchema.fieldsBuilder();
        fields.forEach(field -> builder.add(field.getKey(), field.getValue()));
        EventSchema struct = name == null ? EventSchema.struct(builder.build())
                : EventSchema.struct(name, builder.build());
        return optional ? struct.asOptional() : struct;
    }

    /** A field, unless one of that name is there (the first stays); a field without a name is refused, as Connect. */
    private static void addField(List<Map.Entry<String, EventSchema>> fields, String name, EventSchema schema) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("fieldName cannot be null.");
        }
        if (fields.stream().noneMatch(field -> field.getKey().equals(name))) {
            fields.add(Map.entry(name, schema));
        }
    }

    /** A field's schema; none for the types Debezium leaves out (a symbol, min and max keys, undefined). */
    private static Optional<EventSchema> fieldSchema(String parent, String field, BsonValue value) {
        return switch (value.getBsonType()) {
            case DOCUMENT -> Optional.of(value.asDocument().isEmpty()
                    ? EventSchema.struct(List.of()).asOptional()
                    : documentSchema(child(parent, field), value.asDocument(), true));
            case ARRAY -> arraySchema(parent, field, value.asArray());
            case REGULAR_EXPRESSION -> Optional.of(EventSchema.struct(REGEX, EventSchema.fieldsBuilder()
                    .add("regex", EventSchema.of(Type.STRING).asOptional())
                    .add("options", EventSchema.of(Type.STRING).asOptional())
                    .build()).asOptional());
            case JAVASCRIPT_WITH_SCOPE -> throw new IllegalArgumentException("JavaScript with scope (field " + field
                    + ") is not supported");
            default -> Optional.ofNullable(scalar(value.getBsonType()));
        };
    }

    /**
     * An array's elements as Debezium groups them: its arrays, its documents merged (a field keeps its first place
     * and takes its last value), its scalars.
     */
    private record Elements(List<BsonArray> arrays, BsonDocument merged, List<BsonValue> scalars) {
        static Elements of(BsonArray array) {
            Elements elements = new Elements(new ArrayList<>(), new BsonDocument(), new ArrayList<>());
            for (BsonValue element : array) {
                switch (element.getBsonType()) {
                    case ARRAY -> elements.arrays.add(element.asArray());
                    case DOCUMENT -> element.asDocument().forEach(elements.merged::put);
                    default -> elements.scalars.add(element);
                }
            }
            return elements;
        }

        boolean isEmpty() {
            return arrays.isEmpty() && merged.isEmpty() && scalars.isEmpty();
        }
    }

    /**
     * An array field's schema as Debezium infers it: the first of its groups that yields one decides — each inner
     * array in turn (its scalars, or its documents as an unnamed struct: an array of arrays; an array three deep is
     * refused; an empty inner array yields none), then its documents (one struct named {@code <parent>.<field>}), then
     * its scalars (of one kind). An empty array, or one of empty documents only, is an array of strings; an array of
     * empty arrays only has no schema (Debezium then fails on its value).
     */
    private static Optional<EventSchema> arraySchema(String parent, String field, BsonArray array) {
        Elements elements = Elements.of(array);
        if (elements.isEmpty()) {
            return Optional.of(EventSchema.array(EventSchema.of(Type.STRING).asOptional()).asOptional());
        }
        for (BsonArray inner : elements.arrays()) {
            Elements innerElements = Elements.of(inner);
            if (!innerElements.arrays().isEmpty()) {
                throw new IllegalArgumentException("Arrays nested three deep are not supported: " + field);
            }
            if (!innerElements.merged().isEmpty()) {
                return Optional.of(EventSchema.array(EventSchema.array(documentSchema(null, innerElements.merged(),
                        true)).asOptional()).asOptional());
            }
            if (!innerElements.scalars().isEmpty()) {
                return Optional.of(EventSchema.array(scalarsSchema(innerElements.scalars()).asOptional())
                        .asOptional());
            }
        }
        if (!elements.merged().isEmpty()) {
            return Optional.of(EventSchema.array(documentSchema(child(parent, field), elements.merged(), true))
                    .asOptional());
        }
        if (!elements.scalars().isEmpty()) {
            return Optional.of(scalarsSchema(elements.scalars()));
        }
        return Optional.empty();
    }

    /** An array of scalars of one kind (null a string): of its first element's schema. */
    private static EventSchema scalarsSchema(List<BsonValue> scalars) {
        Set<Kind> kinds = EnumSet.noneOf(Kind.class);
        scalars.forEach(scalar -> kinds.add(kind(scalar.getBsonType())));
        if (kinds.size() > 1) {
            throw new IllegalArgumentException("Array elements with different Bson types are not supported: "
                    + scalars);
        }
        return EventSchema.array(elementSchema(scalars.get(0).getBsonType())).asOptional();
    }

    /** An array element's schema by its kind (an array of strings for an array, an empty struct for a document). */
    private static EventSchema elementSchema(BsonType type) {
        return switch (kind(type)) {
            case ARRAY -> EventSchema.array(EventSchema.of(Type.STRING).asOptional()).asOptional();
            case STRUCT -> EventSchema.struct(List.of()).asOptional();
            default -> scalar(type);
        };
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

    // ---- the value ----

    /** A timestamp while a value is checked against its schema (Connect tells it from an int64 by its class). */
    private record Millis(long value) {
    }

    /**
     * A document's struct: each of its fields, in its order, must have a field of the schema (undefined values are
     * left out), and its value must fit that field's schema, as Connect checks each value Debezium puts.
     */
    private static Object[] values(EventSchema schema, BsonDocument document) {
        if (schema.type() != Type.STRUCT) {
            throw new IllegalArgumentException("Not a struct schema: " + schema);
        }
        Map<String, EventSchema.Field> fields = new HashMap<>();
        schema.fields().forEach(field -> fields.putIfAbsent(field.name(), field));
        Object[] struct = new Object[schema.fields().size()];
        for (Map.Entry<String, BsonValue> entry : document.entrySet()) {
            BsonValue value = entry.getValue();
            if (value.getBsonType() == BsonType.UNDEFINED) {
                continue;
            }
            EventSchema.Field field = fields.get(entry.getKey());
            if (field == null) {
                throw new IllegalArgumentException(entry.getKey() + " is not a valid field name");
            }
            struct[field.index()] = finish(checked(field.schema(), fieldValue(field.schema(), value)));
        }
        return struct;
    }

    /** A field's value before it is checked: arrays built as Debezium builds them, against the element schema. */
    private static Object fieldValue(EventSchema schema, BsonValue value) {
        return switch (value.getBsonType()) {
            case DOCUMENT -> values(schema, value.asDocument());
            case ARRAY -> elements(value.asArray(),
                    schema.type() == Type.ARRAY ? schema.items().orElseThrow() : schema);
            case REGULAR_EXPRESSION -> regex(schema, value);
            default -> scalarValue(value);
        };
    }

    private static Object regex(EventSchema schema, BsonValue value) {
        if (schema.type() != Type.STRUCT || schema.field("regex").isEmpty()) {
            throw new IllegalArgumentException("Not a regular expression's schema: " + schema);
        }
        return new Object[] {value.asRegularExpression().getPattern(), value.asRegularExpression().getOptions()};
    }

    /**
     * An array's elements as Debezium builds them: a document as a struct of {@code element}; an inner array as a list
     * of its scalars and of its documents as structs of {@code element}'s items (an empty inner array left out); a
     * scalar as its value (null for a type without one).
     */
    private static List<Object> elements(BsonArray array, EventSchema element) {
        List<Object> values = new ArrayList<>();
        for (BsonValue value : array) {
            switch (value.getBsonType()) {
                case ARRAY -> {
                    List<Object> inner = new ArrayList<>();
                    for (BsonValue innerValue : value.asArray()) {
                        switch (innerValue.getBsonType()) {
                            case ARRAY -> inner.add(elements(innerValue.asArray(), element));
                            case DOCUMENT -> inner.add(values(element.items().orElseThrow(() ->
                                    new IllegalArgumentException("Not an array schema: " + element)),
                                    innerValue.asDocument()));
                            default -> inner.add(scalarValue(innerValue));
                        }
                    }
                    if (!inner.isEmpty()) {
                        values.add(inner);
                    }
                }
                case DOCUMENT -> values.add(values(element, value.asDocument()));
                default -> values.add(scalarValue(value));
            }
        }
        return values;
    }

    /** A scalar's value: a timestamp as {@link Millis} until checked; null for the types without one. */
    private static Object scalarValue(BsonValue value) {
        return switch (value.getBsonType()) {
            case STRING -> value.asString().getValue();
            case OBJECT_ID -> value.asObjectId().getValue().toHexString();
            case DECIMAL128 -> value.asDecimal128().getValue().toString();
            case DOUBLE -> value.asDouble().getValue();
            case BINARY -> value.asBinary().getData();
            case INT32 -> value.asInt32().getValue();
            case INT64 -> value.asInt64().getValue();
            case BOOLEAN -> value.asBoolean().getValue();
            case DATE_TIME -> new Millis(value.asDateTime().getValue());
            case TIMESTAMP -> new Millis(1000L * value.asTimestamp().getTime());
            case JAVASCRIPT -> value.asJavaScript().getCode();
            default -> null;
        };
    }

    /** {@code value} if it fits {@code schema} as Connect sees it (a struct is built for its schema); else refused. */
    private static Object checked(EventSchema schema, Object value) {
        if (value == null) {
            if (!schema.optional()) {
                throw new IllegalArgumentException("Conversion error: null value for field that is required");
            }
            return null;
        }
        boolean fits = switch (schema.type()) {
            case INT32 -> value instanceof Integer;
            case INT64 -> TIMESTAMP.name().equals(schema.name()) ? value instanceof Millis : value instanceof Long;
            case FLOAT64 -> value instanceof Double;
            case BOOLEAN -> value instanceof Boolean;
            case STRING -> value instanceof String;
            case BYTES -> value instanceof byte[];
            case STRUCT -> value instanceof Object[];
            case ARRAY -> value instanceof List<?> list && list.stream().allMatch(element ->
                    checked(schema.items().orElseThrow(), element) == element);
            default -> false;
        };
        if (!fits) {
            throw new IllegalArgumentException("Invalid Java object for schema with type " + schema.type() + ": "
                    + value.getClass());
        }
        return value;
    }

    /** A checked value with its timestamps as epoch milliseconds. */
    private static Object finish(Object value) {
        if (value instanceof Millis millis) {
            return millis.value();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ExtractNewDocumentState::finish).toList();
        }
        return value;
    }
}
