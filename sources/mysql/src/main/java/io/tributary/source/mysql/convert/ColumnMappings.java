package io.tributary.source.mysql.convert;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.Charset;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import com.github.shyiko.mysql.binlog.event.deserialization.json.JsonBinary;
import io.tributary.api.EventSchema;
import io.tributary.api.EventSchema.Type;
import io.tributary.api.SourceException;
import io.tributary.api.config.ConfigOption;
import io.tributary.source.mysql.BigintUnsignedHandlingMode;
import io.tributary.source.mysql.BinaryHandlingMode;
import io.tributary.source.mysql.event.ServerFlavor;
import io.tributary.source.mysql.DecimalHandlingMode;
import io.tributary.source.mysql.TimePrecisionMode;
import io.tributary.source.mysql.binlog.RowCells;
import io.tributary.source.mysql.convert.ColumnMapping.JdbcAccess;
import io.tributary.source.mysql.schema.EnumMembers;
import io.tributary.source.mysql.schema.ColumnDefinition;
import io.tributary.source.mysql.schema.DeclaredType;
import io.tributary.source.mysql.schema.TableId;

/** Debezium's default mapping of MySQL column types to event fields, and the custom converters configured. */
public final class ColumnMappings {
    private static final String EPOCH_ZONED = "1970-01-01T00:00:00Z";

    private final DecimalHandlingMode decimalMode;
    private final BigintUnsignedHandlingMode bigintUnsignedMode;
    private final BinaryHandlingMode binaryMode;
    private final TimePrecisionMode timeMode;
    /** Debezium 3.6 (MySQL here) writes no NanoTimestamp beyond a long's range; 3.5 (MariaDB) wraps. */
    private final boolean exactNanos;
    private final boolean adjustTwoDigitYears;
    private final ServerFlavor flavor;
    private final DefaultValues defaults;
    /** In the order {@code converters} names them: the first that takes a column converts it. */
    private final List<TinyIntOneToBoolean> converters;

    public ColumnMappings(DecimalHandlingMode decimalMode, BigintUnsignedHandlingMode bigintUnsignedMode) {
        this(decimalMode, bigintUnsignedMode, BinaryHandlingMode.BYTES, TimePrecisionMode.ADAPTIVE_TIME_MICROSECONDS,
                true, List.of(), ServerFlavor.MARIADB);
    }

    /**
     * @param binaryMode how binary columns are written: bytes, or their text ({@code binary.handling.mode})
     * @param timeMode how DATE, TIME and DATETIME columns are written ({@code time.precision.mode})
     * @param adjustTwoDigitYears whether DATE and DATETIME years 0-99 become 2000-2069 and 1970-1999, as Debezium's
     *     {@code enable.time.adjuster} does
     * @param converters the custom converters configured ({@code converters}), in order
     * @param flavor the server, whose Debezium connector reads a snapshot through its own JDBC driver
     */
    public ColumnMappings(DecimalHandlingMode decimalMode, BigintUnsignedHandlingMode bigintUnsignedMode,
            BinaryHandlingMode binaryMode, TimePrecisionMode timeMode, boolean adjustTwoDigitYears,
            List<TinyIntOneToBoolean> converters, ServerFlavor flavor) {
        this.decimalMode = decimalMode;
        this.binaryMode = binaryMode;
        this.timeMode = timeMode;
        this.exactNanos = flavor == ServerFlavor.MYSQL;
        this.bigintUnsignedMode = bigintUnsignedMode;
        this.adjustTwoDigitYears = adjustTwoDigitYears;
        this.flavor = flavor;
        this.defaults = new DefaultValues(bigintUnsignedMode, timeMode, exactNanos, adjustTwoDigitYears);
        this.converters = List.copyOf(converters);
    }

    /**
     * The mapping of one column.
     *
     * @throws SourceException for a type Tributary cannot represent, naming the column and what to do
     */
    public ColumnMapping map(TableId table, ColumnDefinition column) {
        ColumnMapping mapping = converters.stream().anyMatch(converter -> converter.appliesTo(table, column))
                ? TinyIntOneToBoolean.mapping(column)
                : column.declared().flatMap(declared -> declaredMapping(declared, column)).orElseGet(() -> baseMapping(table, column));
        EventSchema schema = column.nullable() ? mapping.schema().asOptional() : mapping.schema();
        Optional<Object> defaultValue = defaults.of(column, mapping);
        if (defaultValue.isPresent()) {
            schema = schema.withDefault(defaultValue.get());
        }
        if (column.comment().isPresent()) {
            schema = schema.withDoc(column.comment().get()); // Debezium documents a field with its column's comment
        }
        if (!column.nullable() && isTemporal(column)) {
            // a zero date of a NOT NULL column: Debezium writes the column's default, or the epoch
            Object fallback = defaultValue.orElseGet(() -> epoch(column));
            return new ColumnMapping(column.name(), schema, mapping.access(), orElse(mapping.fromJdbc(), fallback),
                    orElse(mapping.fromBinlog(), fallback));
        }
        return new ColumnMapping(column.name(), schema, mapping.access(), mapping.fromJdbc(), mapping.fromBinlog());
    }

    private static boolean isTemporal(ColumnDefinition column) {
        return switch (column.dataType()) {
            case "date", "datetime", "timestamp" -> true;
            default -> false;
        };
    }

    /** The epoch in a temporal field: Debezium's value for a NOT NULL column's missing one. */
    private Object epoch(ColumnDefinition column) {
        return switch (column.dataType()) {
            case "date" -> timeMode.date(0);
            case "datetime" -> timeMode.datetime(0, column.scale(), exactNanos);
            default -> EPOCH_ZONED;
        };
    }

    private static <T> Function<T, Object> orElse(Function<T, Object> convert, Object fallback) {
        return value -> {
            Object converted = convert.apply(value);
            return converted != null ? converted : fallback;
        };
    }

    /**
     * What Debezium makes of a type the statement spelt its own way: a BOOL (a TINYINT(1) to the server) is a
     * boolean, true unless zero; on MariaDB an INTEGER UNSIGNED a signed int32 and a JSON (a LONGTEXT) Debezium's
     * Json; a REAL (a DOUBLE) a float.
     */
    private Optional<ColumnMapping> declaredMapping(DeclaredType declared, ColumnDefinition column) {
        if (declared.isBoolean()) {
            return Optional.of(text(column, EventSchema.of(Type.BOOLEAN), text -> Integer.parseInt(text) != 0,
                    raw -> ((Number) raw).intValue() != 0));
        }
        if (flavor == ServerFlavor.MARIADB && declared.name().startsWith("INTEGER UNSIGNED")) {
            // Debezium 3.5's MariaDB connector knows INT UNSIGNED and INT4 UNSIGNED as unsigned, not this spelling
            // (3.6's MySQL connector does): an int32 holding the binlog's signed value
            return Optional.of(text(column, EventSchema.of(Type.INT32), Integer::valueOf, raw -> raw));
        }
        if (declared.name().equals("JSON") && column.dataType().equals("longtext")) {
            // MariaDB's JSON, a LONGTEXT to the server
            ColumnMapping text = string(column);
            return Optional.of(new ColumnMapping(column.name(), EventSchema.of(Type.STRING)
                    .withName("io.debezium.data.Json", 1), text.access(), text.fromJdbc(), text.fromBinlog()));
        }
        if (declared.isReal() && column.dataType().equals("double")) {
            return Optional.of(text(column, EventSchema.of(Type.FLOAT32), text -> (float) Double.parseDouble(text),
                    raw -> ((Number) raw).floatValue()));
        }
        return Optional.empty();
    }

    private ColumnMapping baseMapping(TableId table, ColumnDefinition column) {
        boolean unsigned = column.unsigned();
        return switch (column.dataType()) {
            case "tinyint" -> text(column, EventSchema.of(Type.INT16), Short::valueOf,
                    raw -> (short) (unsigned ? ((Integer) raw) & 0xFF : ((Integer) raw).shortValue()));
            case "smallint" -> unsigned
                    ? text(column, EventSchema.of(Type.INT32), Integer::valueOf, raw -> ((Integer) raw) & 0xFFFF)
                    : text(column, EventSchema.of(Type.INT16), Short::valueOf, raw -> ((Integer) raw).shortValue());
            case "mediumint" -> text(column, EventSchema.of(Type.INT32), Integer::valueOf,
                    raw -> unsigned ? ((Integer) raw) & 0xFFFFFF : (Integer) raw);
            case "int", "integer" -> unsigned
                    ? text(column, EventSchema.of(Type.INT64), Long::valueOf, raw -> ((Integer) raw) & 0xFFFFFFFFL)
                    : text(column, EventSchema.of(Type.INT32), Integer::valueOf, raw -> raw);
            case "bigint" -> bigint(column, unsigned);
            case "decimal", "numeric", "fixed" -> decimal(column);
            // FLOAT(M,D) is a double in Debezium's events, holding the float's value
            case "float" -> column.columnType().contains(",")
                    ? text(column, EventSchema.of(Type.FLOAT64), text -> (double) Float.parseFloat(text),
                            raw -> ((Float) raw).doubleValue())
                    : text(column, EventSchema.of(Type.FLOAT32), Float::valueOf, raw -> raw);
            case "double", "real", "double precision" -> text(column, EventSchema.of(Type.FLOAT64), Double::valueOf,
                    raw -> raw);
            case "bit" -> bit(column);
            case "char", "varchar", "tinytext", "text", "mediumtext", "longtext" -> string(column);
            case "binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob" -> binary(column);
            case "date" -> text(column, timeMode.dateSchema(), text -> date(day(Temporals.epochDay(text))),
                    raw -> date(day(dateOfBinlog((Long) raw))));
            case "time" -> time(table, column);
            case "datetime" -> datetime(table, column);
            // a snapshot writes the shortest text, streaming the column's digits, as Debezium does
            case "timestamp" -> serverText(column,
                    EventSchema.of(Type.STRING).withName("io.debezium.time.ZonedTimestamp", 1),
                    textValue -> shortestZoned(Temporals.epochMicros(textValue)),
                    raw -> zonedOfBinlog((Long) raw, column.scale()));
            case "year" -> text(column, EventSchema.of(Type.INT32).withName("io.debezium.time.Year", 1),
                    this::snapshotYear, raw -> raw);
            case "enum" -> enumeration(column, "io.debezium.data.Enum");
            case "set" -> enumeration(column, "io.debezium.data.EnumSet");
            // MariaDB's UUID: the server's text in a snapshot, Debezium's reading of the binlog's 16 bytes when streamed
            case "uuid" -> text(column, EventSchema.of(Type.STRING).withName("io.debezium.data.Uuid", 1),
                    textValue -> textValue, raw -> uuid((byte[]) raw));
            case "json" -> text(column, EventSchema.of(Type.STRING).withName("io.debezium.data.Json", 1), textValue -> textValue,
                    raw -> raw instanceof String whole ? whole : json((byte[]) raw));
            case "point" -> new ColumnMapping(column.name(), Geometries.POINT, JdbcAccess.BYTES,
                    bytes -> Geometries.point((byte[]) bytes), raw -> Geometries.point((byte[]) raw));
            case "geometry", "linestring", "polygon", "multipoint", "multilinestring", "multipolygon",
                    "geometrycollection", "geomcollection" -> new ColumnMapping(column.name(), Geometries.GEOMETRY,
                    JdbcAccess.BYTES, bytes -> Geometries.geometry((byte[]) bytes),
                    raw -> Geometries.geometry((byte[]) raw));
            default -> throw SourceException.fatal("column " + table + "." + column.name() + " has type "
                    + column.columnType() + ", which Tributary cannot capture yet; leave it out with "
                    + "column.exclude.list=" + table + "." + column.name());
        };
    }

    private static ColumnMapping text(ColumnDefinition column, EventSchema schema, Function<String, Object> fromText,
            Function<Serializable, Object> fromBinlog) {
        return new ColumnMapping(column.name(), schema, JdbcAccess.TEXT, text -> fromText.apply((String) text),
                fromBinlog);
    }

    private static ColumnMapping serverText(ColumnDefinition column, EventSchema schema,
            Function<String, Object> fromText, Function<Serializable, Object> fromBinlog) {
        return new ColumnMapping(column.name(), schema, JdbcAccess.SERVER_TEXT, text -> fromText.apply((String) text),
                fromBinlog);
    }

    private ColumnMapping bigint(ColumnDefinition column, boolean unsigned) {
        if (!unsigned) {
            return text(column, EventSchema.of(Type.INT64), Long::valueOf, raw -> raw);
        }
        return switch (bigintUnsignedMode) {
            case LONG -> text(column, EventSchema.of(Type.INT64), text -> new BigInteger(text).longValue(), raw -> raw);
            case PRECISE -> text(column, decimalSchema(20, 0), BigDecimal::new,
                    raw -> new BigDecimal(Long.toUnsignedString((Long) raw)));
        };
    }

    private ColumnMapping decimal(ColumnDefinition column) {
        int scale = column.scale();
        return switch (decimalMode) {
            case PRECISE -> text(column, decimalSchema(column.length(), scale),
                    text -> new BigDecimal(text).setScale(scale), raw -> ((BigDecimal) raw).setScale(scale));
            case DOUBLE -> text(column, EventSchema.of(Type.FLOAT64), Double::valueOf,
                    raw -> ((BigDecimal) raw).doubleValue());
            case STRING -> text(column, EventSchema.of(Type.STRING),
                    text -> new BigDecimal(text).setScale(scale).toPlainString(),
                    raw -> ((BigDecimal) raw).setScale(scale).toPlainString());
        };
    }

    private static EventSchema decimalSchema(long precision, int scale) {
        return EventSchema.of(Type.BYTES).withName(EventSchema.DECIMAL, 1)
                .withParameter("scale", String.valueOf(scale))
                .withParameter("connect.decimal.precision", String.valueOf(precision));
    }

    private static ColumnMapping bit(ColumnDefinition column) {
        int bits = (int) column.length();
        if (bits == 1) {
            return new ColumnMapping(column.name(), EventSchema.of(Type.BOOLEAN), JdbcAccess.BYTES,
                    bytes -> ((byte[]) bytes)[((byte[]) bytes).length - 1] != 0, raw -> ((BitSet) raw).get(0));
        }
        int length = (bits + 7) / 8;
        EventSchema schema = EventSchema.of(Type.BYTES).withName("io.debezium.data.Bits", 1)
                .withParameter("length", String.valueOf(bits));
        return new ColumnMapping(column.name(), schema, JdbcAccess.BYTES,
                bytes -> littleEndian((byte[]) bytes, length), raw -> padded(((BitSet) raw).toByteArray(), length));
    }

    /** JDBC returns BIT values big-endian; Debezium writes them little-endian, padded to whole bytes. */
    private static byte[] littleEndian(byte[] bigEndian, int length) {
        byte[] result = new byte[length];
        for (int i = 0; i < Math.min(length, bigEndian.length); i++) {
            result[i] = bigEndian[bigEndian.length - 1 - i];
        }
        return result;
    }

    private static byte[] padded(byte[] bytes, int length) {
        return bytes.length == length ? bytes : java.util.Arrays.copyOf(bytes, length);
    }

    private static ColumnMapping string(ColumnDefinition column) {
        Charset charset = MySqlCharsets.forName(column.charset().orElse("utf8mb4"));
        return text(column, EventSchema.of(Type.STRING), text -> text,
                raw -> raw instanceof byte[] bytes ? new String(bytes, charset) : raw.toString());
    }

    private ColumnMapping binary(ColumnDefinition column) {
        // the binlog drops the trailing zero bytes of BINARY(n); the stored value has all n
        int fixedLength = column.dataType().equals("binary") ? (int) column.length() : 0;
        return new ColumnMapping(column.name(), EventSchema.of(binaryMode.asText() ? Type.STRING : Type.BYTES),
                JdbcAccess.BYTES, bytes -> binaryMode.encode((byte[]) bytes),
                raw -> binaryMode.encode(fixedLength > ((byte[]) raw).length ? padded((byte[]) raw, fixedLength)
                        : (byte[]) raw));
    }

    private ColumnMapping datetime(TableId table, ColumnDefinition column) {
        int digits = column.scale();
        Function<Long, Object> convert = micros -> {
            Object value = micros == null ? null : timeMode.datetime(micros, digits, exactNanos);
            if (value == null && micros != null && !column.nullable()) {
                throw SourceException.fatal("column " + table + "." + column.name() + " is DATETIME NOT NULL and "
                        + "holds a value outside 1677-09-21 to 2262-04-11, which time.precision.mode=nanoseconds "
                        + "cannot represent (Debezium 3.6 fails on it too); use time.precision.mode=microseconds");
            }
            return value;
        };
        return serverText(column, timeMode.datetimeSchema(digits),
                text -> convert.apply(adjusted(Temporals.snapshotDatetimeMicros(text))),
                raw -> convert.apply(datetimeOfBinlog((Long) raw)));
    }

    /**
     * A TIME, from its signed microseconds (snapshot text and binlog alike). A value the mode cannot represent (beyond
     * a day or negative, in connect and isostring) is null, as Debezium writes it; in a NOT NULL column Debezium cannot
     * write the event at all, and Tributary stops with the column named.
     */
    private ColumnMapping time(TableId table, ColumnDefinition column) {
        Function<Long, Object> convert = micros -> {
            Object value = timeMode.time(micros);
            if (value == null && !column.nullable()) {
                throw SourceException.fatal("column " + table + "." + column.name() + " is TIME NOT NULL and holds "
                        + "a value outside 00:00:00 to 24:00:00, which time.precision.mode="
                        + ConfigOption.spelling(timeMode) + " cannot represent (Debezium fails on it too); use "
                        + "time.precision.mode=adaptive_time_microseconds");
            }
            return value;
        };
        return text(column, timeMode.timeSchema(), text -> convert.apply(Temporals.timeMicros(text)),
                raw -> convert.apply((Long) raw));
    }

    /** Days since the epoch of a streamed DATE, or null for a zero date. */
    /**
     * MySQL's Connector/J, which Debezium's MySQL snapshot reads through, returns the zero YEAR (0000) as 2000, as it
     * reads any two-digit year; the binlog gives 1900 for it, and MariaDB's snapshot 0.
     */
    /** Debezium's MySQL binlog client reads the zero TIMESTAMP (0 seconds, no real one is that) as null. */
    private String zonedOfBinlog(Long epochMicros, int digits) {
        return epochMicros == 0 && flavor == ServerFlavor.MYSQL ? null : zoned(epochMicros, digits);
    }

    private Integer snapshotYear(String text) {
        int year = Integer.parseInt(text);
        return year == 0 && flavor == ServerFlavor.MYSQL ? 2000 : year;
    }

    private static Integer dateOfBinlog(long raw) {
        return raw == RowCells.INVALID ? null : Temporals.epochDayOfMicros(raw);
    }

    private Long datetimeOfBinlog(long raw) {
        return raw == RowCells.INVALID ? null : adjusted(raw);
    }

    private Integer day(Integer epochDay) {
        if (epochDay == null || !adjustTwoDigitYears) {
            return epochDay;
        }
        return (int) Temporals.adjustTwoDigitYear(epochDay);
    }

    private Long adjusted(Long epochMicros) {
        if (epochMicros == null || !adjustTwoDigitYears) {
            return epochMicros;
        }
        return Temporals.adjustTwoDigitYearOfMicros(epochMicros);
    }

    private Object date(Integer epochDay) {
        return epochDay == null ? null : timeMode.date(epochDay);
    }

    private static String shortestZoned(Long epochMicros) {
        return epochMicros == null ? null : Temporals.zonedTimestampShortest(epochMicros);
    }

    private static String zoned(Long epochMicros, int digits) {
        return epochMicros == null ? null : Temporals.zonedTimestamp(epochMicros, digits);
    }

    /**
     * An ENUM or SET: a snapshot writes the value the server returns, streaming the member's Debezium option (commas
     * escaped, see {@link EnumMembers}), as Debezium does; SET members joined by commas.
     */
    private static ColumnMapping enumeration(ColumnDefinition column, String logicalName) {
        List<String> options = column.enumValues().stream().map(EnumMembers::option).toList();
        EventSchema schema = EventSchema.of(Type.STRING).withName(logicalName, 1)
                .withParameter("allowed", String.join(",", options));
        Function<Serializable, Object> fromBinlog = logicalName.equals("io.debezium.data.Enum")
                ? raw -> enumText(options, (Integer) raw) : raw -> setText(options, (Long) raw);
        return text(column, schema, text -> text, fromBinlog);
    }

    /** The member at a 1-based index; index 0 is the empty string a server stores for an invalid value. */
    private static String enumText(List<String> options, int index) {
        return index == 0 ? "" : options.get(index - 1);
    }

    private static String setText(List<String> options, long bits) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < options.size(); i++) {
            if ((bits & (1L << i)) != 0) {
                if (text.length() > 0) {
                    text.append(',');
                }
                text.append(options.get(i));
            }
        }
        return text.toString();
    }

    private static String uuid(byte[] bytes) {
        BigInteger value = new BigInteger(1, bytes);
        return new java.util.UUID(value.shiftRight(64).longValue(), value.longValue()).toString();
    }

    private static String json(byte[] binary) {
        try {
            return binary.length == 0 ? "null" : JsonBinary.parseAsString(binary);
        } catch (java.io.IOException e) {
            throw SourceException.fatal("cannot decode a binary JSON value from the binlog: " + e.getMessage(), e);
        }
    }
}
