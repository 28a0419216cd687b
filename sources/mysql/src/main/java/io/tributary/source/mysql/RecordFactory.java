package io.tributary.source.mysql;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.tributary.api.ChangeRecord;
import io.tributary.core.event.Heartbeats;
import io.tributary.source.mysql.event.ServerFlavor;
import io.tributary.source.mysql.event.SourceInfo;
import io.tributary.source.mysql.event.SchemaChanges;
import io.tributary.source.mysql.event.TableSchemas;
import io.tributary.source.mysql.event.TransactionMetadata;

/**
 * Turns row changes into Debezium change records: reads ({@code r}), creates, updates and deletes, the tombstone
 * after a delete, and a primary-key change as delete + tombstone + create (with Debezium's key headers).
 */
final class RecordFactory {
    static final String NEW_KEY = "__debezium.newkey";
    static final String OLD_KEY = "__debezium.oldkey";

    private final String version;
    private final ServerFlavor flavor;
    private final String serverName;
    private final boolean tombstonesOnDelete;
    private final Map<String, ?> partition;
    /** The last snapshot source block built, shared by the rows after it with an equal source. */
    private SourceStruct lastSource = new SourceStruct(null, null);

    /** A source and its struct; one field holds both, so that a reader never sees one without the other. */
    private record SourceStruct(SourceInfo source, Object[] struct) {
    }

    RecordFactory(String version, ServerFlavor flavor, MySqlSourceConfig config) {
        this.version = version;
        this.flavor = flavor;
        this.serverName = config.topicPrefix();
        this.tombstonesOnDelete = config.tombstonesOnDelete();
        this.partition = Map.of("server", config.topicPrefix());
    }

    Map<String, ?> partition() {
        return partition;
    }

    ChangeRecord read(TableSchemas table, Object[] row, SourceInfo source, MySqlOffset offset) {
        return record(table, row, envelope(table, null, row, snapshotSource(source), "r", null), offset);
    }

    /**
     * A create.
     *
     * @param transaction the transaction block, or null without transaction metadata
     */
    ChangeRecord create(TableSchemas table, Object[] row, SourceInfo source, Object[] transaction, MySqlOffset offset) {
        return record(table, row, envelope(table, null, row, struct(source), "c", transaction), offset);
    }

    /** A delete, followed by its tombstone unless {@code tombstones.on.delete=false}. */
    List<ChangeRecord> delete(TableSchemas table, Object[] before, SourceInfo source, Object[] transaction,
            MySqlOffset offset) {
        ChangeRecord delete = record(table, before, envelope(table, before, null, struct(source), "d", transaction),
                offset);
        if (!tombstonesOnDelete) {
            return List.of(delete);
        }
        ChangeRecord tombstone = new ChangeRecord(table.topic(), table.keySchema(), table.key(before), null, null,
                partition, offset.toMap());
        return List.of(delete, tombstone);
    }

    /** An update; when the primary key changed, Debezium's delete + tombstone + create instead. */
    List<ChangeRecord> update(TableSchemas table, Object[] before, Object[] after, SourceInfo source,
            TransactionBlocks transaction, MySqlOffset offset) {
        if (table.keySchema() != null && !Arrays.deepEquals(table.key(before), table.key(after))) {
            // as Debezium: the delete and its tombstone name the new key, the create the old one
            List<ChangeRecord.Header> newKey = List.of(
                    new ChangeRecord.Header(NEW_KEY, table.keySchema(), table.key(after)));
            List<ChangeRecord> removal = delete(table, before, source, transaction.next(), offset).stream()
                    .map(record -> record.withHeadersAdded(newKey)).toList();
            ChangeRecord creation = create(table, after, source, transaction.next(), offset).withHeadersAdded(
                    List.of(new ChangeRecord.Header(OLD_KEY, table.keySchema(), table.key(before))));
            return removal.size() == 1 ? List.of(removal.get(0), creation)
                    : List.of(removal.get(0), removal.get(1), creation);
        }
        return List.of(record(table, after, envelope(table, before, after, struct(source), "u", transaction.next()),
                offset));
    }

    /** Hands out the transaction block of each event an update produces (a key change makes two). */
    @FunctionalInterface
    interface TransactionBlocks {
        Object[] next();
    }

    /**
     * A truncate event ({@code op=t}): no key and no key schema (Debezium's record has neither, so JsonConverter
     * writes a null key even with schemas), no row images.
     */
    ChangeRecord truncate(TableSchemas table, SourceInfo source, Object[] transaction, MySqlOffset offset) {
        return new ChangeRecord(table.topic(), null, null, table.envelopeSchema(),
                envelope(table, null, null, struct(source), "t", transaction), partition, offset.toMap());
    }

    /** A schema-change event on the topic named {@code topic.prefix}. */
    ChangeRecord schemaChange(SchemaChanges changes, String database, String ddl, List<Object[]> tableChanges,
            SourceInfo source, MySqlOffset offset) {
        return new ChangeRecord(changes.topic(), changes.keySchema(), changes.key(database), changes.valueSchema(),
                changes.value(struct(source), database, ddl, tableChanges), partition,
                offset.toMap());
    }

    /** A heartbeat, carrying the offset reached. */
    ChangeRecord heartbeat(Heartbeats heartbeats, MySqlOffset offset) {
        long now = System.currentTimeMillis();
        return new ChangeRecord(heartbeats.topic(), Heartbeats.KEY, heartbeats.key(), Heartbeats.VALUE,
                heartbeats.value(now), partition, offset.toMap());
    }

    /** A record on the transaction topic (BEGIN or END). */
    ChangeRecord transactionEvent(TransactionMetadata metadata, Object[][] keyAndValue, MySqlOffset offset) {
        return new ChangeRecord(metadata.topic(), metadata.keySchema(), keyAndValue[0], metadata.valueSchema(),
                keyAndValue[1], partition, offset.toMap());
    }

    private Object[] envelope(TableSchemas table, Object[] before, Object[] after, Object[] source, String op,
            Object[] transaction) {
        return table.envelope(before, after, source, transaction, op, System.currentTimeMillis());
    }

    private Object[] struct(SourceInfo source) {
        return source.toStruct(version, flavor, serverName);
    }

    /**
     * The source block of a snapshot row: the one built last when the source is equal, since records are never
     * changed once built — all rows of a table but its first and last share one, and its boxed numbers. (Rows of a
     * binlog event differ in {@code row}, so changes get a block each.)
     */
    private Object[] snapshotSource(SourceInfo source) {
        SourceStruct last = lastSource;
        if (source.equals(last.source())) {
            return last.struct();
        }
        Object[] struct = struct(source);
        lastSource = new SourceStruct(source, struct);
        return struct;
    }

    private ChangeRecord record(TableSchemas table, Object[] keyRow, Object[] envelope, MySqlOffset offset) {
        return new ChangeRecord(table.topic(), table.keySchema(), table.key(keyRow), table.envelopeSchema(), envelope,
                partition, offset.toMap());
    }
}
