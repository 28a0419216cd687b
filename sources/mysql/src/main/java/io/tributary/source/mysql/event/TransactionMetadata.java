package io.tributary.source.mysql.event;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.tributary.api.EventSchema;
import io.tributary.api.EventSchema.Type;

/**
 * Debezium's transaction metadata ({@code provide.transaction.metadata=true}): a BEGIN and an END event per
 * transaction on {@code <topic.prefix>.transaction}, and in every data event the transaction's id and the event's
 * place in it. Tracks one transaction at a time; not thread-safe.
 */
public final class TransactionMetadata {
    private static final EventSchema KEY = EventSchema.struct("io.debezium.connector.common.TransactionMetadataKey",
            EventSchema.fieldsBuilder().add("id", EventSchema.of(Type.STRING)).build()).withVersion(1);
    private static final EventSchema COLLECTION = EventSchema.struct("event.collection", EventSchema.fieldsBuilder()
            .add("data_collection", EventSchema.of(Type.STRING))
            .add("event_count", EventSchema.of(Type.INT64))
            .build()).withVersion(1).asOptional();
    private static final EventSchema VALUE = EventSchema.struct(
            "io.debezium.connector.common.TransactionMetadataValue", EventSchema.fieldsBuilder()
                    .add("status", EventSchema.of(Type.STRING))
                    .add("id", EventSchema.of(Type.STRING))
                    .add("event_count", EventSchema.of(Type.INT64).asOptional())
                    .add("data_collections", EventSchema.array(COLLECTION).asOptional())
                    .add("ts_ms", EventSchema.of(Type.INT64))
                    .build()).withVersion(1);

    private final String topic;
    /** A HashMap as Debezium's: END events list the collections in its iteration order. */
    private final Map<String, Long> perCollection = new HashMap<>();
    private String id;
    private long total;

    public TransactionMetadata(String topicPrefix) {
        this.topic = topicPrefix + ".transaction";
    }

    public String topic() {
        return topic;
    }

    public EventSchema keySchema() {
        return KEY;
    }

    public EventSchema valueSchema() {
        return VALUE;
    }

    /** Whether a transaction is open: its BEGIN was emitted and its END not yet. */
    public boolean isOpen() {
        return id != null;
    }

    /** Opens a transaction; returns the BEGIN event's key and value. */
    public Object[][] begin(String transactionId, long tsMs) {
        id = transactionId;
        total = 0;
        perCollection.clear();
        return new Object[][] {{id}, {"BEGIN", id, null, null, tsMs}};
    }

    /** The {@code transaction} block of the next data event of {@code dataCollection} ({@code db.table}). */
    public Object[] next(String dataCollection) {
        total++;
        // get and put, as Debezium counts: HashMap.merge would put a new key at the head of its bucket, where put
        // appends it, and the END event lists the collections in the map's order
        long inCollection = perCollection.getOrDefault(dataCollection, 0L) + 1;
        perCollection.put(dataCollection, inCollection);
        return new Object[] {id, total, inCollection};
    }

    /**
     * Forgets the open transaction without an END event, as Debezium does where a transaction ends other than by a
     * commit (an XA PREPARE, a ROLLBACK): the next transaction's BEGIN follows without one.
     */
    public void abandon() {
        id = null;
    }

    /** Closes the transaction; returns the END event's key and value. */
    public Object[][] end(long tsMs) {
        List<Object[]> collections = new ArrayList<>();
        perCollection.forEach((collection, count) -> collections.add(new Object[] {collection, count}));
        Object[][] end = {{id}, {"END", id, total, collections, tsMs}};
        id = null;
        return end;
    }
}
