package io.tributary.transforms;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
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

    private static final EventSchema DELETED = EventSchema.of(EventSchema.Type.STRING).asOptional();

    /** An envelope's fields by position, the row schema derived from it, and the added fields' and headers' places. */
    private record Layout(int before, int after, EventSchema row, List<AddedFields.Located> fields,
            List<AddedFields.Located> headers) {
    }

    private DeleteTombstoneHandlingMode mode;
    private String routeByField;
    private boolean rewrite;
    private boolean replaceNullWithDefault;
    private List<AddedFields.Entry> addedFields;
    private List<AddedFields.Entry> addedHeaders;
    private AddedFields.Tombstones tombstones;
    private final Map<EventSchema, Layout> layouts = new IdentityHashMap<>();

    @Override
    public void configure(Map<String, String> config) {
        ParsedConfig parsed = DEFINITION.parse(config);
        mode = parsed.get(MODE);
        rewrite = mode == DeleteTombstoneHandlingMode.REWRITE || mode == DeleteTombstoneHandlingMode.REWRITE_WITH_TOMBSTONE;
        replaceNullWithDefault = parsed.get(REPLACE_NULL_WITH_DEFAULT);
        routeByField = parsed.get(ROUTE_BY_FIELD).strip();
        addedFields = AddedFields.parse(parsed.get(ADD_FIELDS), parsed.get(ADD_FIELDS_PREFIX));
        addedHeaders = AddedFields.parse(parsed.get(ADD_HEADERS), parsed.get(ADD_HEADERS_PREFIX));
        tombstones = new AddedFields.Tombstones(addedHeaders);
    }

    @Override
    public ChangeRecord apply(ChangeRecord record) {
        if (record.isTombstone() && record.valueSchema() == null) {
            return mode == DeleteTombstoneHandlingMode.REWRITE_WITH_TOMBSTONE
                    ? record.withHeadersAdded(tombstones.of(record)) : null;
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
        List<ChangeRecord.Header> headers = AddedFields.headers(layout.headers(), envelope);
        ChangeRecord routed = routed(record, layout, after != null ? after : before).withHeadersAdded(headers);
        tombstones.passed(record, after == null, headers);
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
        for (AddedFields.Located field : layout.fields()) {
            row[next++] = field.valueIn(envelope);
        }
        return row;
    }

    private Layout layout(EventSchema envelope) {
        EventSchema.Field after = envelope.field("after").orElseThrow();
        EventSchema rowSchema = after.schema();
        EventSchema.FieldsBuilder fields = EventSchema.fieldsBuilder();
        rowSchema.fields().forEach(field -> fields.add(field.name(), field.schema()));
        if (rewrite) {
            fields.add("__deleted", DELETED);
        }
        List<AddedFields.Located> added = AddedFields.locateFields(envelope, addedFields);
        added.forEach(field -> fields.add(field.name(), field.schema()));
        EventSchema row = new EventSchema(EventSchema.Type.STRUCT, false, rowSchema.name(), rowSchema.version(),
                rowSchema.doc(), rowSchema.parameters(), Optional.empty(), fields.build(), Optional.empty());
        return new Layout(envelope.field("before").orElseThrow().index(), after.index(), row, added,
                AddedFields.locateHeaders(envelope, addedHeaders));
    }
}
