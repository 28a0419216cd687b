package io.tributary.source.mysql.convert;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Optional;
import java.util.regex.Pattern;

import io.tributary.api.EventSchema.Type;
import io.tributary.source.mysql.BigintUnsignedHandlingMode;
import io.tributary.source.mysql.TimePrecisionMode;
import io.tributary.source.mysql.schema.ColumnDefinition;
import io.tributary.source.mysql.schema.DebeziumColumnTypes;
import io.tributary.source.mysql.schema.DeclaredType;

/**
 * A column's default as the {@code default} of its field schema, converted as Debezium converts the default its
 * DDL parser read: integers through a double (so the largest BIGINT UNSIGNED becomes {@code Long.MAX_VALUE} and large
 * BIGINTs lose precision), DECIMAL rounded half-up to the column's scale, strings and ENUM/SET members verbatim,
 * binary columns as the UTF-8 bytes of the text, YEAR and dates through the two-digit-year adjuster, zero dates as
 * none (or the epoch for NOT NULL columns), CURRENT_TIMESTAMP as the epoch (none for a nullable TIMESTAMP).
 * Empty where Debezium gives the field no default.
 */
final class DefaultValues {
    private static final Pattern ZERO_DATE = Pattern.compile(
            "(\\d{4}-\\d{2}-00|\\d{4}-00-\\d{2}|0000-\\d{2}-\\d{2})( 00:00:00(\\.\\d{1,6})?)?|0");
    private static final Pattern INTRODUCER = Pattern.compile("^_[A-Za-z0-9]+'(.*)'$");
    /** A TIME's default after a date, which Debezium's converter leaves out. */
    private static final Pattern DATE_THEN_TIME = Pattern.compile(
            "([0-9]*-[0-9]*-[0-9]*) ([0-9]*:[0-9]*:[0-9]*(\\.([0-9]*))?)");
    /** A TIME's default as Debezium's converter reads one: hours and minutes, then seconds and a fraction if any. */
    private static final Pattern TIME = Pattern.compile("(-?[0-9]*):([0-9]*)(:([0-9]*))?(\\.([0-9]*))?");
    /** A TIMESTAMP's default as Debezium's converter reads one, its fields separated by anything but digits. */
    private static final Pattern LOOSE_TIMESTAMP = Pattern.compile(
            "(\\d+)\\D+(\\d+)\\D+(\\d+)(?:\\D+(\\d+)(?:\\D+(\\d+)(?:\\D+(\\d+)(?:\\.(\\d+))?)?)?)?");
    private static final String EPOCH = "1970-01-01 00:00:00";
    private static final String EPOCH_ZONED = "1970-01-01T00:00:00Z";
    private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd[ HH:mm:ss]").optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .parseDefaulting(ChronoField.HOUR_OF_DAY, 0).toFormatter();

    private final BigintUnsignedHandlingMode bigintUnsignedMode;
    private final TimePrecisionMode timeMode;
    private static final Pattern BOOLEAN_WORD = Pattern.compile("(?i)true|false");
    private final boolean exactNanos;
    private final boolean adjustTwoDigitYears;

    DefaultValues(BigintUnsignedHandlingMode bigintUnsignedMode, TimePrecisionMode timeMode, boolean exactNanos,
            boolean adjustTwoDigitYears) {
        this.bigintUnsignedMode = bigintUnsignedMode;
        this.timeMode = timeMode;
        this.exactNanos = exactNanos;
        this.adjustTwoDigitYears = adjustTwoDigitYears;
    }

    /** The default of {@code column}, whose values {@code mapping} converts; empty for none. */
    Optional<Object> of(ColumnDefinition column, ColumnMapping mapping) {
        Optional<String> text = column.defaultValue();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(convert(column, mapping, text.get()));
        } catch (RuntimeException unparseable) {
            // Debezium logs such a default and leaves the field without one
            return Optional.empty();
        }
    }

    private Object convert(ColumnDefinition column, ColumnMapping mapping, String written) {
        Type type = mapping.schema().type();
        // a character set introducer is dropped, as Debezium's converter drops it (_utf8mb4'x' is x)
        java.util.regex.Matcher introduced = INTRODUCER.matcher(written);
        String given = introduced.matches() ? introduced.group(1) : written;
        if (column.declared().filter(DeclaredType::isBoolean).isPresent()) {
            return DeclaredType.booleanOf(given);
        }
        // TRUE and FALSE are 1 and 0 to a number, as Debezium reads them
        String text = BOOLEAN_WORD.matcher(given.strip()).matches() && DebeziumColumnTypes.isNumber(column.dataType())
                ? (given.strip().equalsIgnoreCase("true") ? "1" : "0") : given;
        return switch (column.dataType()) {
            case "date" -> date(column, text.strip());
            case "datetime" -> datetime(column, text.strip());
            case "timestamp" -> timestamp(column, text.strip());
            // through the column's conversion: a TIME the mode cannot represent is no default, as in Debezium
            case "time" -> mapping.fromBinlog().apply(timeMicros(text.strip()));
            case "tinyint", "smallint", "mediumint", "int", "integer" -> mapping.fromJdbc().apply(rounded(text));
            case "bigint" -> column.unsigned() && bigintUnsignedMode == BigintUnsignedHandlingMode.PRECISE
                    ? mapping.fromJdbc().apply(text.strip()) : mapping.fromJdbc().apply(rounded(text));
            case "decimal", "numeric", "fixed" -> mapping.fromJdbc().apply(
                    new BigDecimal(text.strip()).setScale(column.scale(), RoundingMode.HALF_UP).toPlainString());
            case "float", "double", "real", "double precision" -> floatingPoint(type, text.strip());
            case "bit" -> bit(column, mapping, text);
            case "year" -> year(Integer.parseInt(text.strip()));
            case "binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob" ->
                    mapping.fromJdbc().apply(text.getBytes(StandardCharsets.UTF_8));
            case "char", "varchar", "tinytext", "text", "mediumtext", "longtext", "enum", "set", "json" -> text;
            default -> null;
        };
    }

    /** Read as a double, then narrowed for a FLOAT column (not in a conditional: that would widen the float back). */
    private static Object floatingPoint(Type type, String text) {
        double value = Double.parseDouble(text);
        if (type == Type.FLOAT32) {
            return (float) value;
        }
        return value;
    }

    /**
     * A YEAR as Debezium reads one, whatever its time adjuster: 0 to 69 are 2000 to 2069, 70 to 99 are 1970 to 1999
     * (a statement's {@code DEFAULT 99}, the server's {@code 0000}).
     */
    private static int year(int year) {
        if (year >= 0 && year <= 69) {
            return year + 2000;
        }
        return year >= 70 && year <= 99 ? year + 1900 : year;
    }

    /**
     * A TIME's default in microseconds, as Debezium's converter reads it: the time after a date, {@code H:M[:S[.F]]}
     * with any number of digits; anything else (a bare number, {@code '1 02:03:04'}) is no default.
     */
    private static long timeMicros(String text) {
        java.util.regex.Matcher dated = DATE_THEN_TIME.matcher(text);
        String time = dated.matches() ? dated.group(2) : text;
        java.util.regex.Matcher fields = TIME.matcher(time);
        if (!fields.matches()) {
            throw new IllegalArgumentException("not a time: " + text);
        }
        long hours = Long.parseLong(fields.group(1));
        long minutes = Long.parseLong(fields.group(2));
        long seconds = fields.group(4) == null ? 0 : Long.parseLong(fields.group(4));
        String fraction = fields.group(6) == null ? "" : fields.group(6);
        long nanos = fraction.isEmpty() ? 0 : Long.parseLong((fraction + "000000000").substring(0, 9));
        long micros = ((Math.abs(hours) * 60 + minutes) * 60 + seconds) * 1_000_000 + nanos / 1000;
        return time.startsWith("-") ? -micros : micros;
    }

    private static String rounded(String text) {
        return String.valueOf(Math.round(Double.parseDouble(text.strip())));
    }

    private Object date(ColumnDefinition column, String text) {
        if (ZERO_DATE.matcher(text).matches()) {
            return column.nullable() ? null : timeMode.date(0);
        }
        long day;
        try {
            day = LocalDate.from(DATE_TIME.parse(text)).toEpochDay();
        } catch (DateTimeParseException e) {
            return column.nullable() ? null : timeMode.date(0);
        }
        return timeMode.date((int) (adjustTwoDigitYears ? Temporals.adjustTwoDigitYear(day) : day));
    }

    private Object datetime(ColumnDefinition column, String text) {
        LocalDateTime dateTime;
        try {
            dateTime = ZERO_DATE.matcher(text).matches() ? null : LocalDateTime.parse(text, DATE_TIME);
        } catch (DateTimeParseException e) {
            dateTime = null;
        }
        if (dateTime == null) {
            return column.nullable() ? null : timeMode.datetime(0, column.scale(), exactNanos);
        }
        long micros = dateTime.toEpochSecond(ZoneOffset.UTC) * 1_000_000 + dateTime.getNano() / 1000;
        if (adjustTwoDigitYears) {
            micros = Temporals.adjustTwoDigitYearOfMicros(micros);
        }
        return timeMode.datetime(micros, column.scale(), exactNanos); // null (no default) beyond exact nanoseconds
    }

    /**
     * Debezium reads a TIMESTAMP default in the JVM's time zone and writes it with the column's fractional digits
     * and that zone's offset; the epoch (CURRENT_TIMESTAMP) and zero dates are no default, or the epoch when NOT NULL.
     */
    private static Object timestamp(ColumnDefinition column, String text) {
        if (ZERO_DATE.matcher(text).matches() || text.equals(EPOCH)) {
            return column.nullable() ? null : EPOCH_ZONED;
        }
        LocalDateTime local = looseTimestamp(text);
        int digits = column.scale();
        DateTimeFormatter format = digits <= 0 ? DateTimeFormatter.ISO_OFFSET_DATE_TIME
                : new DateTimeFormatterBuilder().appendPattern("uuuu-MM-dd'T'HH:mm:ss")
                        .appendFraction(ChronoField.NANO_OF_SECOND, digits, digits, true).appendOffsetId()
                        .toFormatter();
        return local.atZone(ZoneId.systemDefault()).format(format);
    }

    /**
     * A TIMESTAMP's default as Debezium's converter reads it: a month of 1 to 12 and a day of 1 to 31 required, each
     * field of any number of digits, the time's fields optional, and a day past the month's end rolled into the next
     * month as {@code java.sql.Timestamp} rolls it.
     */
    private static LocalDateTime looseTimestamp(String text) {
        java.util.regex.Matcher fields = LOOSE_TIMESTAMP.matcher(text);
        if (!fields.matches()) {
            throw new IllegalArgumentException("not a timestamp: " + text);
        }
        int month = Integer.parseInt(fields.group(2));
        int day = Integer.parseInt(fields.group(3));
        if (month < 1 || month > 12 || day < 1 || day > 31) {
            throw new IllegalArgumentException("not a date: " + text);
        }
        String fraction = fields.group(7) == null ? "" : fields.group(7);
        return LocalDateTime.of(Integer.parseInt(fields.group(1)), month, 1, 0, 0).plusDays(day - 1L)
                .plusHours(field(fields.group(4))).plusMinutes(field(fields.group(5)))
                .plusSeconds(field(fields.group(6)))
                .plusNanos(fraction.isEmpty() ? 0 : Long.parseLong((fraction + "000000000").substring(0, 9)));
    }

    private static long field(String digits) {
        return digits == null ? 0 : Long.parseLong(digits);
    }

    private static Object bit(ColumnDefinition column, ColumnMapping mapping, String text) {
        String digits = text.startsWith("b'") && text.endsWith("'") ? text.substring(2, text.length() - 1) : text;
        if (column.length() == 1) {
            return Short.parseShort(digits.strip()) != 0;
        }
        return mapping.fromJdbc().apply(new BigInteger(digits.strip(), 2).toByteArray());
    }
}
