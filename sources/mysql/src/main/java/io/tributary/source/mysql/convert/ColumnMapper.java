package io.tributary.source.mysql.convert;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Types;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import io.tributary.source.mysql.schema.ColumnDefinition;
import io.tributary.source.mysql.schema.DebeziumColumnTypes;

/**
 * One of Debezium's column mappers: what it adds to a value field's schema and how it changes the field's values
 * (after the column's own conversion, null included). Keys are never mapped, as in Debezium.
 */
public sealed interface ColumnMapper {
    /** The JDBC types Debezium masks and hashes; other columns keep their values (their schema is marked all the same). */
    Set<Integer> CHARACTER_TYPES = Set.of(Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.CLOB, Types.NCHAR,
            Types.NVARCHAR, Types.LONGNVARCHAR, Types.NCLOB, Types.DATALINK);

    /** What this mapper does to {@code column}. */
    ValueMapping forColumn(ColumnDefinition column);

    /**
     * The schema parameters a mapper adds (after the type's own) and its conversion of values.
     *
     * @param parameters added to the field schema, in order
     * @param convert the mapped value of a converted value (which may be null)
     */
    record ValueMapping(Map<String, String> parameters, UnaryOperator<Object> convert) {
        static final ValueMapping NONE = new ValueMapping(Map.of(), UnaryOperator.identity());

        public ValueMapping {
            parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
            requireNonNull(convert, "convert is null");
        }
    }

    /** {@code column.truncate.to.<length>.chars}: longer strings (and byte arrays) are cut to {@code maxLength}. */
    record Truncate(int maxLength) implements ColumnMapper {
        @Override
        public ValueMapping forColumn(ColumnDefinition column) {
            Integer length = DebeziumColumnTypes.length(column);
            // as Debezium: only where the column may hold longer values, or its length is unknown
            if (length != null && length <= maxLength) {
                return ValueMapping.NONE;
            }
            // Debezium cuts strings and byte buffers; a BIT(n)'s value is a byte array there, which it leaves whole
            UnaryOperator<Object> convert = column.dataType().equals("bit") ? UnaryOperator.identity()
                    : value -> truncated(value, maxLength);
            return new ValueMapping(Map.of("truncateLength", Integer.toString(maxLength)), convert);
        }

        static Object truncated(Object value, int maxLength) {
            if (value instanceof String text && text.length() > maxLength) {
                return text.substring(0, maxLength);
            }
            if (value instanceof byte[] bytes && bytes.length > maxLength) {
                return Arrays.copyOf(bytes, maxLength);
            }
            return value;
        }
    }

    /** {@code column.mask.with.<length>.chars}: every value of a character column, null too, becomes that many '*'. */
    record Mask(int length) implements ColumnMapper {
        @Override
        public ValueMapping forColumn(ColumnDefinition column) {
            String mask = "*".repeat(length);
            UnaryOperator<Object> convert = isCharacterColumn(column) ? value -> mask : UnaryOperator.identity();
            return new ValueMapping(Map.of("masked", "true"), convert);
        }
    }

    /**
     * {@code column.mask.hash.<algorithm>.with.salt.<salt>} (the value Java-serialised, as Debezium's v1) and
     * {@code column.mask.hash.v2.<algorithm>.with.salt.<salt>} (the value's UTF-8 text): the hexadecimal digest of
     * salt and value, cut to the column's length when it has one. Null stays null.
     */
    record Hash(String algorithm, String salt, boolean v2) implements ColumnMapper {
        public Hash {
            requireNonNull(algorithm, "algorithm is null");
            requireNonNull(salt, "salt is null");
            digest(algorithm); // fails now, naming the algorithm, rather than at the first value
        }

        @Override
        public ValueMapping forColumn(ColumnDefinition column) {
            if (!isCharacterColumn(column)) {
                return new ValueMapping(Map.of("masked", "true"), UnaryOperator.identity());
            }
            Integer length = DebeziumColumnTypes.length(column);
            byte[] saltBytes = salt.getBytes(StandardCharsets.UTF_8);
            return new ValueMapping(Map.of("masked", "true"), value -> {
                if (value == null) {
                    return null;
                }
                MessageDigest digest = digest(algorithm);
                digest.update(saltBytes);
                String hex = HexFormat.of().formatHex(digest.digest(v2 ? value.toString().getBytes(
                        StandardCharsets.UTF_8) : serialized(value)));
                return length != null && length > 0 ? Truncate.truncated(hex, length) : hex;
            });
        }

        private static MessageDigest digest(String algorithm) {
            try {
                return MessageDigest.getInstance(algorithm);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalArgumentException("'" + algorithm + "' is not a hash algorithm of this Java runtime "
                        + "(for example SHA-256, SHA-512, MD5)", e);
            }
        }

        private static byte[] serialized(Object value) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return bytes.toByteArray();
        }
    }

    /**
     * {@code column.propagate.source.type} and {@code datatype.propagate.source.type}: the column's type name,
     * length, scale, comment and name as schema parameters; values unchanged.
     */
    record PropagateSourceType() implements ColumnMapper {
        @Override
        public ValueMapping forColumn(ColumnDefinition column) {
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put("__debezium.source.column.type", DebeziumColumnTypes.typeName(column));
            Integer length = DebeziumColumnTypes.length(column);
            if (length != null) {
                parameters.put("__debezium.source.column.length", length.toString());
            }
            Integer scale = DebeziumColumnTypes.scale(column);
            if (scale != null) {
                parameters.put("__debezium.source.column.scale", scale.toString());
            }
            column.comment().ifPresent(comment -> parameters.put("__debezium.source.column.comment", comment));
            parameters.put("__debezium.source.column.name", column.name());
            return new ValueMapping(parameters, UnaryOperator.identity());
        }
    }

    private static boolean isCharacterColumn(ColumnDefinition column) {
        return CHARACTER_TYPES.contains(DebeziumColumnTypes.jdbcType(column));
    }
}
