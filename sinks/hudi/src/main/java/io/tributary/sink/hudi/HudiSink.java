package io.tributary.sink.hudi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.tributary.api.ChangeRecord;
import io.tributary.api.ChangeSink;
import io.tributary.api.OffsetStore;
import io.tributary.core.rows.RowChange;
import io.tributary.core.rows.RowChanges;
import org.apache.hadoop.conf.Configuration;
import org.apache.hudi.hadoop.fs.HadoopFSUtils;
import org.apache.hudi.storage.StorageConfiguration;

/**
 * Writes change records into Hudi tables, one a topic: creates, snapshot reads and updates upsert the row after the
 * change, deletes delete by key, each ordered by its binlog position ({@link HudiTable}). Rows buffer until
 * {@code batch.size} of them wait or {@code commit.interval.ms} has passed, then each table with rows gets one
 * commit. The source's offset is kept in those commits ({@link HudiOffsets}): an offset is stored when the runtime
 * hands it over after a flush and a commit is due (or, while the source is idle, once it becomes due:
 * {@link OffsetStore#saveDeferred}), so a flush itself writes nothing — once the runtime has taken its
 * offsets from the sink ({@link #transactionalOffsets}, loaded). A runtime that keeps offsets elsewhere (Kafka
 * Connect, or a pipeline whose exactly-once Kafka sink keeps them) gets a commit at every flush instead, so that what
 * it stores is always in the tables.
 */
public final class HudiSink implements ChangeSink {
    private HudiSinkConfig config;
    private StorageConfiguration<?> storage;
    private HudiOffsets offsets;
    private final Map<String, HudiTable> tables = new LinkedHashMap<>();
    private final Map<String, String> tableOfTopic = new HashMap<>();
    /** Topics whose records are Debezium envelopes: their tombstones follow a delete event and change nothing. */
    private final Set<String> envelopeTopics = new HashSet<>();
    private int pendingRows;
    /**
     * When a commit last stored an offset: commits that {@code batch.size} forces in {@link #write} carry none, so
     * the interval counts from here, or a steady stream would never see one due.
     */
    private long lastOffsetNanos;
    /** The table of the last commit without an offset since one stored it, or null when none is owed. */
    private HudiTable owesOffset;
    /** Whether the runtime took its offsets from this sink's commits: then a flush need not commit. */
    private boolean keepsOffsets;

    @Override
    public void start(String pipeline, Map<String, String> raw) {
        config = HudiSinkConfig.parse(raw);
        Configuration hadoop = new Configuration();
        raw.forEach((key, value) -> {
            if (key.startsWith("hadoop.")) {
                hadoop.set(key.substring("hadoop.".length()), value);
            }
        });
        HudiStorage.requireFileSystem(config.basePath(), hadoop);
        storage = HadoopFSUtils.getStorageConf(hadoop);
        offsets = new HudiOffsets(config.basePath(), storage, pipeline);
        lastOffsetNanos = System.nanoTime();
    }

    @Override
    public void write(List<ChangeRecord> records) {
        for (ChangeRecord record : records) {
            if (!config.writes(record.topic())) {
                continue;
            }
            if (record.isTombstone() && (envelopeTopics.contains(record.topic())
                    || !ChangeMetadata.offsetIsBinlogPosition(record))) {
                // after a Debezium delete event a tombstone changes nothing; on Kafka Connect one carries no
                // position to order it by (the first record of a task may be one), so deletes of unwrapped topics
                // come as rows there (delete.handling.mode=rewrite, README)
                continue;
            }
            Optional<RowChange> change = RowChanges.forSink(record, "topics=");
            if (change.isEmpty()) {
                continue;
            }
            if (!record.isTombstone() && record.valueSchema().field("source").isPresent()
                    && record.valueSchema().field("op").isPresent()) {
                envelopeTopics.add(record.topic());
            }
            ChangeMetadata metadata = ChangeMetadata.of(record, change.get());
            table(record, change.get()).add(record, change.get(), metadata);
            pendingRows++;
        }
        if (pendingRows >= config.batchRecords()) {
            commitAll(Map.of()); // bounds memory; the offset rides on the next round
        }
    }

    private HudiTable table(ChangeRecord record, RowChange change) {
        String name = tableOfTopic.computeIfAbsent(record.topic(), config::tableFor);
        HudiTable table = tables.get(name);
        if (table == null) {
            table = HudiTable.open(name, config, storage, record, change);
            tables.put(name, table);
        }
        return table;
    }

    /**
     * Commits the buffered rows, unless the runtime keeps its offsets in this sink's commits: then rows are committed
     * when an offset is stored and a commit is due ({@link #storeOffset}).
     */
    @Override
    public void flush() {
        if (!keepsOffsets && pendingRows > 0) {
            commitAll(Map.of());
        }
    }

    private void storeOffset(Map<String, ?> offset) {
        if (pendingRows >= config.batchRecords()
                || System.nanoTime() - lastOffsetNanos >= config.commitIntervalMs() * 1_000_000L) {
            storeNow(offset);
        }
    }

    /** Commits the buffered rows with {@code offset}; without rows, a commit of none carries it when one is owed. */
    private void storeNow(Map<String, ?> offset) {
        if (pendingRows > 0) {
            commitAll(offsets.metadata(offset));
        } else if (owesOffset != null) {
            // batch.size commits took every row and none carried the offset: a commit of no rows does
            owesOffset.commitNothing(offsets.metadata(offset));
            owesOffset = null;
            lastOffsetNanos = System.nanoTime();
        }
    }

    private void commitAll(Map<String, String> lastMetadata) {
        List<HudiTable> withRows = new ArrayList<>();
        for (HudiTable table : tables.values()) {
            if (table.pendingCount() > 0) {
                withRows.add(table);
            }
        }
        for (int i = 0; i < withRows.size(); i++) {
            withRows.get(i).commit(i == withRows.size() - 1 ? lastMetadata : Map.of());
        }
        pendingRows = 0;
        if (!lastMetadata.isEmpty()) {
            lastOffsetNanos = System.nanoTime();
            owesOffset = null;
        } else if (!withRows.isEmpty()) {
            owesOffset = withRows.get(withRows.size() - 1);
        }
    }

    @Override
    public Optional<OffsetStore> transactionalOffsets() {
        return Optional.of(new OffsetStore() {
            private Map<String, ?> last;

            @Override
            public Optional<Map<String, ?>> load() {
                keepsOffsets = true;
                return offsets.load();
            }

            @Override
            public void save(Map<String, ?> partition, Map<String, ?> offset) {
                last = offset;
                storeOffset(offset);
            }

            @Override
            public void saveDeferred() {
                if (last != null) {
                    storeOffset(last);
                }
            }

            @Override
            public void close() {
                if (last != null) {
                    storeNow(last);
                }
            }
        });
    }

    @Override
    public void close() {
        for (HudiTable table : tables.values()) {
            table.close();
        }
        tables.clear();
    }
}
