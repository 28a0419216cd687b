package io.tributary.source.mysql.convert;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.function.Function;

import io.tributary.api.EventSchema;

/**
 * How one column becomes a field of a change event: its schema and the conversions from the two places values
 * come from. Snapshots read a column as text or bytes over JDBC ({@link #access}); streaming decodes what the
 * binlog client produced. Both conversions produce the same value for the same stored data.
 *
 * @param name the field name (the column name)
 * @param schema the field schema, Debezium's default mapping
 * @param access how a snapshot reads the column
 * @param fromJdbc converts the JDBC text or bytes (never null)
 * @param fromBinlog converts the binlog client's value (never null)
 */
public record ColumnMapping(
        String name,
        EventSchema schema,
        JdbcAccess access,
        Function<Object, Object> fromJdbc,
        Function<Serializable, Object> fromBinlog) {

    /**
     * How a snapshot reads a column: {@code getString}, {@code getString} of {@code CAST(column AS CHAR)} (for
     * temporal types, whose text the JDBC driver would reformat), or {@code getBytes}.
     */
    public enum JdbcAccess { TEXT, SERVER_TEXT, BYTES }

    public ColumnMapping {
        requireNonNull(name, "name is null");
        requireNonNull(schema, "schema is null");
        requireNonNull(access, "access is null");
        requireNonNull(fromJdbc, "fromJdbc is null");
        requireNonNull(fromBinlog, "fromBinlog is null");
    }
}
