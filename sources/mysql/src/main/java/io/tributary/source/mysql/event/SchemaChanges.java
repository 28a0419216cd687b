package io.tributary.source.mysql.event;

import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

import io.tributary.api.EventSchema;
import io.tributary.api.EventSchema.Type;
import io.tributary.source.mysql.schema.ColumnDefinition;
import io.tributary.source.mysql.schema.DebeziumColumnTypes;
import io.tributary.source.mysql.schema.TableDefinition;
import io.tributary.source.mysql.schema.TableId;

/**
 * Debezium's schema-change events ({@code include.schema.changes=true}) on the topic named {@code topic.prefix}:
 * the DDL statement, its database, and for each table it touched a {@code tableChanges} entry describing the
 * table as it now is. Table descriptions come from {@code information_schema}, spelled as Debezium spells them.
 */
public final class SchemaChanges {
    private static final EventSchema STRINGS = EventSchema.array(EventSchema.of(Type.STRING)).asOptional();
    private static final EventSchema COLUMN = EventSchema.struct("io.debezium.connector.schema.Column",
            EventSchema.fieldsBuilder()
                    .add("name", EventSchema.of(Type.STRING))
                    .add("jdbcType", EventSchema.of(Type.INT32))
                    .add("nativeType", EventSchema.of(Type.INT32).asOptional())
                    .add("typeName", EventSchema.of(Type.STRING))
                    .add("typeExpression", EventSchema.of(Type.STRING).asOptional())
                    .add("charsetName", EventSchema.of(Type.STRING).asOptional())
                    .add("length", EventSchema.of(Type.INT32).asOptional())
                    .add("scale", EventSchema.of(Type.INT32).asOptional())
                    .add("position", EventSchema.of(Type.INT32))
                    .add("optional", EventSchema.of(Type.BOOLEAN).asOptional())
                    .add("autoIncremented", EventSchema.of(Type.BOOLEAN).asOptional())
                    .add("generated", EventSchema.of(Type.BOOLEAN).asOptional())
                    .add("comment", EventSchema.of(Type.STRING).asOptional())
                    .add("defaultValueExpression", EventSchema.of(Type.STRING).asOptional())
                    .add("enumValues", STRINGS)
                    .build()).withVersion(1);
    private static final EventSchema TABLE = EventSchema.struct("io.debezium.connector.schema.Table",
            EventSchema.fieldsBuilder()
                    .add("defaultCharsetName", EventSchema.of(Type.STRING).asOptional())
                    .add("primaryKeyColumnNames", STRINGS)
                    .add("columns", EventSchema.array(COLUMN))
                    .add("comment", EventSchema.of(Type.STRING).asOptional())
                    .build()).withVersion(1).asOptional();
    private static final EventSchema CHANGE = EventSchema.struct("io.debezium.connector.schema.Change",
            EventSchema.fieldsBuilder()
                    .add("type", EventSchema.of(Type.STRING))
                    .add("id", EventSchema.of(Type.STRING))
                    .add("table", TABLE)
                    .build()).withVersion(1);

    /** What a DDL statement did to a table. */
    public enum ChangeType { CREATE, ALTER, DROP }

    private final String topic;
    private final EventSchema keySchema;
    private final EventSchema valueSchema;

    public SchemaChanges(String topicPrefix, ServerFlavor flavor, EventSchema sourceSchema) {
        String namespace = "io.debezium.connector." + flavor.connectorName();
        this.topic = topicPrefix;
        this.keySchema = EventSchema.struct(namespace + ".SchemaChangeKey", EventSchema.fieldsBuilder()
                .add("databaseName", EventSchema.of(Type.STRING)).build()).withVersion(1);
        this.valueSchema = EventSchema.struct(namespace + ".SchemaChangeValue", EventSchema.fieldsBuilder()
                .add("source", sourceSchema)
                .add("ts_ms", EventSchema.of(Type.INT64))
                .add("databaseName", EventSchema.of(Type.STRING).asOptional())
                .add("schemaName", EventSchema.of(Type.STRING).asOptional())
                .add("ddl", EventSchema.of(Type.STRING).asOptional())
                .add("tableChanges", EventSchema.array(CHANGE))
                .build()).withVersion(1);
    }

    public String topic() {
        return topic;
    }

    public EventSchema keySchema() {
        return keySchema;
    }

    public EventSchema valueSchema() {
        return valueSchema;
    }

    public Object[] key(String database) {
        return new Object[] {database};
    }

    public Object[] value(Object[] source, String database, String ddl, List<Object[]> tableChanges) {
        return new Object[] {source, System.currentTimeMillis(), database, null, ddl, tableChanges};
    }

    /** A {@code tableChanges} entry; {@code table} is null for a DROP. */
    public static Object[] change(ChangeType type, TableId id, TableDefinition table) {
        return new Object[] {type.name(), quoted(id.database()) + "." + quoted(id.table()),
            table == null ? null : table(table)};
    }

    /**
     * A name as Debezium quotes it in a change's {@code id}: in double quotes with inner ones doubled, unless it
     * starts or ends with one already.
     */
    static String quoted(String name) {
        if (name.isEmpty()) {
            return "\"\"";
        }
        if (name.charAt(0) == '"' || name.charAt(name.length() - 1) == '"') {
            return name;
        }
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static Object[] table(TableDefinition table) {
        List<Object[]> columns = new ArrayList<>();
        for (ColumnDefinition column : table.columns()) {
            columns.add(column(column));
        }
        String charset = table.declaredCharset().or(table::defaultCharset).orElse(null);
        return new Object[] {charset, table.primaryKey(), columns,
            table.comment().orElse(null)};
    }

    private static Object[] column(ColumnDefinition column) {
        String typeName = DebeziumColumnTypes.typeName(column);
        // a JSON column MariaDB keeps as LONGTEXT has no character set to Debezium's parser
        boolean text = isText(column.dataType()) && DebeziumColumnTypes.jdbcType(column) != Types.OTHER;
        return new Object[] {column.name(), DebeziumColumnTypes.jdbcType(column), null, typeName, typeName,
            text ? DebeziumColumnTypes.charset(column) : null, DebeziumColumnTypes.length(column),
            DebeziumColumnTypes.scale(column), column.position(), column.nullable(), column.autoIncrement(),
            // Debezium's "generated" is AUTO_INCREMENT; a GENERATED ALWAYS AS column is not
            column.autoIncrement(), column.comment().orElse(null),
            column.defaultValue().map(SchemaChanges::defaultExpression).orElse(null),
            column.enumValues().isEmpty() ? null : column.enumValues().stream().map(value -> "'" + value + "'").toList()};
    }

    /** A default as Debezium states it: bit literals ({@code b'101'}) as their digits. */
    private static String defaultExpression(String literal) {
        if (literal.startsWith("b'") && literal.endsWith("'")) {
            return literal.substring(2, literal.length() - 1);
        }
        return literal;
    }

    private static boolean isText(String dataType) {
        return switch (dataType) {
            case "char", "varchar", "tinytext", "text", "mediumtext", "longtext", "enum", "set" -> true;
            default -> false;
        };
    }
}
