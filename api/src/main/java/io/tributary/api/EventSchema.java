package io.tributary.api;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The schema of a key or value, modelled on Kafka Connect's {@code Schema} so that records map one to one onto
 * Connect records and encode to the same JSON that Connect's {@code JsonConverter} writes.
 *
 * <p>Values are plain Java objects: {@link Type#INT8} {@code Byte}, {@link Type#INT16} {@code Short},
 * {@link Type#INT32} {@code Integer}, {@link Type#INT64} {@code Long}, {@link Type#FLOAT32} {@code Float},
 * {@link Type#FLOAT64} {@code Double}, {@link Type#BOOLEAN} {@code Boolean}, {@link Type#STRING} {@code String},
 * {@link Type#BYTES} {@code byte[]} (or {@code java.math.BigDecimal} under the logical name
 * {@value #DECIMAL}), {@link Type#ARRAY} a {@code java.util.List} of values of the {@link #items} schema, and
 * {@link Type#STRUCT} an {@code Object[]} holding one value per field, in field order.
 * A null value is allowed only where the schema is optional.
 *
 * <p>Instances are immutable and meant to be built once per table version and shared: encoders cache what they
 * derive from a schema by identity.
 *
 * @param type the physical type
 * @param optional whether null is a valid value
 * @param name the logical type name ({@code io.debezium.time.Date}, ...) or struct name, if any
 * @param version the logical type's version, if any
 * @param doc documentation, if any
 * @param parameters logical type parameters in order (for example a decimal's scale)
 * @param defaultValue the default value, if any
 * @param fields the fields of a struct; empty for other types
 * @param items the schema of an array's elements; empty for other types
 */
public record EventSchema(
        Type type,
        boolean optional,
        Optional<String> name,
        Optional<Integer> version,
        Optional<String> doc,
        Map<String, String> parameters,
        Optional<Object> defaultValue,
        List<Field> fields,
        Optional<EventSchema> items) {

    /** Logical name of Connect's decimal type: BYTES holding a {@code BigDecimal}. */
    public static final String DECIMAL = "org.apache.kafka.connect.data.Decimal";

    /** Physical types, as in Kafka Connect. */
    public enum Type { INT8, INT16, INT32, INT64, FLOAT32, FLOAT64, BOOLEAN, STRING, BYTES, ARRAY, STRUCT }

    /** One field of a struct schema. */
    public record Field(String name, int index, EventSchema schema) {
        public Field {
            requireNonNull(name, "name is null");
            requireNonNull(schema, "schema is null");
        }
    }

    public EventSchema {
        requireNonNull(type, "type is null");
        requireNonNull(name, "name is null");
        requireNonNull(version, "version is null");
        requireNonNull(doc, "doc is null");
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        requireNonNull(defaultValue, "defaultValue is null");
        fields = List.copyOf(fields);
        if (type != Type.STRUCT && !fields.isEmpty()) {
            throw new IllegalArgumentException(type + " schema cannot have fields");
        }
        requireNonNull(items, "items is null");
        if ((type == Type.ARRAY) != items.isPresent()) {
            throw new IllegalArgumentException("an ARRAY schema, and only an ARRAY schema, has items");
        }
    }

    /** A required schema of a primitive type; use the {@code with*} methods for the rest. */
    public static EventSchema of(Type type) {
        return new EventSchema(type, false, Optional.empty(), Optional.empty(), Optional.empty(), Map.of(),
                Optional.empty(), List.of(), Optional.empty());
    }

    /** A required array of {@code items}. */
    public static EventSchema array(EventSchema items) {
        return new EventSchema(Type.ARRAY, false, Optional.empty(), Optional.empty(), Optional.empty(), Map.of(),
                Optional.empty(), List.of(), Optional.of(items));
    }

    /** A required struct schema; field indexes are assigned in order. */
    /** A struct without a name (as Connect allows), such as the key Debezium's MongoDB unwrap writes. */
    public static EventSchema struct(List<Field> fields) {
        return new EventSchema(Type.STRUCT, false, Optional.empty(), Optional.empty(), Optional.empty(), Map.of(),
                Optional.empty(), fields, Optional.empty());
    }

    public static EventSchema struct(String name, List<Field> fields) {
        return new EventSchema(Type.STRUCT, false, Optional.of(name), Optional.empty(), Optional.empty(), Map.of(),
                Optional.empty(), fields, Optional.empty());
    }

    public EventSchema asOptional() {
        return new EventSchema(type, true, name, version, doc, parameters, defaultValue, fields, items);
    }

    public EventSchema withOptional(boolean optional) {
        return new EventSchema(type, optional, name, version, doc, parameters, defaultValue, fields, items);
    }

    /** The same schema with a logical name and version, such as {@code io.debezium.time.Date} version 1. */
    public EventSchema withName(String name, int version) {
        return new EventSchema(type, optional, Optional.of(name), Optional.of(version), doc, parameters, defaultValue,
                fields, items);
    }

    public EventSchema withVersion(int version) {
        return new EventSchema(type, optional, name, Optional.of(version), doc, parameters, defaultValue, fields, items);
    }

    public EventSchema withDoc(String doc) {
        return new EventSchema(type, optional, name, version, Optional.of(doc), parameters, defaultValue, fields, items);
    }

    /** The same schema with one more parameter, after the existing ones. */
    public EventSchema withParameter(String key, String value) {
        Map<String, String> extended = new LinkedHashMap<>(parameters);
        extended.put(key, value);
        return new EventSchema(type, optional, name, version, doc, extended, defaultValue, fields, items);
    }

    public EventSchema withDefault(Object defaultValue) {
        return new EventSchema(type, optional, name, version, doc, parameters, Optional.ofNullable(defaultValue),
                fields, items);
    }

    /** The field with this name. */
    public Optional<Field> field(String fieldName) {
        return fields.stream().filter(field -> field.name().equals(fieldName)).findFirst();
    }

    /** Builds struct fields with consecutive indexes. */
    public static final class FieldsBuilder {
        private final List<Field> fields = new ArrayList<>();

        public FieldsBuilder add(String name, EventSchema schema) {
            fields.add(new Field(name, fields.size(), schema));
            return this;
        }

        public List<Field> build() {
            return List.copyOf(fields);
        }
    }

    public static FieldsBuilder fieldsBuilder() {
        return new FieldsBuilder();
    }
}
