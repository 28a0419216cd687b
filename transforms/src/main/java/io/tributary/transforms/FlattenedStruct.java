package io.tributary.transforms;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.tributary.api.EventSchema;

/**
 * Kafka Connect's {@code Flatten} transformation (4.x) on a struct value, as Debezium's MongoDB unwrap applies it for
 * {@code flatten.struct}: the fields of nested structs become top-level fields named by their path joined with the
 * delimiter, depth first in field order, optional when any struct above them is; scalars and arrays are kept as they
 * are; a struct without fields leaves nothing, a nested struct without a value leaves its fields null. The top-level
 * struct keeps its name and is required. Two fields whose flattened names are the same are refused, as Kafka's
 * transformation fails on them.
 */
final class FlattenedStruct {
    private FlattenedStruct() {
    }

    static EventSchema schema(EventSchema struct, String delimiter) {
        EventSchema.FieldsBuilder fields = EventSchema.fieldsBuilder();
        addFields(struct, "", false, delimiter, fields, new HashSet<>());
        return new EventSchema(EventSchema.Type.STRUCT, false, struct.name(), struct.version(), struct.doc(),
                struct.parameters(), Optional.empty(), fields.build(), Optional.empty());
    }

    private static void addFields(EventSchema struct, String prefix, boolean optional, String delimiter,
            EventSchema.FieldsBuilder fields, Set<String> names) {
        for (EventSchema.Field field : struct.fields()) {
            String name = prefix.isEmpty() ? field.name() : prefix + delimiter + field.name();
            boolean fieldOptional = optional || field.schema().optional();
            if (field.schema().type() == EventSchema.Type.STRUCT) {
                addFields(field.schema(), name, fieldOptional, delimiter, fields, names);
            } else if (!names.add(name)) {
                throw new IllegalArgumentException("Cannot flatten the document: two of its fields become "
                        + name + "; choose another flatten.struct.delimiter");
            } else {
                fields.add(name, field.schema().withOptional(fieldOptional));
            }
        }
    }

    /** The values of {@code struct} (of {@code schema}, not flattened) in the flattened schema's order. */
    static Object[] value(EventSchema schema, Object[] struct) {
        List<Object> values = new ArrayList<>();
        addValues(schema, struct, values);
        return values.toArray();
    }

    private static void addValues(EventSchema schema, Object[] struct, List<Object> values) {
        for (EventSchema.Field field : schema.fields()) {
            Object value = struct == null ? null : struct[field.index()];
            if (field.schema().type() == EventSchema.Type.STRUCT) {
                addValues(field.schema(), (Object[]) value, values);
            } else {
                values.add(value);
            }
        }
    }
}
