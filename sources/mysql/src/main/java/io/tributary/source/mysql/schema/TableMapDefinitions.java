package io.tributary.source.mysql.schema;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.TableMapEventMetadata;
import com.github.shyiko.mysql.binlog.event.TableMapEventMetadata.DefaultCharset;
import com.github.shyiko.mysql.binlog.event.deserialization.ColumnType;
import io.tributary.source.mysql.schema.Collations.Collation;

/**
 * A table definition read from a binlog table map written with {@code binlog_row_metadata=FULL}: column names,
 * types, lengths, signedness, character sets, ENUM and SET values, nullability and primary key, exactly as they were
 * when the rows were written. Used when {@code information_schema} has moved on (a later DDL statement), so that
 * older rows are still decoded with their own layout. What the binlog does not carry (defaults, comments,
 * AUTO_INCREMENT, display widths) is taken from a definition of the table from around that time (the one last
 * described, or the server's) for columns whose type did not change.
 */
public final class TableMapDefinitions {
    private static final String[] INTEGER_TYPES = {"tinyint", "smallint", "mediumint", "int", "bigint"};
    private static final int[] SIGNED_WIDTHS = {4, 6, 9, 11, 20};
    private static final int[] UNSIGNED_WIDTHS = {3, 5, 8, 10, 20};
    private static final String[] TEXT_TYPES = {"tinytext", "text", "mediumtext", "longtext"};
    private static final String[] BLOB_TYPES = {"tinyblob", "blob", "mediumblob", "longblob"};
    private static final long[] BLOB_LENGTHS = {255L, 65_535L, 16_777_215L, 4_294_967_295L};
    private static final String[] GEOMETRY_TYPES = {"geometry", "point", "linestring", "polygon", "multipoint",
        "multilinestring", "multipolygon", "geometrycollection"};

    private TableMapDefinitions() {
    }

    /** Whether the table map carries what {@link #definition} needs: the column names at least. */
    public static boolean hasFullMetadata(TableMapEventData tableMap) {
        return tableMap.getEventMetadata() != null && tableMap.getEventMetadata().getColumnNames() != null;
    }

    /**
     * The definition the table had when the table map was written.
     *
     * @param mariaDb whether a MariaDB server wrote the map: MariaDB gives GEOMETRY columns a (binary) character set
     *     among the character columns' sets, MySQL does not
     * @param current the table's definition nearest the rows' moment (the one last described, or the server's now), if
     *     any, for what the binlog does not carry
     */
    public static TableDefinition definition(TableMapEventData tableMap, boolean mariaDb, Collations collations,
            Optional<TableDefinition> current) {
        TableMapEventMetadata metadata = tableMap.getEventMetadata();
        byte[] types = tableMap.getColumnTypes();
        int[] meta = tableMap.getColumnMetadata();
        Map<String, ColumnDefinition> currentColumns = current.map(table -> table.columns().stream()
                .collect(Collectors.toMap(ColumnDefinition::name, column -> column))).orElse(Map.of());
        BitSet unsigned = metadata.getSignedness() == null ? new BitSet() : metadata.getSignedness();
        List<ColumnDefinition> columns = new ArrayList<>();
        int characterIndex = 0;
        int enumOrSetIndex = 0;
        int enumIndex = 0;
        int setIndex = 0;
        int geometryIndex = 0;
        for (int i = 0; i < types.length; i++) {
            String name = metadata.getColumnNames().get(i);
            ColumnDefinition known = currentColumns.get(name);
            Layout layout = layout(ColumnType.byCode(types[i] & 0xff), meta[i]);
            Optional<Collation> collation = Optional.empty();
            List<String> values = List.of();
            if (layout.kind == Kind.CHARACTER) {
                collation = collation(collations, metadata.getColumnCharsets(), metadata.getDefaultCharset(),
                        characterIndex++);
            } else if (layout.kind == Kind.ENUM || layout.kind == Kind.SET) {
                collation = collation(collations, metadata.getEnumAndSetColumnCharsets(),
                        metadata.getEnumAndSetDefaultCharset(), enumOrSetIndex++);
                values = layout.kind == Kind.ENUM ? valuesAt(metadata.getEnumStrValues(), enumIndex++)
                        : valuesAt(metadata.getSetStrValues(), setIndex++);
            }
            String geometry = null;
            if (layout.kind == Kind.GEOMETRY) {
                geometry = geometryType(metadata, geometryIndex++);
                characterIndex += mariaDb ? 1 : 0;
            }
            ColumnDefinition column = column(name, i + 1, layout, unsigned.get(i), collation, values, geometry,
                    tableMap.getColumnNullability().get(i), known);
            columns.add(known != null && sameType(known, column) ? withPosition(known, i + 1) : column);
        }
        List<String> primaryKey = primaryKey(metadata).stream().map(index -> columns.get(index).name()).toList();
        return new TableDefinition(new TableId(tableMap.getDatabase(), tableMap.getTable()), columns,
                TableKey.primary(primaryKey),
                current.flatMap(TableDefinition::defaultCharset), current.flatMap(TableDefinition::comment));
    }

    /**
     * Whether a column of a definition has the type family of a table map's column: the same integer size, text for
     * text, and so on. Cheap enough to check every table map with.
     */
    public static boolean sameFamily(ColumnDefinition column, TableMapEventData tableMap, int index) {
        Layout layout = layout(ColumnType.byCode(tableMap.getColumnTypes()[index] & 0xff),
                tableMap.getColumnMetadata()[index]);
        return family(layout.dataType).equals(family(column.dataType()));
    }

    private static String family(String dataType) {
        return switch (dataType) {
            case "varbinary" -> "varchar";
            case "binary", "uuid" -> "char"; // MariaDB logs a UUID as BINARY(16)
            case "tinytext", "mediumtext", "longtext", "tinyblob", "blob", "mediumblob", "longblob" -> "text";
            case "point", "linestring", "polygon", "multipoint", "multilinestring", "multipolygon",
                    "geometrycollection" -> "geometry";
            case "numeric", "fixed" -> "decimal";
            case "integer" -> "int";
            case "real" -> "double";
            default -> dataType;
        };
    }

    private enum Kind { PLAIN, CHARACTER, ENUM, SET, GEOMETRY }

    /** A column's type as far as the type code and its metadata tell it. */
    private record Layout(Kind kind, String dataType, long length, int scale, int index) {
        static Layout plain(String dataType, long length, int scale) {
            return new Layout(Kind.PLAIN, dataType, length, scale, 0);
        }
    }

    private static Layout layout(ColumnType type, int meta) {
        return switch (type) {
            case TINY -> integer(0);
            case SHORT -> integer(1);
            case INT24 -> integer(2);
            case LONG -> integer(3);
            case LONGLONG -> integer(4);
            case FLOAT -> Layout.plain("float", 12, 0);
            case DOUBLE -> Layout.plain("double", 22, 0);
            case NEWDECIMAL, DECIMAL -> Layout.plain("decimal", meta & 0xff, meta >> 8);
            case YEAR -> Layout.plain("year", 0, 0);
            case DATE, NEWDATE -> Layout.plain("date", 0, 0);
            case TIME, TIME_V2 -> Layout.plain("time", 0, meta);
            case DATETIME, DATETIME_V2 -> Layout.plain("datetime", 0, meta);
            case TIMESTAMP, TIMESTAMP_V2 -> Layout.plain("timestamp", 0, meta);
            case BIT -> Layout.plain("bit", (meta >> 8) * 8L + (meta & 0xff), 0);
            case VARCHAR, VAR_STRING -> new Layout(Kind.CHARACTER, "varchar", meta, 0, 0);
            case STRING -> fixedString(meta);
            case BLOB, TINY_BLOB, MEDIUM_BLOB, LONG_BLOB -> new Layout(Kind.CHARACTER, "text", 0, 0, meta - 1);
            case ENUM -> new Layout(Kind.ENUM, "enum", 0, 0, 0);
            case SET -> new Layout(Kind.SET, "set", 0, 0, 0);
            case JSON -> Layout.plain("json", 0, 0);
            case GEOMETRY -> new Layout(Kind.GEOMETRY, "geometry", 0, 0, 0);
            default -> Layout.plain(type.name().toLowerCase(java.util.Locale.ROOT), 0, 0);
        };
    }

    private static Layout integer(int size) {
        return new Layout(Kind.PLAIN, INTEGER_TYPES[size], 0, 0, size);
    }

    /** CHAR, BINARY, ENUM or SET: the real type and the byte length are packed into the metadata. */
    private static Layout fixedString(int meta) {
        int realType = meta >> 8;
        int length = meta & 0xff;
        if ((realType & 0x30) != 0x30) {
            length |= ((realType & 0x30) ^ 0x30) << 4;
            realType |= 0x30;
        }
        if (realType == ColumnType.ENUM.getCode()) {
            return new Layout(Kind.ENUM, "enum", 0, 0, 0);
        }
        if (realType == ColumnType.SET.getCode()) {
            return new Layout(Kind.SET, "set", 0, 0, 0);
        }
        return new Layout(Kind.CHARACTER, "char", length, 0, 0);
    }

    private static ColumnDefinition column(String name, int position, Layout layout, boolean unsigned,
            Optional<Collation> collation, List<String> values, String geometry, boolean nullable,
            ColumnDefinition known) {
        boolean binary = layout.kind == Kind.CHARACTER && collation.isEmpty();
        Optional<String> charset = binary ? Optional.empty() : collation.map(Collation::charset);
        int bytesPerChar = collation.map(Collation::maxBytesPerChar).orElse(1);
        String dataType = layout.dataType;
        long length = layout.length;
        String columnType;
        switch (dataType) {
            case "tinyint", "smallint", "mediumint", "int", "bigint" -> {
                int width = (unsigned ? UNSIGNED_WIDTHS : SIGNED_WIDTHS)[layout.index];
                columnType = dataType + "(" + width + ")" + (unsigned ? " unsigned" : "");
            }
            case "float", "double" -> columnType = dataType + (unsigned ? " unsigned" : "");
            case "decimal" -> columnType = "decimal(" + length + "," + layout.scale + ")" + (unsigned ? " unsigned" : "");
            case "bit" -> columnType = "bit(" + length + ")";
            case "year" -> columnType = "year(4)";
            case "time", "datetime", "timestamp" ->
                    columnType = layout.scale > 0 ? dataType + "(" + layout.scale + ")" : dataType;
            case "varchar", "char" -> {
                dataType = binary ? (dataType.equals("char") ? "binary" : "varbinary") : dataType;
                length = binary ? length : length / bytesPerChar;
                columnType = dataType + "(" + length + ")";
            }
            case "text" -> {
                dataType = (binary ? BLOB_TYPES : TEXT_TYPES)[layout.index];
                length = BLOB_LENGTHS[layout.index];
                columnType = dataType;
            }
            case "enum", "set" -> columnType = dataType + values.stream()
                    .map(token -> "'" + token + "'").collect(Collectors.joining(",", "(", ")"));
            case "geometry" -> {
                dataType = geometry;
                columnType = geometry;
            }
            default -> columnType = dataType;
        }
        return new ColumnDefinition(name, position, dataType, columnType, nullable, Optional.empty(), charset,
                length, layout.scale, values, false, false, Optional.empty());
    }

    private static Optional<Collation> collation(Collations collations, List<Integer> perColumn,
            DefaultCharset defaults, int index) {
        Integer id = null;
        if (perColumn != null && index < perColumn.size()) {
            id = perColumn.get(index);
        } else if (defaults != null) {
            Map<Integer, Integer> exceptions = defaults.getCharsetCollations();
            id = exceptions != null && exceptions.containsKey(index) ? exceptions.get(index)
                    : defaults.getDefaultCharsetCollation();
        }
        if (id == null || id == Collations.BINARY) {
            return Optional.empty();
        }
        return collations.byId(id);
    }

    /** The member tokens of the index-th ENUM or SET column, from the values the table map carries. */
    private static List<String> valuesAt(List<String[]> values, int index) {
        return values == null || index >= values.size() ? List.of()
                : java.util.Arrays.stream(values.get(index)).map(EnumMembers::token).toList();
    }

    private static String geometryType(TableMapEventMetadata metadata, int index) {
        List<Integer> types = metadata.getGeometryTypes();
        int type = types == null || index >= types.size() ? 0 : types.get(index);
        return type >= 0 && type < GEOMETRY_TYPES.length ? GEOMETRY_TYPES[type] : "geometry";
    }

    private static List<Integer> primaryKey(TableMapEventMetadata metadata) {
        if (metadata.getSimplePrimaryKeys() != null) {
            return metadata.getSimplePrimaryKeys();
        }
        if (metadata.getPrimaryKeysWithPrefix() != null) {
            return List.copyOf(metadata.getPrimaryKeysWithPrefix().keySet());
        }
        return List.of();
    }

    /** Whether the current column still has the type the binlog describes, so its other details apply too. */
    private static boolean sameType(ColumnDefinition known, ColumnDefinition logged) {
        boolean lengthMatters = switch (logged.dataType()) {
            case "decimal", "bit", "char", "binary", "varchar", "varbinary" -> true;
            default -> false;
        };
        return known.dataType().equals(logged.dataType()) && known.unsigned() == logged.unsigned()
                && known.nullable() == logged.nullable() && known.charset().equals(logged.charset())
                && (!lengthMatters || known.length() == logged.length()) && known.scale() == logged.scale()
                && known.enumValues().equals(logged.enumValues());
    }

    private static ColumnDefinition withPosition(ColumnDefinition column, int position) {
        return new ColumnDefinition(column.name(), position, column.dataType(), column.columnType(),
                column.nullable(), column.defaultValue(), column.charset(), column.length(), column.scale(),
                column.enumValues(), column.autoIncrement(), column.generated(), column.comment());
    }
}
