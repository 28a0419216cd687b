package io.tributary.source.mysql.schema;

import java.sql.Types;
import java.util.Locale;
import java.util.Set;

/**
 * How Debezium describes a column, as its DDL parser does: JDBC type, type name, length and scale. Schema-change events
 * show these; column mappers (masking, truncation, hashing, source-type propagation) decide by them.
 */
public final class DebeziumColumnTypes {
    /**
     * Types whose length Debezium's parser takes as the statement wrote it: none when it wrote none (a CHAR, a TIME),
     * the n of a TEXT(n) or BLOB(n) (the server makes it the type that holds n).
     */
    private static final Set<String> LENGTH_AS_WRITTEN = Set.of("time", "datetime", "timestamp", "year", "binary",
            "char", "tinytext", "text", "mediumtext", "longtext", "tinyblob", "blob", "mediumblob", "longblob");
    private static final Set<String> INTEGERS = Set.of("tinyint", "smallint", "mediumint", "int",
            "bigint");
    private static final Set<String> NUMBERS = Set.of("tinyint", "smallint", "mediumint", "int",
            "integer", "bigint", "decimal", "numeric", "fixed", "float", "double", "real", "double precision");

    private DebeziumColumnTypes() {
    }

    /** Whether a data type holds numbers (integers, fixed or floating point): a default TRUE or FALSE is 1 or 0. */
    public static boolean isNumber(String dataType) {
        return NUMBERS.contains(dataType);
    }

    /** The JDBC type: the one Debezium gives the type's spelling in the statement that made it, when known. */
    public static int jdbcType(ColumnDefinition column) {
        return column.declared().map(DeclaredType::jdbcType).orElseGet(() -> jdbcType(column.dataType()));
    }

    public static int jdbcType(String dataType) {
        return switch (dataType) {
            case "tinyint", "smallint" -> Types.SMALLINT;
            case "mediumint", "int", "integer", "year" -> Types.INTEGER;
            case "bigint" -> Types.BIGINT;
            case "decimal", "numeric", "fixed" -> Types.DECIMAL;
            case "float" -> Types.FLOAT;
            case "double", "real", "double precision" -> Types.DOUBLE;
            case "bit" -> Types.BIT;
            case "char", "enum", "set" -> Types.CHAR;
            // MariaDB's JSON is LONGTEXT; MySQL's own JSON type is OTHER
            case "varchar", "tinytext", "text", "mediumtext", "longtext" -> Types.VARCHAR;
            case "binary" -> Types.BINARY;
            case "varbinary" -> Types.VARBINARY;
            case "tinyblob", "blob", "mediumblob", "longblob" -> Types.BLOB;
            case "date" -> Types.DATE;
            case "time" -> Types.TIME;
            case "datetime" -> Types.TIMESTAMP;
            case "timestamp" -> Types.TIMESTAMP_WITH_TIMEZONE;
            default -> Types.OTHER;
        };
    }

    /**
     * The type name, upper case: {@code VARCHAR}, {@code INT UNSIGNED}, ...; as the statement that made the column
     * spelt it, when known ({@code BOOL}, {@code INTEGER UNSIGNED}).
     */
    public static String typeName(ColumnDefinition column) {
        if (column.declared().isPresent()) {
            return column.declared().get().name();
        }
        return column.dataType().toUpperCase(Locale.ROOT) + (column.unsigned() ? " UNSIGNED" : "")
                + (column.columnType().contains("zerofill") ? " ZEROFILL" : "");
    }

    /** The length as the column's DDL states it: display width, precision, characters, bits or fraction digits. */
    public static Integer length(ColumnDefinition column) {
        if (column.declared().isPresent() && (INTEGERS.contains(column.dataType())
                || column.declared().get().jdbcType() == Types.FLOAT && !column.columnType().contains(","))) {
            // the width the statement wrote, none for a BOOL; a FLOAT(p)'s precision
            return column.declared().get().width().orElse(null);
        }
        if (column.declared().isPresent() && LENGTH_AS_WRITTEN.contains(column.dataType())) {
            // as the statement wrote it: DATETIME(0) 0, YEAR(4) 4, BINARY and CHAR none, TEXT(100) 100, where the
            // server has datetime, year, binary(1), char(1) and tinytext or text
            return column.declared().get().width().orElse(null);
        }
        return switch (column.dataType()) {
            // YEAR: MariaDB's column type is year(4), MySQL's year
            case "tinyint", "smallint", "mediumint", "int", "integer", "bigint", "bit", "binary", "varbinary", "year" ->
                    width(column.columnType());
            case "decimal", "numeric", "fixed", "char", "varchar" -> (int) column.length();
            case "float", "double", "real" -> width(column.columnType());
            case "time", "datetime", "timestamp" -> column.scale() > 0 ? column.scale() : null;
            case "enum" -> 1;
            case "set" -> Math.max(0, column.enumValues().size() * 2 - 1);
            default -> null;
        };
    }

    /** The character set of a text column: as the statement that made the column named it ({@code utf8}), if known. */
    public static String charset(ColumnDefinition column) {
        return column.declared().flatMap(DeclaredType::charset).or(column::charset).orElse(null);
    }

    public static Integer scale(ColumnDefinition column) {
        return switch (column.dataType()) {
            case "decimal", "numeric", "fixed" -> column.scale();
            case "float", "double", "real" -> secondNumber(column.columnType());
            default -> null;
        };
    }

    /** The first number in parentheses of a column type such as {@code int(11) unsigned}, if any. */
    private static Integer width(String columnType) {
        int open = columnType.indexOf('(');
        if (open < 0) {
            return null;
        }
        int end = open + 1;
        while (end < columnType.length() && Character.isDigit(columnType.charAt(end))) {
            end++;
        }
        return end == open + 1 ? null : Integer.valueOf(columnType.substring(open + 1, end));
    }

    private static Integer secondNumber(String columnType) {
        int comma = columnType.indexOf(',');
        int close = columnType.indexOf(')');
        return comma < 0 || close < comma ? null : Integer.valueOf(columnType.substring(comma + 1, close).trim());
    }
}
