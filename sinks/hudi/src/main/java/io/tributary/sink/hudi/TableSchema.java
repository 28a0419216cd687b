package io.tributary.sink.hudi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.tributary.api.EventSchema;
import io.tributary.api.SinkException;
import org.apache.avro.Schema;

/**
 * A table's Avro schema: HoodieStreamer's change columns first, the row's columns, then {@code _event_seq}. A new row
 * schema evolves it as Hudi can: a new column is added (nullable, so older rows read null), a column the rows no
 * longer have is kept (new rows hold null there), a number column widens (int to long, float or double; long to
 * float or double; float to double); any other type change stops the sink with an error naming the table and the
 * change.
 */
final class TableSchema {
    private static final Set<String> CHANGE_COLUMNS = Set.of(ChangeMetadata.OP, ChangeMetadata.PROCESSED_TS,
            ChangeMetadata.SHARD, ChangeMetadata.ORIGIN_TS, ChangeMetadata.BIN_FILE, ChangeMetadata.POS,
            ChangeMetadata.ROW, ChangeMetadata.SEQ);
    /** What Avro, and so a Hudi table, takes as a column name. */
    private static final java.util.regex.Pattern AVRO_NAME = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private TableSchema() {
    }

    /**
     * The schema a table whose current schema is {@code current} (empty for a new table) has once rows of
     * {@code row} are written to it.
     */
    static Schema evolve(String table, Optional<Schema> current, EventSchema row) {
        Map<String, Schema> columns = new LinkedHashMap<>();
        current.ifPresent(schema -> HudiColumns.byName(schema).forEach((name, type) -> {
            if (!CHANGE_COLUMNS.contains(name) && !name.startsWith("_hoodie_")) {
                columns.put(name, type);
            }
        }));
        for (EventSchema.Field field : row.fields()) {
            if (CHANGE_COLUMNS.contains(field.name())) {
                throw new SinkException("table " + table + ": the rows have a column " + field.name() + ", a name "
                        + "the Hudi sink gives to a change column; rename the column, or drop it with a transform");
            }
            if (!AVRO_NAME.matcher(field.name()).matches()) {
                throw new SinkException("table " + table + ": column \"" + field.name() + "\" is not a name a Hudi "
                        + "table can have (Avro names: letters, digits and _, not starting with a digit); set "
                        + "field.name.adjustment.mode=avro on the source, which makes such names Avro names as "
                        + "Debezium does, or rename the column");
            }
            Schema type = HudiColumns.column(field.schema(), table + "_" + field.name());
            Schema was = columns.get(field.name());
            if (was == null || was.equals(type)) {
                columns.put(field.name(), type);
            } else if (widens(nonNull(was), nonNull(type))) {
                columns.put(field.name(), type);
            } else if (!widens(nonNull(type), nonNull(was))) {
                throw new SinkException("table " + table + ": column " + field.name() + " changes from "
                        + describe(was) + " to " + describe(type) + ", which Hudi cannot evolve a table's schema to; "
                        + "write the table anew (a new hoodie.table.name or base path), or cast the column back at "
                        + "the source");
            }
            // a narrower type than the table's: the wider column holds its values
        }
        List<Schema.Field> fields = new ArrayList<>();
        fields.add(required(ChangeMetadata.OP, Schema.Type.STRING));
        fields.add(optional(ChangeMetadata.PROCESSED_TS, Schema.Type.LONG));
        fields.add(optional(ChangeMetadata.SHARD, Schema.Type.STRING));
        fields.add(optional(ChangeMetadata.ORIGIN_TS, Schema.Type.LONG));
        fields.add(required(ChangeMetadata.BIN_FILE, Schema.Type.STRING));
        fields.add(required(ChangeMetadata.POS, Schema.Type.LONG));
        fields.add(optional(ChangeMetadata.ROW, Schema.Type.INT));
        columns.forEach((name, type) -> fields.add(new Schema.Field(name, type, null,
                Schema.Field.NULL_DEFAULT_VALUE)));
        fields.add(optional(ChangeMetadata.SEQ, Schema.Type.STRING));
        String name = table.replaceAll("[^A-Za-z0-9_]", "_");
        return Schema.createRecord(name + "_record", null, "hoodie." + name, false, fields);
    }

    private static boolean widens(Schema from, Schema to) {
        if (from.getLogicalType() != null || to.getLogicalType() != null) {
            return false;
        }
        return switch (from.getType()) {
            case INT -> Set.of(Schema.Type.LONG, Schema.Type.FLOAT, Schema.Type.DOUBLE).contains(to.getType());
            case LONG -> Set.of(Schema.Type.FLOAT, Schema.Type.DOUBLE).contains(to.getType());
            case FLOAT -> to.getType() == Schema.Type.DOUBLE;
            default -> false;
        };
    }

    static Schema nonNull(Schema column) {
        return column.getType() == Schema.Type.UNION ? column.getTypes().get(column.getTypes().size() - 1) : column;
    }

    private static String describe(Schema column) {
        Schema type = nonNull(column);
        return type.getLogicalType() != null ? type.getLogicalType().getName() : type.getType().getName();
    }

    private static Schema.Field required(String name, Schema.Type type) {
        return new Schema.Field(name, Schema.create(type));
    }

    private static Schema.Field optional(String name, Schema.Type type) {
        return new Schema.Field(name, Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(type)), null,
                Schema.Field.NULL_DEFAULT_VALUE);
    }
}
