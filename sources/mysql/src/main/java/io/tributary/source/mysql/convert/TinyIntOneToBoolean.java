package io.tributary.source.mysql.convert;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import io.tributary.api.EventSchema;
import io.tributary.source.mysql.schema.ColumnDefinition;
import io.tributary.source.mysql.schema.DebeziumColumnTypes;
import io.tributary.source.mysql.schema.TableId;

/**
 * Debezium's {@code TinyIntOneToBooleanConverter} ({@code converters=<name>}, {@code <name>.type=...}): TINYINT
 * columns — only those declared {@code TINYINT(1)} unless {@code <name>.length.checker=false}, only those
 * {@code <name>.selector} names when it is given — become boolean fields. As in Debezium, the converter sees the
 * value before the column's own conversion: a binlog value (TINYINT UNSIGNED arrives signed) is true when above zero;
 * a snapshot value is what the JDBC driver reads, a boolean (not zero) for TINYINT(1), otherwise a number above zero.
 * Keys are converted too.
 *
 * @param selector regular expressions of {@code db.table.column} names; empty for every column
 * @param lengthChecker whether only TINYINT(1) columns are converted
 */
public record TinyIntOneToBoolean(List<Pattern> selector, boolean lengthChecker) {
    /** The class names configurations name it by: Debezium's binlog connectors' and its MySQL connector's. */
    public static final List<String> CLASS_NAMES = List.of(
            "io.debezium.connector.binlog.converters.TinyIntOneToBooleanConverter",
            "io.debezium.connector.mysql.converters.TinyIntOneToBooleanConverter");

    public TinyIntOneToBoolean {
        selector = List.copyOf(selector);
    }

    /** Whether this converter takes over {@code column}. */
    boolean appliesTo(TableId table, ColumnDefinition column) {
        String type = DebeziumColumnTypes.typeName(column).toUpperCase(Locale.ROOT);
        if (!type.equals("TINYINT") && !type.equals("TINYINT UNSIGNED")) {
            return false;
        }
        Integer length = DebeziumColumnTypes.length(column);
        if (lengthChecker && (length == null || length != 1)) {
            return false;
        }
        String name = table + "." + column.name();
        return selector.isEmpty() || selector.stream().anyMatch(pattern -> pattern.matcher(name).matches());
    }

    /** The column as a boolean field: true for a positive value, as Debezium's converter (so -1 is false). */
    static ColumnMapping mapping(ColumnDefinition column) {
        return new ColumnMapping(column.name(), EventSchema.of(EventSchema.Type.BOOLEAN), ColumnMapping.JdbcAccess.TEXT,
                text -> Integer.parseInt((String) text) > 0, raw -> ((Number) raw).intValue() > 0);
    }
}
