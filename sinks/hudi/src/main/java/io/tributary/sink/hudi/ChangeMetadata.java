package io.tributary.sink.hudi;

import java.util.Map;

import io.tributary.api.ChangeRecord;
import io.tributary.api.EventSchema;
import io.tributary.api.SinkException;
import io.tributary.core.rows.RowChange;
import io.tributary.core.rows.RowChanges;

/**
 * The change columns HoodieStreamer's MySQL Debezium source adds to each row (Hudi's {@code DebeziumConstants}), read
 * from a change event's envelope, or, for an unwrapped row or a tombstone, from the record's source offset.
 * {@code _event_bin_file} and {@code _event_pos} order the changes of a key: a change never replaces one of a later
 * binlog position, so a replay after a crash or a re-snapshot never moves a row backwards.
 *
 * @param op the Debezium operation: c, r, u or d
 * @param processedTsMs when Debezium (or Tributary) processed the event ({@code ts_ms})
 * @param shard the server name ({@code source.name})
 * @param originTsMs when the change was made at the source ({@code source.ts_ms})
 * @param binFile the binlog file of the change
 * @param pos the position of the change in that file
 * @param row the row within the binlog event
 */
record ChangeMetadata(String op, Long processedTsMs, String shard, Long originTsMs, String binFile, long pos,
        Integer row) {

    static final String OP = "_change_operation_type";
    static final String PROCESSED_TS = "_upstream_event_processed_ts_ms";
    static final String SHARD = "db_shard_source_partition";
    static final String ORIGIN_TS = "_event_origin_ts_ms";
    static final String BIN_FILE = "_event_bin_file";
    static final String POS = "_event_pos";
    static final String ROW = "_event_row";
    static final String SEQ = "_event_seq";
    static final String ORDERING_FIELDS = BIN_FILE + "," + POS;

    static ChangeMetadata of(ChangeRecord record, RowChange change) {
        EventSchema schema = record.valueSchema();
        Object value = record.value();
        Object source = RowChanges.fieldValue(schema, value, "source");
        if (source != null && schema.field("op").isPresent()) {
            EventSchema sourceSchema = schema.field("source").orElseThrow().schema();
            Object file = RowChanges.fieldValue(sourceSchema, source, "file");
            Object pos = RowChanges.fieldValue(sourceSchema, source, "pos");
            if (file instanceof String binFile && pos instanceof Number position) {
                return new ChangeMetadata(String.valueOf(RowChanges.fieldValue(schema, value, "op")),
                        asLong(RowChanges.fieldValue(schema, value, "ts_ms")),
                        (String) RowChanges.fieldValue(sourceSchema, source, "name"),
                        asLong(RowChanges.fieldValue(sourceSchema, source, "ts_ms")), binFile, position.longValue(),
                        asInt(RowChanges.fieldValue(sourceSchema, source, "row")));
            }
        }
        Map<String, ?> offset = record.offset();
        if (!record.isTombstone() && RowChanges.fieldValue(schema, value, "__source_file") instanceof String binFile
                && RowChanges.fieldValue(schema, value, "__source_pos") instanceof Number position) {
            // an unwrapped row with add.fields=source.file,source.pos: the change's own position (on Kafka Connect
            // the only one; the record's offset is Kafka's)
            Object op = RowChanges.fieldValue(schema, value, "__op");
            return new ChangeMetadata(op != null ? op.toString() : change.delete() ? "d" : "u",
                    asLong(RowChanges.fieldValue(schema, value, "__ts_ms")),
                    asString(RowChanges.fieldValue(schema, value, "__source_name")),
                    asLong(RowChanges.fieldValue(schema, value, "__source_ts_ms")), binFile, position.longValue(),
                    asInt(RowChanges.fieldValue(schema, value, "__source_row")));
        }
        if (offset.get("file") instanceof String binFile && offset.get("pos") instanceof Number position) {
            Object op = RowChanges.fieldValue(schema, value, "__op");
            String operation = op != null ? op.toString() : change.delete() ? "d" : "u";
            return new ChangeMetadata(operation, asLong(RowChanges.fieldValue(schema, value, "__ts_ms")),
                    asString(RowChanges.fieldValue(schema, value, "__source_name")),
                    asLong(RowChanges.fieldValue(schema, value, "__source_ts_ms")), binFile, position.longValue(),
                    asInt(offset.get("row")));
        }
        throw new SinkException("a record of topic " + record.topic() + " carries no binlog position (neither a "
                + "Debezium envelope's source.file and source.pos, nor an unwrapped row's __source_file and "
                + "__source_pos, nor a MySQL offset's file and pos): the Hudi sink orders the changes of a key by it; "
                + "limit this sink to MySQL or MariaDB table topics with topics=, and on Kafka Connect give "
                + "ExtractNewRecordState add.fields=source.file,source.pos");
    }

    /** Whether a record's own offset is a binlog position (standalone; on Kafka Connect it is Kafka's). */
    static boolean offsetIsBinlogPosition(ChangeRecord record) {
        return record.offset().get("file") instanceof String && record.offset().get("pos") instanceof Number;
    }

    /** HoodieStreamer's {@code _event_seq}: the binlog file's number, a dot, the position. */
    String seq() {
        return binFile.substring(binFile.lastIndexOf('.') + 1) + "." + pos;
    }

    private static Long asLong(Object value) {
        return value instanceof Number number ? number.longValue() : null;
    }

    private static Integer asInt(Object value) {
        return value instanceof Number number ? number.intValue() : null;
    }

    private static String asString(Object value) {
        return value == null ? null : value.toString();
    }
}
