package io.tributary.source.mysql.event;

import io.tributary.api.EventSchema;
import io.tributary.api.EventSchema.Type;
import io.tributary.core.event.DebeziumBlocks;

/**
 * The {@code source} block of every event: where in the server's history the change comes from.
 *
 * @param tsUs when the change was made (the binlog event's time), or when the snapshot read it, in microseconds since
 *     the epoch: {@code ts_ms}, {@code ts_us} and {@code ts_ns} are written from it
 * @param snapshot Debezium's marker: {@code false} when streaming; {@code first}, {@code true},
 *     {@code first_in_data_collection}, {@code last_in_data_collection} or {@code last} in a snapshot
 * @param database the database
 * @param table the table, null for events not about one table
 * @param serverId the originating server's id (0 in a snapshot)
 * @param gtid the transaction's GTID, if any
 * @param file the binlog file
 * @param pos the position of the transaction (or event) in that file
 * @param row the row's index in its binlog event
 * @param thread the id of the server thread (connection) that ran the transaction, as MySQL's BEGIN event names it;
 *     null where unknown (snapshots, MariaDB's transactions, which have no BEGIN event)
 * @param query the statement, when the server logs it
 */
public record SourceInfo(
        long tsUs,
        String snapshot,
        String database,
        String table,
        long serverId,
        String gtid,
        String file,
        long pos,
        int row,
        Long thread,
        String query) {

    /** A source block with no thread. */
    public SourceInfo(long tsUs, String snapshot, String database, String table, long serverId, String gtid,
            String file, long pos, int row, String query) {
        this(tsUs, snapshot, database, table, serverId, gtid, file, pos, row, null, query);
    }

    /** The source block's schema for a server flavor. */
    public static EventSchema schema(ServerFlavor flavor) {
        return EventSchema.struct(flavor.sourceSchemaName(), DebeziumBlocks.sourceFields()
                        .add("table", EventSchema.of(Type.STRING).asOptional())
                        .add("server_id", EventSchema.of(Type.INT64))
                        .add("gtid", EventSchema.of(Type.STRING).asOptional())
                        .add("file", EventSchema.of(Type.STRING))
                        .add("pos", EventSchema.of(Type.INT64))
                        .add("row", EventSchema.of(Type.INT32))
                        .add("thread", EventSchema.of(Type.INT64).asOptional())
                        .add("query", EventSchema.of(Type.STRING).asOptional())
                        .build())
                .withVersion(1);
    }

    /** The struct value, in the order of {@link #schema}. */
    public Object[] toStruct(String version, ServerFlavor flavor, String serverName) {
        return new Object[] {version, flavor.connectorName(), serverName, Math.floorDiv(tsUs, 1000), snapshot,
            database, null, tsUs, tsUs * 1000, table, serverId, gtid, file, pos, row, thread, query};
    }

    public SourceInfo withSnapshot(String marker) {
        return new SourceInfo(tsUs, marker, database, table, serverId, gtid, file, pos, row, thread, query);
    }
}
