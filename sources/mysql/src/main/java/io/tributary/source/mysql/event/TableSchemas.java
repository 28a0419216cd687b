package io.tributary.source.mysql.event;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

import io.tributary.api.EventSchema;
import io.tributary.api.EventSchema.Type;
import io.tributary.api.SourceException;
import io.tributary.core.event.DebeziumBlocks;
import io.tributary.source.mysql.MessageKeyColumns;
import io.tributary.source.mysql.TableFilter;
import io.tributary.source.mysql.convert.ColumnMapper;
import io.tributary.source.mysql.convert.ColumnMapping;
import io.tributary.source.mysql.convert.ColumnMappings;
import io.tributary.source.mysql.convert.ColumnRules;
import io.tributary.source.mysql.schema.ColumnDefinition;
import io.tributary.source.mysql.schema.TableDefinition;

/**
 * Everything derived once from one version of a table's definition: the topic, the captured columns and their
 * mappings, and the key, row and envelope schemas. Shared by every event of that version, so encoders can cache
 * serialised schemas by identity.
 *
 * <p>A row, as readers build it, holds the captured columns in table order, then the primary-key columns that are not
 * captured (left out by {@code column.include.list} or {@code column.exclude.list}): as in Debezium, the key keeps
 * them while the value leaves them out. The value of a row is the captured columns after the column mappers
 * ({@code column.mask.*}, {@code column.truncate.*}); the key is never mapped.
 */
public final class TableSchemas {
    private final TableDefinition definition;
    private final String topic;
    /** The columns of a row: the captured ones, then the primary-key columns not captured. */
    private final List<ColumnMapping> columns;
    /** How many of {@link #columns} the value has. */
    private final int valueWidth;
    /** Per captured column, what its mapper does to its values, or null for none; null when no column has one. */
    private final UnaryOperator<Object>[] valueMappers;
    /** The field names of a row's columns, in row order. */
    private final List<String> fieldNames;
    /** For each column of the table, its index in a row, or -1 when the row leaves it out. */
    private final int[] capturedIndex;
    private final int[] keyIndexes;
    private final EventSchema keySchema;
    private final EventSchema rowSchema;
    private final EventSchema envelopeSchema;
    /** One holder, replaced whole, so that the readers sharing this table never see a mix of two milliseconds. */
    private Timestamps lastTimestamps = new Timestamps(Long.MIN_VALUE, null, null, null);

    /**
     * What the schemas of every table are made with.
     *
     * @param names the topic, schema and field names
     * @param messageKeyColumns the configured keys ({@code message.key.columns})
     * @param filter which columns are captured
     * @param mappings how columns become fields
     * @param rules the column mappers ({@code column.mask.*}, {@code column.truncate.*}, ...)
     * @param sourceSchema the schema of the source block
     */
    public record Settings(EventNames names, MessageKeyColumns messageKeyColumns, TableFilter filter,
            ColumnMappings mappings, ColumnRules rules, EventSchema sourceSchema) {
        public Settings {
            requireNonNull(names, "names is null");
            requireNonNull(messageKeyColumns, "messageKeyColumns is null");
            requireNonNull(filter, "filter is null");
            requireNonNull(mappings, "mappings is null");
            requireNonNull(rules, "rules is null");
            requireNonNull(sourceSchema, "sourceSchema is null");
        }
    }

    @SuppressWarnings("unchecked")
    public TableSchemas(TableDefinition definition, Settings settings) {
        this.definition = requireNonNull(definition, "definition is null");
        EventNames names = settings.names();
        this.topic = names.topic(definition.id());
        this.columns = new ArrayList<>();
        this.capturedIndex = new int[definition.columns().size()];
        this.fieldNames = new ArrayList<>();
        List<UnaryOperator<Object>> mappers = new ArrayList<>();
        EventSchema.FieldsBuilder rowFields = EventSchema.fieldsBuilder();
        for (int i = 0; i < definition.columns().size(); i++) {
            ColumnDefinition column = definition.columns().get(i);
            if (settings.filter().includesColumn(definition.id().database(), definition.id().table(), column.name())) {
                ColumnMapping mapping = settings.mappings().map(definition.id(), column);
                Optional<ColumnMapper.ValueMapping> mapped = settings.rules().mappingFor(definition.id(), column);
                capturedIndex[i] = columns.size();
                columns.add(mapping);
                fieldNames.add(names.fieldName(column.name()));
                mappers.add(mapped.map(ColumnMapper.ValueMapping::convert).orElse(null));
                rowFields.add(fieldNames.get(fieldNames.size() - 1), withParameters(mapping.schema(),
                        mapped.map(ColumnMapper.ValueMapping::parameters).orElse(Map.of())));
            } else {
                capturedIndex[i] = -1;
            }
        }
        this.valueWidth = columns.size();
        this.valueMappers = mappers.stream().allMatch(Objects::isNull) ? null
                : mappers.toArray(UnaryOperator[]::new);
        List<String> key = keyColumns(settings.messageKeyColumns());
        this.keyIndexes = new int[key.size()];
        EventSchema.FieldsBuilder keyFields = EventSchema.fieldsBuilder();
        for (int k = 0; k < keyIndexes.length; k++) {
            keyIndexes[k] = rowIndexOfKeyColumn(settings.mappings(), names, key.get(k));
            keyFields.add(fieldNames.get(keyIndexes[k]), columns.get(keyIndexes[k]).schema());
        }
        this.keySchema = keyIndexes.length == 0 ? null
                : EventSchema.struct(names.schemaName(topic + ".Key"), keyFields.build());
        this.rowSchema = EventSchema.struct(names.schemaName(topic + ".Value"), rowFields.build()).asOptional();
        this.envelopeSchema = envelope(names.schemaName(topic + ".Envelope"), rowSchema, settings.sourceSchema());
    }

    private static EventSchema envelope(String name, EventSchema rowSchema, EventSchema sourceSchema) {
        return EventSchema.struct(name, EventSchema.fieldsBuilder()
                        .add("before", rowSchema)
                        .add("after", rowSchema)
                        .add("source", sourceSchema)
                        .add("transaction", DebeziumBlocks.TRANSACTION)
                        .add("op", EventSchema.of(Type.STRING))
                        .add("ts_ms", EventSchema.of(Type.INT64).asOptional())
                        .add("ts_us", EventSchema.of(Type.INT64).asOptional())
                        .add("ts_ns", EventSchema.of(Type.INT64).asOptional())
                        .build())
                .withVersion(2);
    }

    /** The key's columns: those {@code message.key.columns} names for the table, else the table's own key. */
    private List<String> keyColumns(MessageKeyColumns messageKeyColumns) {
        List<String> columnNames = definition.columns().stream().map(ColumnDefinition::name).toList();
        Optional<List<String>> configured = messageKeyColumns.keyOf(definition.id(), columnNames);
        if (configured.isPresent() && configured.get().size() != Set.copyOf(configured.get()).size()) {
            throw SourceException.fatal("message.key.columns names a column of " + definition.id()
                    + " more than once (key " + configured.get() + "); name each key column once");
        }
        return configured.orElse(definition.primaryKey());
    }

    /** A value field's schema with a column mapper's parameters after the type's own, as Debezium orders them. */
    private static EventSchema withParameters(EventSchema schema, Map<String, String> parameters) {
        EventSchema result = schema;
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            result = result.withParameter(parameter.getKey(), parameter.getValue());
        }
        return result;
    }

    /** The row index of a key column; one the value leaves out is added to the row after the captured ones. */
    private int rowIndexOfKeyColumn(ColumnMappings mappings, EventNames names, String columnName) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(columnName)) {
                return i;
            }
        }
        List<ColumnDefinition> all = definition.columns();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).name().equals(columnName)) {
                capturedIndex[i] = columns.size();
                columns.add(mappings.map(definition.id(), all.get(i)));
                fieldNames.add(names.fieldName(columnName));
                return capturedIndex[i];
            }
        }
        throw new IllegalStateException("key column " + columnName + " of " + definition.id()
                + " is not among its columns " + all.stream().map(ColumnDefinition::name).toList());
    }

    public TableDefinition definition() {
        return definition;
    }

    public String topic() {
        return topic;
    }

    /** The columns of a row, in row order: the captured columns in table order, then uncaptured key columns. */
    public List<ColumnMapping> columns() {
        return columns;
    }

    /** The row index of the table's {@code position}-th column (0-based), or -1 when rows leave it out. */
    public int capturedIndex(int position) {
        return capturedIndex[position];
    }

    public EventSchema keySchema() {
        return keySchema;
    }

    public EventSchema envelopeSchema() {
        return envelopeSchema;
    }

    /** The key struct of a row, or null for a table without a key. */
    public Object[] key(Object[] row) {
        if (keySchema == null) {
            return null;
        }
        Object[] key = new Object[keyIndexes.length];
        for (int k = 0; k < keyIndexes.length; k++) {
            key[k] = row[keyIndexes[k]];
        }
        return key;
    }

    /**
     * The envelope struct.
     *
     * @param transaction the transaction block, or null
     * @param nowMs when the event was made, for {@code ts_ms}
     */
    public Object[] envelope(Object[] before, Object[] after, Object[] source, Object[] transaction, String op,
            long nowMs) {
        Timestamps now = lastTimestamps;
        if (now.ms() != nowMs) {
            now = new Timestamps(nowMs, nowMs, nowMs * 1000, nowMs * 1_000_000);
            lastTimestamps = now;
        }
        return new Object[] {value(before), value(after), source, transaction, op, now.tsMs(), now.tsUs(), now.tsNs()};
    }

    /** The value struct of a row (null for none): the row itself unless columns are mapped or key-only ones added. */
    Object[] value(Object[] row) {
        if (row == null || valueMappers == null && row.length == valueWidth) {
            return row;
        }
        Object[] value = Arrays.copyOf(row, valueWidth);
        if (valueMappers != null) {
            for (int i = 0; i < valueWidth; i++) {
                if (valueMappers[i] != null) {
                    value[i] = valueMappers[i].apply(value[i]);
                }
            }
        }
        return value;
    }

    /** An envelope's {@code ts_ms}, {@code ts_us} and {@code ts_ns}, boxed once for all the events of a millisecond. */
    private record Timestamps(long ms, Long tsMs, Long tsUs, Long tsNs) {
    }
}
