package io.tributary.source.mysql.schema.ddl;

import static java.util.Objects.requireNonNull;

import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.tributary.source.mysql.schema.ColumnDefinition;
import io.tributary.source.mysql.schema.DebeziumColumnTypes;
import io.tributary.source.mysql.schema.DeclaredType;
import io.tributary.source.mysql.schema.EnumMembers;
import io.tributary.source.mysql.schema.StringLiterals;

/**
 * A column's type as {@code information_schema.COLUMNS} states it on one server flavor, read from a column
 * definition's type clause.
 *
 * @param dataType {@code DATA_TYPE}, lower case
 * @param columnType {@code COLUMN_TYPE}: MariaDB writes integer display widths ({@code int(11)}), MySQL 8 and later
 *     only {@code tinyint(1)} and those of ZEROFILL columns
 * @param length {@code CHARACTER_MAXIMUM_LENGTH} or {@code NUMERIC_PRECISION}; the width of a BIT
 * @param scale {@code NUMERIC_SCALE} or {@code DATETIME_PRECISION}
 * @param enumValues the members of an ENUM or SET as its column type writes them
 * @param declared the type as the statement spelt it, which Debezium keeps
 * @param national whether the type is a national one (NCHAR, NVARCHAR...), whose character set is utf8mb3
 */
record ColumnType(String dataType, String columnType, long length, int scale, List<String> enumValues,
        Optional<DeclaredType> declared, boolean national) {
    private static final List<String> INTEGERS = List.of("tinyint", "smallint", "mediumint", "int", "bigint");
    /** Types whose length Debezium's parser takes as written, where the server writes (0), (4) or (1) its own way. */
    private static final List<String> LENGTH_AS_WRITTEN = List.of("time", "datetime", "timestamp", "year", "binary",
            "char");
    /** TEXT and BLOB types, by size: a TEXT(n) or BLOB(n) is the smallest that holds n characters or bytes. */
    private static final List<String> TEXTS = List.of("tinytext", "text", "mediumtext", "longtext");
    private static final List<String> BLOBS = List.of("tinyblob", "blob", "mediumblob", "longblob");
    private static final long[] LOB_LENGTHS = {255, 65_535, 16_777_215, 4_294_967_295L};
    private static final int[] SIGNED_WIDTHS = {4, 6, 9, 11, 20};
    private static final int[] UNSIGNED_WIDTHS = {3, 5, 8, 10, 20};
    private static final long[] PRECISIONS = {3, 5, 7, 10, 19};

    ColumnType {
        requireNonNull(dataType, "dataType is null");
        requireNonNull(columnType, "columnType is null");
        enumValues = List.copyOf(enumValues);
        requireNonNull(declared, "declared is null");
    }

    /** A type as the server spells it. */
    ColumnType(String dataType, String columnType, long length, int scale, List<String> enumValues) {
        this(dataType, columnType, length, scale, enumValues, Optional.empty(), false);
    }

    /** The type of a column read before. */
    static ColumnType of(ColumnDefinition column) {
        return new ColumnType(column.dataType(), column.columnType(), column.length(), column.scale(),
                column.enumValues(), column.declared(), false);
    }

    /** Whether the column has a character set: text, ENUM and SET. */
    boolean isText() {
        return switch (dataType) {
            case "char", "varchar", "tinytext", "text", "mediumtext", "longtext", "enum", "set" -> true;
            default -> false;
        };
    }

    boolean isTemporal() {
        return switch (dataType) {
            case "date", "time", "datetime", "timestamp", "year" -> true;
            default -> false;
        };
    }

    /**
     * Reads a type clause: the type's name (or one of its aliases: BOOL, INTEGER, INT1 to INT8, MIDDLEINT, FLOAT4,
     * FLOAT8, REAL, DOUBLE PRECISION, DEC, NUMERIC, FIXED, CHARACTER [VARYING], CHAR VARYING, NATIONAL and N types,
     * LONG [VARCHAR|VARBINARY]), its parameters and UNSIGNED, SIGNED, ZEROFILL; and how the statement spelt it.
     */
    static ColumnType read(DdlTokens tokens, boolean mariaDb) {
        int start = tokens.mark();
        String name = tokens.name().toLowerCase(Locale.ROOT);
        int jdbcType;
        ColumnType type;
        switch (name) {
            case "bool", "boolean" -> {
                type = new ColumnType("tinyint", "tinyint(1)", 3, 0, List.of());
                jdbcType = Types.BOOLEAN;
            }
            case "national", "nchar", "nvarchar" -> {
                boolean varying = name.equals("nvarchar");
                if (name.equals("national") && !tokens.accept("CHARACTER") && !tokens.accept("CHAR")) {
                    tokens.expect("VARCHAR");
                    varying = true;
                }
                varying |= tokens.accept("VARYING") || tokens.accept("VARCHAR");
                type = sized(varying ? "varchar" : "char", tokens, varying ? -1 : 1, true).asNational();
                jdbcType = varying ? Types.NVARCHAR : Types.NCHAR;
            }
            case "serial" -> {
                // BIGINT UNSIGNED NOT NULL AUTO_INCREMENT UNIQUE, which Debezium names BIGINT UNSIGNED
                type = integer("bigint", DdlTokens.of("UNSIGNED"), mariaDb);
                jdbcType = Types.BIGINT;
            }
            case "long" -> {
                boolean binary = tokens.accept("VARBINARY");
                if (!binary && !tokens.accept("VARCHAR")) {
                    tokens.accept("CHAR", "VARYING");
                }
                type = binary ? plain("mediumblob", 16_777_215) : plain("mediumtext", 16_777_215);
                jdbcType = binary ? Types.BLOB : Types.VARCHAR;
            }
            default -> {
                type = canonical(name, tokens, mariaDb);
                jdbcType = switch (name) {
                    case "real" -> Types.REAL;
                    // FLOAT(p) is a FLOAT to Debezium's parser, whatever DOUBLE the server makes of it
                    case "float", "float4" -> Types.FLOAT;
                    case "numeric" -> Types.NUMERIC;
                    case "json" -> Types.OTHER;
                    default -> DebeziumColumnTypes.jdbcType(type.dataType());
                };
            }
        }
        boolean floatPrecision = jdbcType == Types.FLOAT && !type.columnType().contains(",");
        Optional<Integer> width = INTEGERS.contains(type.dataType()) || floatPrecision
                || LENGTH_AS_WRITTEN.contains(type.dataType()) || TEXTS.contains(type.dataType())
                || BLOBS.contains(type.dataType()) ? tokens.firstParameterSince(start) : Optional.empty();
        String spelling = name.equals("serial") ? "BIGINT UNSIGNED" : spelling(tokens.wordsSince(start));
        return type.withDeclared(new DeclaredType(spelling, jdbcType, Optional.empty(), width));
    }

    /**
     * A type's words as Debezium names the type: as written, upper case, with SIGNED, UNSIGNED and ZEROFILL after
     * them in that order (ZEROFILL bringing UNSIGNED).
     */
    private static String spelling(List<String> words) {
        List<String> name = new ArrayList<>();
        boolean signed = false;
        boolean unsigned = false;
        boolean zerofill = false;
        for (String word : words) {
            switch (word.toUpperCase(Locale.ROOT)) {
                case "SIGNED" -> signed = true;
                case "UNSIGNED" -> unsigned = true;
                case "ZEROFILL" -> zerofill = true;
                default -> name.add(word.toUpperCase(Locale.ROOT));
            }
        }
        return String.join(" ", name) + (signed ? " SIGNED" : "") + (unsigned || zerofill ? " UNSIGNED" : "")
                + (zerofill ? " ZEROFILL" : "");
    }

    private static ColumnType canonical(String name, DdlTokens tokens, boolean mariaDb) {
        return switch (name) {
            case "tinyint", "int1" -> integer("tinyint", tokens, mariaDb);
            case "smallint", "int2" -> integer("smallint", tokens, mariaDb);
            case "mediumint", "int3", "middleint" -> integer("mediumint", tokens, mariaDb);
            case "int", "integer", "int4" -> integer("int", tokens, mariaDb);
            case "bigint", "int8" -> integer("bigint", tokens, mariaDb);
            case "decimal", "dec", "numeric", "fixed" -> decimal(tokens);
            case "float", "float4" -> floating("float", tokens);
            // REAL is a DOUBLE; a session under sql_mode REAL_AS_FLOAT, which makes it a FLOAT, is not followed
            case "double", "float8", "real" -> {
                tokens.accept("PRECISION");
                yield floating("double", tokens);
            }
            case "bit" -> sized("bit", tokens, 1, false);
            case "char", "character" -> tokens.accept("VARYING") ? sized("varchar", tokens, -1, true)
                    : sized("char", tokens, 1, true);
            case "varchar" -> sized("varchar", tokens, -1, true);
            case "binary" -> sized("binary", tokens, 1, true);
            case "varbinary" -> sized("varbinary", tokens, -1, true);
            case "tinytext", "tinyblob" -> plain(name, 255);
            case "text" -> {
                // TEXT(n): the statement's n, which the column's character set turns into a type (inCharset)
                if (tokens.peek().isSymbol("(")) {
                    parameter(tokens);
                }
                yield plain(name, 65_535);
            }
            case "blob" -> tokens.peek().isSymbol("(") ? lob(BLOBS, parameter(tokens)) : plain(name, 65_535);
            case "mediumtext", "mediumblob" -> plain(name, 16_777_215);
            case "longtext", "longblob" -> plain(name, 4_294_967_295L);
            case "date" -> plain("date", 0);
            case "time", "datetime", "timestamp" -> temporal(name, tokens);
            case "year" -> year(tokens, mariaDb);
            case "json" -> json(mariaDb);
            case "enum", "set" -> members(name, tokens);
            default -> throw new DdlTokens.Unsupported("type " + name);
        };
    }

    private ColumnType withDeclared(DeclaredType spelling) {
        return new ColumnType(dataType, columnType, length, scale, enumValues, Optional.of(spelling), national);
    }

    private ColumnType asNational() {
        return new ColumnType(dataType, columnType, length, scale, enumValues, declared, true);
    }

    private static ColumnType integer(String name, DdlTokens tokens, boolean mariaDb) {
        int kind = INTEGERS.indexOf(name);
        Integer width = tokens.peek().isSymbol("(") ? parameter(tokens) : null;
        Signs signs = Signs.read(tokens);
        boolean unsigned = signs.unsigned();
        boolean zerofill = signs.zerofill();
        int written = width != null ? width : (unsigned ? UNSIGNED_WIDTHS : SIGNED_WIDTHS)[kind];
        boolean showsWidth = mariaDb || zerofill || name.equals("tinyint") && width != null && width == 1;
        String columnType = name + (showsWidth ? "(" + written + ")" : "") + signs.text();
        long precision = name.equals("bigint") && unsigned ? 20 : PRECISIONS[kind];
        return new ColumnType(name, columnType, precision, 0, List.of());
    }

    private static ColumnType decimal(DdlTokens tokens) {
        int precision = 10;
        int scale = 0;
        if (tokens.acceptSymbol("(")) {
            precision = tokens.number();
            if (tokens.acceptSymbol(",")) {
                scale = tokens.number();
            }
            tokens.expectSymbol(")");
        }
        String columnType = "decimal(" + precision + "," + scale + ")" + Signs.read(tokens).text();
        return new ColumnType("decimal", columnType, precision, scale, List.of());
    }

    private static ColumnType floating(String written, DdlTokens tokens) {
        String name = written;
        String columnType = name;
        int precision = name.equals("float") ? 12 : 22;
        int scale = 0;
        if (tokens.acceptSymbol("(")) {
            int first = tokens.number();
            if (name.equals("float") && tokens.acceptSymbol(")")) {
                // FLOAT(p), as Hibernate writes a double: a FLOAT up to 24 bits of precision, a DOUBLE up to 53
                if (first > 53) {
                    throw new DdlTokens.Unsupported("FLOAT(" + first + ")");
                }
                name = first <= 24 ? "float" : "double";
                columnType = name;
                precision = name.equals("float") ? 12 : 22;
            } else {
                precision = first;
                tokens.expectSymbol(",");
                scale = tokens.number();
                tokens.expectSymbol(")");
                columnType = name + "(" + precision + "," + scale + ")";
            }
        }
        if (Signs.read(tokens).unsigned()) {
            throw new DdlTokens.Unsupported("unsigned " + name);
        }
        return new ColumnType(name, columnType, precision, scale, List.of());
    }

    /** {@code SIGNED}, {@code UNSIGNED} and {@code ZEROFILL} after a numeric type (ZEROFILL implies UNSIGNED). */
    private record Signs(boolean unsigned, boolean zerofill) {
        static Signs read(DdlTokens tokens) {
            boolean unsigned = false;
            boolean zerofill = false;
            while (true) {
                if (tokens.accept("UNSIGNED")) {
                    unsigned = true;
                } else if (tokens.accept("ZEROFILL")) {
                    zerofill = true;
                    unsigned = true;
                } else if (!tokens.accept("SIGNED")) {
                    return new Signs(unsigned, zerofill);
                }
            }
        }

        /** As the server's column type writes them. */
        String text() {
            return (unsigned ? " unsigned" : "") + (zerofill ? " zerofill" : "");
        }
    }

    /** A type with one optional size: {@code char(10)}; {@code defaultSize} -1 when the size is required. */
    private static ColumnType sized(String name, DdlTokens tokens, int defaultSize, boolean text) {
        int size = tokens.peek().isSymbol("(") ? parameter(tokens) : defaultSize;
        if (size < 0 || text && (tokens.peek().isWord("ASCII") || tokens.peek().isWord("UNICODE")
                || tokens.peek().isWord("BYTE"))) {
            throw new DdlTokens.Unsupported(name + " without a size or with an ASCII, UNICODE or BYTE attribute");
        }
        // CHAR(n) BINARY: the binary collation of the column's character set, which the events do not show; Debezium
        // names the type CHAR BINARY (the word stays in the type's spelling)
        if (text) {
            tokens.accept("BINARY");
        }
        return new ColumnType(name, name + "(" + size + ")", size, 0, List.of());
    }

    /** The smallest of {@code types} (TEXT or BLOB types, by size) that holds {@code bytes}. */
    private static ColumnType lob(List<String> types, long bytes) {
        for (int size = 0; size < LOB_LENGTHS.length; size++) {
            if (bytes <= LOB_LENGTHS[size]) {
                return plain(types.get(size), LOB_LENGTHS[size]);
            }
        }
        throw new DdlTokens.Unsupported("a length beyond LONGTEXT's");
    }

    /**
     * This type in a column of {@code charset}: a TEXT(n) becomes the smallest TEXT type that holds n characters of
     * it, as the server makes it (Debezium keeps TEXT and n).
     */
    ColumnType inCharset(String charset) {
        if (!dataType.equals("text") || declared.flatMap(DeclaredType::width).isEmpty()) {
            return this;
        }
        long bytes = (long) declared.get().width().get() * Charsets.maxBytesPerChar(charset);
        ColumnType sized = lob(TEXTS, bytes);
        return new ColumnType(sized.dataType, sized.columnType, sized.length, 0, enumValues, declared, national);
    }

    private static ColumnType plain(String name, long length) {
        return new ColumnType(name, name, length, 0, List.of());
    }

    private static ColumnType temporal(String name, DdlTokens tokens) {
        int precision = tokens.peek().isSymbol("(") ? parameter(tokens) : 0;
        if (precision > 6) {
            throw new DdlTokens.Unsupported(name + "(" + precision + ")");
        }
        return new ColumnType(name, precision > 0 ? name + "(" + precision + ")" : name, 0, precision, List.of());
    }

    private static ColumnType year(DdlTokens tokens, boolean mariaDb) {
        if (tokens.peek().isSymbol("(") && parameter(tokens) != 4) {
            throw new DdlTokens.Unsupported("year(2)");
        }
        return new ColumnType("year", mariaDb ? "year(4)" : "year", 0, 0, List.of());
    }

    private static ColumnType json(boolean mariaDb) {
        if (mariaDb) {
            // MariaDB's JSON is a LONGTEXT in utf8mb4 (with a CHECK constraint), which Debezium types as JSON
            return new ColumnType("longtext", "longtext", 4_294_967_295L, 0, List.of(), Optional.empty(), false);
        }
        return new ColumnType("json", "json", 0, 0, List.of());
    }

    /** MariaDB's JSON: a LONGTEXT whose character set is utf8mb4, whatever the table's. */
    boolean isMariaDbJson() {
        return dataType.equals("longtext") && declared.filter(spelt -> spelt.name().equals("JSON")).isPresent();
    }

    private static ColumnType members(String name, DdlTokens tokens) {
        tokens.expectSymbol("(");
        List<String> written = new ArrayList<>();
        long longest = 0;
        do {
            // as written, trailing spaces too (the server strips them; Debezium's parser keeps them, in the
            // schema and in the values)
            String member = tokens.string();
            longest = name.equals("set") ? longest + member.length() + (written.isEmpty() ? 0 : 1)
                    : Math.max(longest, member.length());
            written.add("'" + StringLiterals.body(member) + "'");
        } while (tokens.acceptSymbol(","));
        tokens.expectSymbol(")");
        String columnType = name + "(" + String.join(",", written) + ")";
        return new ColumnType(name, columnType, longest, 0, EnumMembers.fromColumnType(columnType));
    }

    private static int parameter(DdlTokens tokens) {
        tokens.expectSymbol("(");
        int value = tokens.number();
        tokens.expectSymbol(")");
        return value;
    }
}
