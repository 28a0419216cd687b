package io.tributary.sink.hudi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import io.tributary.api.ChangeRecord;
import io.tributary.api.EventSchema;
import io.tributary.api.SinkException;
import io.tributary.core.rows.RowChange;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.util.Utf8;
import org.apache.hudi.avro.HoodieAvroUtils;
import org.apache.hudi.client.HoodieJavaWriteClient;
import org.apache.hudi.client.WriteStatus;
import org.apache.hudi.client.common.HoodieJavaEngineContext;
import org.apache.hudi.common.config.RecordMergeMode;
import org.apache.hudi.common.model.HoodieAvroIndexedRecord;
import org.apache.hudi.common.model.HoodieKey;
import org.apache.hudi.common.model.HoodieRecord;
import org.apache.hudi.common.table.HoodieTableMetaClient;
import org.apache.hudi.common.table.TableSchemaResolver;
import org.apache.hudi.common.util.Option;
import org.apache.hudi.config.HoodieWriteConfig;
import org.apache.hudi.storage.StorageConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Hudi table and its write client: rows buffer here, one version a key (the last change in binlog order), until
 * {@link #commit} writes them in one commit (copy-on-write) or delta commit (merge-on-read). Deletes are rows marked
 * {@code _change_operation_type = 'd'}, ordered like any other change, as Hudi 1.x reads tables of its
 * {@code MySqlDebeziumAvroPayload}: event-time merging on {@code _event_bin_file, _event_pos} with that delete marker.
 */
final class HudiTable implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HudiTable.class);
    private static final String DELETE_FIELD = "hoodie.record.merge.property.hoodie.payload.delete.field";
    private static final String DELETE_MARKER = "hoodie.record.merge.property.hoodie.payload.delete.marker";

    private final String name;
    private final String path;
    private final HudiSinkConfig config;
    private final StorageConfiguration<?> storage;
    private final List<String> keyFields;
    private Schema schema;
    /** The row schema {@link #schema} was last checked against, by identity: sources share one a table version. */
    private EventSchema checkedRowSchema;
    private HoodieJavaWriteClient<?> client;
    private final Map<String, HoodieRecord<?>> pending = new LinkedHashMap<>();

    private HudiTable(String name, String path, HudiSinkConfig config, StorageConfiguration<?> storage,
            List<String> keyFields, Schema schema) {
        this.name = name;
        this.path = path;
        this.config = config;
        this.storage = storage;
        this.keyFields = keyFields;
        this.schema = schema;
    }

    /** The table, created with the first record's row schema unless it exists. */
    static HudiTable open(String name, HudiSinkConfig config, StorageConfiguration<?> storage, ChangeRecord first,
            RowChange change) {
        String path = config.pathOf(name);
        try {
            if (HudiStorage.isTable(storage, path)) {
                HoodieTableMetaClient meta = HoodieTableMetaClient.builder().setConf(storage.newInstance())
                        .setBasePath(path).build();
                String type = meta.getTableConfig().getTableType().name();
                if (!type.equals(config.tableType().name())) {
                    throw new SinkException("table " + name + " at " + path + " is a " + type + " table, but "
                            + "hoodie.table.type is " + config.tableType() + ": set it to " + type + ", or write "
                            + "the table anew elsewhere");
                }
                List<String> keys = Arrays.asList(meta.getTableConfig().getRecordKeyFields().orElse(new String[0]));
                Optional<Schema> current = currentSchema(meta);
                HudiTable table = new HudiTable(name, path, config, storage, keys, current.orElse(null));
                LOG.info("Hudi table {} at {}: {}, record key {}", name, path, type, keys);
                return table;
            }
            List<String> keys = keyFields(config, first, change);
            Properties properties = new Properties();
            properties.setProperty(DELETE_FIELD, ChangeMetadata.OP);
            properties.setProperty(DELETE_MARKER, "d");
            HoodieTableMetaClient.TableBuilder builder = HoodieTableMetaClient.newTableBuilder()
                    .fromProperties(properties)
                    .setTableType(config.tableType().name())
                    .setTableName(name)
                    .setRecordKeyFields(String.join(",", keys))
                    .setOrderingFields(ChangeMetadata.ORDERING_FIELDS)
                    .setRecordMergeMode(RecordMergeMode.EVENT_TIME_ORDERING)
                    .setKeyGeneratorClassProp(keyGenerator(config, keys));
            config.partitionPathField().ifPresent(builder::setPartitionFields);
            builder.initTable(storage.newInstance(), path);
            LOG.info("created Hudi table {} at {}: {}, record key {}", name, path, config.tableType(), keys);
            return new HudiTable(name, path, config, storage, keys, null);
        } catch (java.io.IOException e) {
            throw new SinkException("could not open Hudi table " + name + " at " + path + ": " + e.getMessage(), e);
        }
    }

    private static Optional<Schema> currentSchema(HoodieTableMetaClient meta) {
        if (meta.getActiveTimeline().getCommitsTimeline().filterCompletedInstants().empty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new TableSchemaResolver(meta).getTableSchema(false).toAvroSchema());
        } catch (Exception e) {
            throw new SinkException("could not read the schema of Hudi table " + meta.getTableConfig().getTableName()
                    + ": " + e.getMessage(), e);
        }
    }

    private static List<String> keyFields(HudiSinkConfig config, ChangeRecord record, RowChange change) {
        if (!config.recordKeyFields().isEmpty()) {
            return config.recordKeyFields();
        }
        EventSchema key = record.keySchema();
        if (key == null || key.type() != EventSchema.Type.STRUCT || key.fields().isEmpty()) {
            throw new SinkException("the records of topic " + record.topic() + " have no key (the table has no "
                    + "primary key): give hoodie.datasource.write.recordkey.field, the row fields that identify a row");
        }
        return key.fields().stream().map(EventSchema.Field::name).toList();
    }

    private static String keyGenerator(HudiSinkConfig config, List<String> keys) {
        if (config.partitionPathField().isEmpty()) {
            return "org.apache.hudi.keygen.NonpartitionedKeyGenerator";
        }
        return keys.size() == 1 ? "org.apache.hudi.keygen.SimpleKeyGenerator"
                : "org.apache.hudi.keygen.ComplexKeyGenerator";
    }

    /** Buffers a change; a later change of the same key replaces it. */
    void add(ChangeRecord record, RowChange change, ChangeMetadata metadata) {
        Object[] row = change.row();
        EventSchema rowSchema = change.rowSchema();
        if (change.keyOnly()) {
            rowSchema = record.keySchema();
            row = (Object[]) record.key();
        } else if (rowSchema != checkedRowSchema) {
            Schema evolved = TableSchema.evolve(name, Optional.ofNullable(schema), rowSchema);
            if (!evolved.equals(schema)) {
                if (schema != null) {
                    commit(Map.of()); // the rows so far under the schema they were made for
                    LOG.info("Hudi table {}: schema evolves to {}", name, evolved);
                }
                closeClient();
                schema = evolved;
            }
            checkedRowSchema = rowSchema;
        }
        if (schema == null) {
            return; // a delete known by its key, before any row: no table content to delete from
        }
        GenericData.Record avro = new GenericData.Record(schema);
        for (EventSchema.Field field : rowSchema.fields()) {
            Schema.Field column = schema.getField(field.name());
            if (column != null) {
                avro.put(column.pos(), HudiColumns.value(field.schema(), column.schema(), row[field.index()]));
            }
        }
        String op = change.delete() ? "d" : metadata.op();
        avro.put(ChangeMetadata.OP, new Utf8(op));
        avro.put(ChangeMetadata.PROCESSED_TS, metadata.processedTsMs());
        avro.put(ChangeMetadata.SHARD, metadata.shard() == null ? null : new Utf8(metadata.shard()));
        avro.put(ChangeMetadata.ORIGIN_TS, metadata.originTsMs());
        avro.put(ChangeMetadata.BIN_FILE, new Utf8(metadata.binFile()));
        avro.put(ChangeMetadata.POS, metadata.pos());
        avro.put(ChangeMetadata.ROW, metadata.row());
        avro.put(ChangeMetadata.SEQ, new Utf8(metadata.seq()));
        String key = recordKey(record, avro);
        String partition = config.partitionPathField().map(field -> {
            Object value = keyValue(record, avro, field);
            return value == null ? "__HIVE_DEFAULT_PARTITION__" : value.toString();
        }).orElse("");
        pending.remove(key);
        pending.put(key, new HoodieAvroIndexedRecord(new HoodieKey(key, partition), avro));
    }

    private String recordKey(ChangeRecord record, GenericData.Record avro) {
        if (keyFields.size() == 1) {
            Object value = keyValue(record, avro, keyFields.get(0));
            return HudiColumns.keyText(value);
        }
        StringBuilder key = new StringBuilder();
        for (String field : keyFields) {
            if (key.length() > 0) {
                key.append(',');
            }
            key.append(field).append(':').append(HudiColumns.keyText(keyValue(record, avro, field)));
        }
        return key.toString();
    }

    private Object keyValue(ChangeRecord record, GenericData.Record avro, String field) {
        if (avro.getSchema().getField(field) == null) {
            throw new SinkException("table " + name + ": the record key field " + field + " is not a column of the "
                    + "rows of topic " + record.topic() + " (columns: " + avro.getSchema().getFields().stream()
                            .map(Schema.Field::name).toList() + ")");
        }
        // as Hudi's key generators read a field: a decimal as its number, a date as its ISO text
        Object value = HoodieAvroUtils.convertValueForSpecificDataTypes(avro.getSchema().getField(field).schema(),
                avro.get(field), false);
        if (value instanceof java.nio.ByteBuffer bytes) {
            return HudiColumns.keyText(bytes.array());
        }
        return value;
    }

    int pendingCount() {
        return pending.size();
    }

    /** Writes the buffered rows in one commit carrying {@code extraMetadata}; nothing when none are buffered. */
    void commit(Map<String, String> extraMetadata) {
        if (pending.isEmpty()) {
            return;
        }
        write(new ArrayList<>(pending.values()), extraMetadata);
        pending.clear();
    }

    /**
     * A commit of no rows carrying {@code extraMetadata}: how an offset is stored when the commits {@code batch.size}
     * forced left nothing buffered to carry it. Only for a table that has committed rows (its schema known).
     */
    void commitNothing(Map<String, String> extraMetadata) {
        write(new ArrayList<>(), extraMetadata);
    }

    private void write(List<HoodieRecord> records, Map<String, String> extraMetadata) {
        HoodieJavaWriteClient<?> writer = client();
        String instant = writer.startCommit();
        List<WriteStatus> statuses;
        try {
            statuses = writer.upsert((List) records, instant);
        } catch (RuntimeException e) {
            throw new SinkException("Hudi refused to write " + records.size() + " rows to table " + name + " ("
                    + instant + "): " + e.getMessage(), e);
        }
        for (WriteStatus status : statuses) {
            if (status.hasErrors()) {
                throw new SinkException("Hudi could not write " + status.getTotalErrorRecords() + " rows to table "
                        + name + " (" + instant + "): " + status.getGlobalError());
            }
        }
        if (!writer.commit(instant, statuses, Option.of(extraMetadata))) {
            throw new SinkException("Hudi did not complete commit " + instant + " of table " + name);
        }
        LOG.debug("Hudi table {}: {} rows committed in {}", name, records.size(), instant);
    }

    private HoodieJavaWriteClient<?> client() {
        if (client == null) {
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put(DELETE_FIELD, ChangeMetadata.OP);
            properties.put(DELETE_MARKER, "d");
            if (config.tableType() == HudiSinkConfig.TableType.MERGE_ON_READ) {
                properties.put("hoodie.compact.inline", "true");
                // inserts into new file groups: the Java client's merge of inserts into a small file group of a
                // merge-on-read table writes a base file without the group's log records (found by HudiSinkIT)
                properties.put("hoodie.parquet.small.file.limit", "0");
            }
            if (config.partitionPathField().isPresent()) {
                // a row whose partition column changes moves to its new partition
                properties.put("hoodie.index.type", "GLOBAL_SIMPLE");
                properties.put("hoodie.simple.index.update.partition.path", "true");
            }
            properties.putAll(config.hudiOptions());
            HoodieWriteConfig write = HoodieWriteConfig.newBuilder()
                    .withPath(path)
                    .forTable(name)
                    .withSchema(schema.toString())
                    .withEmbeddedTimelineServerEnabled(false)
                    .withProps(properties)
                    .build();
            client = new HoodieJavaWriteClient<>(new HoodieJavaEngineContext(storage.newInstance()), write);
        }
        return client;
    }

    private void closeClient() {
        if (client != null) {
            client.close();
            client = null;
        }
    }

    @Override
    public void close() {
        closeClient();
    }
}
