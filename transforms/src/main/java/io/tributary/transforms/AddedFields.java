package io.tributary.transforms;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.tributary.api.ChangeRecord;
import io.tributary.api.EventSchema;

/**
 * The {@code add.fields} and {@code add.headers} of Debezium's unwraps: entries {@code field}, {@code struct.field}, or
 * either with {@code :alias}, named with a prefix; an unqualified field is looked up at the envelope's top level
 * ({@code op}, {@code ts_ms}, ...), in {@code transaction} ({@code id}, {@code total_order}, ...) or in {@code source},
 * and, when not there, at the top level. Its schema is the envelope field's, optional and without a default. A struct
 * (say {@code source} itself) makes a header of its whole value; as a field only its name is kept, as Kafka Connect's
 * {@code copySchemaBasics} keeps it, so a struct's value does not fit it and is refused, as Debezium's fails on it.
 */
final class AddedFields {
    private static final Set<String> TOP_LEVEL = Set.of("op", "ts_ms", "ts_us", "ts_ns");
    private static final Set<String> TRANSACTION = Set.of("id", "total_order", "data_collection_order");
    private static final EventSchema OP_OF_TOMBSTONE = EventSchema.of(EventSchema.Type.STRING);

    private AddedFields() {
    }

    /** An entry: where its value is, and the field or header it becomes. */
    record Entry(Optional<String> struct, String field, String name) {
    }

    /** An entry found in an envelope: its name, path of field indexes and (optional) schema. */
    record Located(String name, int[] path, EventSchema schema) {
        /** Its value in {@code envelope}; a struct's is refused when its schema has no fields (a field's). */
        Object valueIn(Object[] envelope) {
            Object value = envelope[path[0]];
            if (path.length == 2 && value != null) {
                value = ((Object[]) value)[path[1]];
            }
            if (value != null && schema.type() == EventSchema.Type.STRUCT && schema.fields().isEmpty()
                    && ((Object[]) value).length > 0) {
                throw new IllegalArgumentException("Cannot add " + name + ": it is a struct, and Debezium's unwrap "
                        + "adds only a field's value (op, ts_ms, source.ts_ms, source.collection, ...); name a field "
                        + "inside it instead");
            }
            return value;
        }
    }

    /** The entries of {@code specs}, named with {@code prefix}. */
    static List<Entry> parse(List<String> specs, String prefix) {
        List<Entry> entries = new ArrayList<>();
        for (String spec : specs) {
            String[] aliased = spec.split(":", 2);
            String path = aliased[0].strip();
            int dot = path.indexOf('.');
            Optional<String> struct = dot < 0 ? Optional.empty() : Optional.of(path.substring(0, dot));
            String field = dot < 0 ? path : path.substring(dot + 1);
            String name = aliased.length == 2 ? prefix + aliased[1].strip()
                    : prefix + (dot < 0 ? field : path.substring(0, dot) + "_" + field);
            entries.add(new Entry(struct, field, name));
        }
        return entries;
    }

    /** The entries the envelope has, as fields (others are left out: the unwrap says what to do of them). */
    static List<Located> locateFields(EventSchema envelope, List<Entry> entries) {
        List<Located> located = new ArrayList<>();
        entries.forEach(entry -> locate(envelope, entry, false).ifPresent(located::add));
        return located;
    }

    /** The entries the envelope has, as headers (others are left out, as Debezium leaves them out). */
    static List<Located> locateHeaders(EventSchema envelope, List<Entry> entries) {
        List<Located> located = new ArrayList<>();
        entries.forEach(entry -> locate(envelope, entry, true).ifPresent(located::add));
        return located;
    }

    /** The names of the entries the envelope has not. */
    static List<String> missing(EventSchema envelope, List<Entry> entries) {
        return entries.stream().filter(entry -> locate(envelope, entry, false).isEmpty()).map(Entry::name).toList();
    }

    /** The headers of {@code located} with their values in {@code envelope}. */
    static List<ChangeRecord.Header> headers(List<Located> located, Object[] envelope) {
        List<ChangeRecord.Header> headers = new ArrayList<>(located.size());
        for (Located header : located) {
            headers.add(new ChangeRecord.Header(header.name(), header.schema(), header.valueIn(envelope)));
        }
        return headers;
    }

    private static Optional<Located> locate(EventSchema envelope, Entry entry, boolean header) {
        String struct = entry.struct().orElse(TOP_LEVEL.contains(entry.field()) ? null
                : TRANSACTION.contains(entry.field()) ? "transaction" : "source");
        if (struct != null) {
            Optional<EventSchema.Field> container = envelope.field(struct);
            Optional<EventSchema.Field> field = container.flatMap(found -> found.schema().field(entry.field()));
            if (container.isPresent() && field.isPresent()) {
                return Optional.of(new Located(entry.name(),
                        new int[] {container.get().index(), field.get().index()}, basics(field.get().schema(), header)));
            }
        }
        return envelope.field(entry.field()).map(field -> new Located(entry.name(), new int[] {field.index()},
                basics(field.schema(), header)));
    }

    /** A field's schema as an added one's: optional, no default; as a field, a struct without its fields. */
    private static EventSchema basics(EventSchema schema, boolean header) {
        return new EventSchema(schema.type(), true, schema.name(), schema.version(), schema.doc(),
                schema.parameters(), Optional.empty(), header ? schema.fields() : List.of(), schema.items());
    }

    /**
     * The headers a kept tombstone gets. Debezium's connectors give a delete and its tombstone one shared headers
     * object, to which the unwrap adds in place, so the tombstone carries the headers added to the delete before it;
     * of its own it gets {@code op}, as "d". Remembers the last delete to do so.
     */
    static final class Tombstones {
        private final List<Entry> headers;
        private String topic;
        private Object key;
        private List<ChangeRecord.Header> added = List.of();

        Tombstones(List<Entry> headers) {
            this.headers = headers;
        }

        /** After each change event: a delete's added headers are remembered, anything else forgets them. */
        void passed(ChangeRecord record, boolean delete, List<ChangeRecord.Header> addedHeaders) {
            boolean remember = delete && !addedHeaders.isEmpty();
            topic = remember ? record.topic() : null;
            key = remember ? record.key() : null;
            added = remember ? addedHeaders : List.of();
        }

        /** The headers of a tombstone that is kept. */
        List<ChangeRecord.Header> of(ChangeRecord tombstone) {
            List<ChangeRecord.Header> result = new ArrayList<>();
            if (topic != null && topic.equals(tombstone.topic()) && Objects.deepEquals(key, tombstone.key())) {
                result.addAll(added);
            }
            passed(tombstone, false, List.of());
            for (Entry header : headers) {
                if (header.field().equals("op")) {
                    result.add(new ChangeRecord.Header(header.name(), OP_OF_TOMBSTONE, "d"));
                }
            }
            return result;
        }
    }
}
