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
import io.tributary.source.mysql.BigintUnsignedHandlingMode;
import io.tributary.source.mysql.DecimalHandlingMode;
import io.tributary.source.mysql.convert.ColumnMapping.JdbcAccess;
import io.tributary.source.mysql.schema.ColumnDefinition;
import io.tributary.source.mysql.schema.TableId;

/** Debezium's default mapping of MySQL column types to event fields, and the custom converters configured. */
public final class ColumnMappings {
    private final DecimalHandlingMode decimalMode;
    private final BigintUnsignedHandlingMode bigintUnsignedMode;
    /** In the order {@code converters} names them: the first that takes a column converts it. */
    private final List<TinyIntOneToBoolean> converters;

    public ColumnMappings(DecimalHandlingMode decimalMode, BigintUnsignedHandlingMode bigintUnsignedMode) {
        this(decimalMode, bigintUnsignedMode, List.of());
    }

    public ColumnMappings(DecimalHandlingMode decimalMode, BigintUnsignedHandlingMode bigintUnsignedMode,
            List<TinyIntOneToBoolean> converters) {
        this.decimalMode = decimalMode;
        this.bigintUnsignedMode = bigintUnsignedMode;
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
                : baseMapping(table, column);
        EventSchema schema = column.nullable() ? mapping.schema().asOptional() : mapping.schema();
        Optional<Object> defaultValue = column.defaultValue().flatMap(text -> parseDefault(mapping, text));
        if (defaultValue.isPresent()) {
            schema = schema.withDefault(defaultValue.get());
        }
        return new ColumnMapping(column.name(), schema, mapping.access(), mapping.fromJdbc(), mapping.fromBinlog());
    }

    private static Optional<Object> parseDefault(ColumnMapping mapping, String text) {
        try {
            if (mapping.access() == JdbcAccess.BYTES) {
                return bitLiteral(text).map(mapping.fromJdbc());
            }
            return Optional.ofNullable(mapping.fromJdbc().apply(text));
        } catch (RuntimeException unparseable) {
            return Optional.empty();
        }
    }

    /** {@code b'101'} as the big-endian bytes JDBC returns for a BIT column. */
    private static Optional<Object> bitLiteral(String text) {
        if (!text.startsWith("b'") || !text.endsWith("'")) {
            return Optional.empty();
        }
        byte[] bigEndian = new BigInteger(text.substring(2, text.length() - 1), 2).toByteArray();
        return Optional.of(bigEndian);
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
            case "float" -> text(column, EventSchema.of(Type.FLOAT32), Float::valueOf, raw -> raw);
            case "double", "real", "double precision" -> text(column, EventSchema.of(Type.FLOAT64), Double::valueOf,
                    raw -> raw);
            case "bit" -> bit(column);
            case "char", "varchar", "tinytext", "text", "mediumtext", "longtext" -> string(column);
            case "binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob" -> binary(column);
            case "date" -> text(column, EventSchema.of(Type.INT32).withName("io.debezium.time.Date", 1),
                    Temporals::epochDay, raw -> Temporals.epochDayOfMicros((Long) raw));
            case "time" -> text(column, EventSchema.of(Type.INT64).withName("io.debezium.time.MicroTime", 1),
                    Temporals::timeMicros, raw -> raw);
            case "datetime" -> datetime(column);
            case "timestamp" -> serverText(column,
                    EventSchema.of(Type.STRING).withName("io.debezium.time.ZonedTimestamp", 1),
                    textValue -> zoned(Temporals.epochMicros(textValue), column.scale()),
                    raw -> zoned((Long) raw, column.scale()));
            case "year" -> text(column, EventSchema.of(Type.INT32).withName("io.debezium.time.Year", 1),
                    Integer::valueOf, raw -> raw);
            case "enum" -> enumeration(column, "io.debezium.data.Enum",
                    raw -> ((Integer) raw) == 0 ? "" : column.enumValues().get((Integer) raw - 1));
            case "set" -> enumeration(column, "io.debezium.data.EnumSet", raw -> setText(column, (Long) raw));
            case "json" -> text(column, EventSchema.of(Type.STRING).withName("io.debezium.data.Json", 1), textValue -> textValue,
                    raw -> json((byte[]) raw));
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

    private static ColumnMapping binary(ColumnDefinition column) {
        // the binlog drops the trailing zero bytes of BINARY(n); the stored value has all n
        int fixedLength = column.dataType().equals("binary") ? (int) column.length() : 0;
        return new ColumnMapping(column.name(), EventSchema.of(Type.BYTES), JdbcAccess.BYTES, bytes -> bytes,
                raw -> fixedLength > ((byte[]) raw).length ? padded((byte[]) raw, fixedLength) : raw);
    }

    private static ColumnMapping datetime(ColumnDefinition column) {
        if (column.scale() <= 3) {
            return serverText(column, EventSchema.of(Type.INT64).withName("io.debezium.time.Timestamp", 1),
                    text -> millis(Temporals.epochMicros(text)), raw -> millis((Long) raw));
        }
        return serverText(column, EventSchema.of(Type.INT64).withName("io.debezium.time.MicroTimestamp", 1),
                Temporals::epochMicros, raw -> raw);
    }

    private static Long millis(Long epochMicros) {
        return epochMicros == null ? null : Temporals.millisOfMicros(epochMicros);
    }

    private static String zoned(Long epochMicros, int digits) {
        return epochMicros == null ? null : Temporals.zonedTimestamp(epochMicros, digits);
    }

    private static ColumnMapping enumeration(ColumnDefinition column, String logicalName,
            Function<Serializable, Object> fromBinlog) {
        EventSchema schema = EventSchema.of(Type.STRING).withName(logicalName, 1)
                .withParameter("allowed", String.join(",", column.enumValues()));
        return text(column, schema, text -> text, fromBinlog);
    }

    private static String setText(ColumnDefinition column, long bits) {
        List<String> values = column.enumValues();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if ((bits & (1L << i)) != 0) {
                if (text.length() > 0) {
                    text.append(',');
                }
                text.append(values.get(i));
            }
        }
        return text.toString();
    }

    private static String json(byte[] binary) {
        try {
            return binary.length == 0 ? "null" : JsonBinary.parseAsString(binary);
        } catch (java.io.IOException e) {
            throw SourceException.fatal("cannot decode a binary JSON value from the binlog: " + e.getMessage(), e);
        }
    }
}
