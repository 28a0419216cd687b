package io.tributary.transforms;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.tributary.api.ChangeRecord;
import io.tributary.api.ChangeTransform;
import io.tributary.api.EventSchema;
import io.tributary.api.config.ConfigDefinition;
import io.tributary.api.config.ConfigOption;
import io.tributary.api.config.ParsedConfig;

/**
 * Debezium's {@code ExtractNewRecordState} ("unwrap"), as Debezium 3.5 behaves: a change event becomes the row
 * state after the change; records that are not change events (schema changes, heartbeats, transaction events) pass
 * unchanged; truncates are dropped. Deletes and the tombstones after them follow
 * {@code delete.tombstone.handling.mode}; {@code add.fields} appends envelope fields ({@code op},
 * {@code source.ts_ms}, {@code table}, ...) under {@code add.fields.prefix}, and {@code add.headers} adds them as
 * headers under {@code add.headers.prefix} (a tombstone gets only {@code op}, as "d"). The row schema keeps the name of the
 * event's row schema ({@code <prefix>.<db>.<table>.Value}) and is not optional, as Debezium's copy is not.
 */
public final class ExtractNewRecordState implements ChangeTransform {
    /** What happens to deletes and to the tombstones that follow them. */
    public enum DeleteTombstoneHandlingMode {
        /** Deletes and tombstones are dropped. */
        DROP,
        /** A delete becomes a null value (under the row schema); tombstones are dropped. */
        TOMBSTONE,
        /** A delete becomes the row before it with {@code __deleted=true}; tombstones are dropped. */
        REWRITE,
        /** As {@code rewrite}, and tombstones are kept. */
        REWRITE_WITH_TOMBSTONE,
        /** A delete becomes a tombstone (no schema, no value); tombstones are dropped. */
        DELETE_TO_TOMBSTONE
    }

    static final ConfigOption<DeleteTombstoneHandlingMode> MODE = ConfigOption
            .oneOf("delete.tombstone.handling.mode", DeleteTombstoneHandlingMode.class)
            .withDefault(DeleteTombstoneHandlingMode.TOMBSTONE);
    static final ConfigOption<List<String>> ADD_FIELDS = ConfigOption.list("add.fields");
    static final ConfigOption<String> ADD_FIELDS_PREFIX = ConfigOption.string("add.fields.prefix").withDefault("__");
    static final ConfigOption<Boolean> REPLACE_NULL_WITH_DEFAULT = ConfigOption.bool("replace.null.with.default")
            .withDefault(true);
    static final ConfigOption<List<String>> ADD_HEADERS = ConfigOption.list("add.headers");
    static final ConfigOption<String> ADD_HEADERS_PREFIX = ConfigOption.string("add.headers.prefix")
            .withDefault("__");
    static final ConfigOption<String> ROUTE_BY_FIELD = ConfigOption.string("route.by.field").withDefault("")
            .withDoc("a column whose value becomes the record's topic (blank or null: the topic stays)");
    public static final ConfigDefinition DEFINITION = new ConfigDefinition(List.of(MODE, ADD_FIELDS, ADD_FIELDS_PREFIX,
            REPLACE_NULL_WITH_DEFAULT, ADD_HEADERS, ADD_HEADERS_PREFIX, ROUTE_BY_FIELD), Set.of("drop.fields."));

    private static final Set<String> TOP_LEVEL = Set.of("op", "ts_ms", "ts_us", "ts_ns");
    private static final Set<String> TRANSACTION = Set.of("id", "total_order", "data_collection_order");
    private static final EventSchema DELETED = EventSchema.of(EventSchema.Type.STRING).asOptional();
    private static final EventSchema OP_OF_TOMBSTONE = EventSchema.of(EventSchema.Type.STRING);

    /** An {@code add.fields} or {@code add.headers} entry: where its value is, and the field or header it becomes. */
    private record AddedField(Optional<String> struct, String field, String name) {
    }

    /** An added field or header found in an envelope: its name, path of field indexes and (optional) schema. */
    private record Located(String name, int[] path, EventSchema schema) {
    }

    /** An envelope's fields by position, the row schema derived from it, and the added fields' and headers' places. */
    private record Layout(int before, int after, EventSchema row, List<Located> fields, List<Located> headers) {
    }

    private DeleteTombstoneHandlingMode mode;
    private String routeByField;
    private boolean rewrite;
    private boolean replaceNullWithDefault;
    private List<AddedField> addedFields;
    private List<AddedField> addedHeaders;
    private final Map<EventSchema, Layout> layouts = new IdentityHashMap<>();
    /** The last delete's topic, key and added headers: the tombstone after it gets them too (see below). */
    private DeleteHeaders lastDelete;

    private record DeleteHeaders(String topic, Object key, List<ChangeRecord.Header> added) {
    }

    @Override
    public void configure(Map<String, String> config) {
        ParsedConfig parsed = DEFINITION.parse(config);
        mode = parsed.get(MODE);
        rewrite = mode == DeleteTombstoneHandlingMode.REWRITE || mode == DeleteTombstoneHandlingMode.REWRITE_WITH_TOMBSTONE;
        replaceNullWithDefault = parsed.get(REPLACE_NULL_WITH_DEFAULT);
        routeByField = parsed.get(ROUTE_BY_FIELD).strip();
        addedFields = added(parsed.get(ADD_FIELDS), parsed.get(ADD_FIELDS_PREFIX));
        addedHeaders = added(parsed.get(ADD_HEADERS), parsed.get(ADD_HEADERS_PREFIX));
    }

    /** Entries {@code field}, {@code struct.field} or either with {@code :alias}, named with {@code prefix}. */
    private static List<AddedField> added(List<String> specs, String prefix) {
        List<AddedField> added = new ArrayList<>();
        for (String spec : specs) {
            String[] aliased = spec.split(":", 2);
            String path = aliased[0].strip();
            int dot = path.indexOf('.');
            Optional<String> struct = dot < 0 ? Optional.empty() : Optional.of(path.substring(0, dot));
            String field = dot < 0 ? path : path.substring(dot + 1);
            String name = aliased.length == 2 ? prefix + aliased[1].strip()
                    : prefix + (dot < 0 ? field : path.substring(0, dot) + "_" + field);
            added.add(new AddedField(struct, field, name));
        }
        return added;
    }

    @Override
    public ChangeRecord apply(ChangeRecord record) {
        if (record.isTombstone() && record.valueSchema() == null) {
            return mode == DeleteTombstoneHandlingMode.REWRITE_WITH_TOMBSTONE ? tombstoneWithHeaders(record) : null;
        }
        EventSchema schema = record.valueSchema();
        if (record.value() == null || !schema.name().map(name -> name.endsWith(".Envelope")).orElse(false)) {
            return record;
        }
        Layout layout = layouts.computeIfAbsent(schema, this::layout);
        Object[] envelope = (Object[]) record.value();
        Object[] before = (Object[]) envelope[layout.before()];
        Object[] after = (Object[]) envelope[layout.after()];
        if (before == null && after == null) {
            return null; // a truncate
        }
        List<ChangeRecord.Header> headers = headers(layout, envelope);
        ChangeRecord routed = routed(record, layout, after != null ? after : before).withHeadersAdded(headers);
        boolean deleteWithHeaders = after == null && !headers.isEmpty();
        lastDelete = deleteWithHeaders ? new DeleteHeaders(record.topic(), record.key(), headers) : null;
        if (after != null) {
            return routed.withValue(layout.row(), row(layout, envelope, after, "false"));
        }
        return switch (mode) {
            case DROP -> null;
            case TOMBSTONE -> routed.withValue(schema.fields().get(layout.after()).schema(), null);
            case DELETE_TO_TOMBSTONE -> routed.withValue(null, null);
            case REWRITE, REWRITE_WITH_TOMBSTONE -> routed.withValue(layout.row(), row(layout, envelope, before, "true"));
        };
    }

    /**
     * A tombstone kept by {@code rewrite-with-tombstone}: of the added headers, it gets {@code op} ("d"). Debezium's
     * connectors give a delete and its tombstone one shared headers object, to which the transform adds in place,
     * so there the tombstone also carries the headers added to the delete before it; so does it here.
     */
    private ChangeRecord tombstoneWithHeaders(ChangeRecord tombstone) {
        List<ChangeRecord.Header> headers = new ArrayList<>();
        if (lastDelete != null && lastDelete.topic().equals(tombstone.topic())
                && Objects.deepEquals(lastDelete.key(), tombstone.key())) {
            headers.addAll(lastDelete.added());
        }
        lastDelete = null;
        for (AddedField header : addedHeaders) {
            if (header.field().equals("op")) {
                headers.add(new ChangeRecord.Header(header.name(), OP_OF_TOMBSTONE, "d"));
            }
        }
        return tombstone.withHeadersAdded(headers);
    }

    /** The {@code add.headers} the event has, with their values. */
    private static List<ChangeRecord.Header> headers(Layout layout, Object[] envelope) {
        List<ChangeRecord.Header> headers = new ArrayList<>(layout.headers().size());
        for (Located header : layout.headers()) {
            headers.add(new ChangeRecord.Header(header.name(), header.schema(), valueAt(envelope, header.path())));
        }
        return headers;
    }

    /** {@code route.by.field}: the row's value of that column becomes the topic, unless it is null or blank. */
    private ChangeRecord routed(ChangeRecord record, Layout layout, Object[] state) {
        if (routeByField.isEmpty()) {
            return record;
        }
        Object topic = layout.row().field(routeByField)
                .filter(field -> field.index() < state.length).map(field -> state[field.index()]).orElse(null);
        if (topic == null || topic.toString().isBlank()) {
            return record;
        }
        return record.withTopic(topic.toString());
    }

    /** The row's values, then {@code __deleted} in the rewrite modes, then the added fields. */
    private Object[] row(Layout layout, Object[] envelope, Object[] state, String deleted) {
        Object[] row = new Object[layout.row().fields().size()];
        EventSchema rowSchema = layout.row();
        for (int i = 0; i < state.length; i++) {
            Object value = state[i];
            if (value == null && rewrite && replaceNullWithDefault) {
                value = rowSchema.fields().get(i).schema().defaultValue().orElse(null);
            }
            row[i] = value;
        }
        int next = state.length;
        if (rewrite) {
            row[next++] = deleted;
        }
        for (Located field : layout.fields()) {
            row[next++] = valueAt(envelope, field.path());
        }
        return row;
    }

    private static Object valueAt(Object[] envelope, int[] path) {
        Object value = envelope[path[0]];
        return path.length == 2 && value != null ? ((Object[]) value)[path[1]] : value;
    }

    private Layout layout(EventSchema envelope) {
        EventSchema.Field after = envelope.field("after").orElseThrow();
        EventSchema rowSchema = after.schema();
        EventSchema.FieldsBuilder fields = EventSchema.fieldsBuilder();
        rowSchema.fields().forEach(field -> fields.add(field.name(), field.schema()));
        if (rewrite) {
            fields.add("__deleted", DELETED);
        }
        List<Located> added = locateAll(envelope, addedFields);
        added.forEach(field -> fields.add(field.name(), field.schema()));
        EventSchema row = new EventSchema(EventSchema.Type.STRUCT, false, rowSchema.name(), rowSchema.version(),
                rowSchema.doc(), rowSchema.parameters(), Optional.empty(), fields.build(), Optional.empty());
        return new Layout(envelope.field("before").orElseThrow().index(), after.index(), row, added,
                locateAll(envelope, addedHeaders));
    }

    /** The entries the envelope has (others are left out, as Debezium leaves them out). */
    private static List<Located> locateAll(EventSchema envelope, List<AddedField> specs) {
        List<Located> located = new ArrayList<>();
        specs.forEach(spec -> locate(envelope, spec).ifPresent(located::add));
        return located;
    }

    /** Where an entry's value is and its schema (optional, without default); empty when the event lacks it. */
    private static Optional<Located> locate(EventSchema envelope, AddedField spec) {
        String struct = spec.struct().orElse(TOP_LEVEL.contains(spec.field()) ? null
                : TRANSACTION.contains(spec.field()) ? "transaction" : "source");
        if (struct != null) {
            Optional<EventSchema.Field> container = envelope.field(struct);
            Optional<EventSchema.Field> field = container.flatMap(found -> found.schema().field(spec.field()));
            if (container.isPresent() && field.isPresent()) {
                return Optional.of(new Located(spec.name(),
                        new int[] {container.get().index(), field.get().index()},
                        optionalWithoutDefault(field.get().schema())));
            }
        }
        return envelope.field(spec.field()).map(field -> new Located(spec.name(), new int[] {field.index()},
                optionalWithoutDefault(field.schema())));
    }

    private static EventSchema optionalWithoutDefault(EventSchema schema) {
        return new EventSchema(schema.type(), true, schema.name(), schema.version(), schema.doc(),
                schema.parameters(), Optional.empty(), schema.fields(), schema.items());
    }
}
