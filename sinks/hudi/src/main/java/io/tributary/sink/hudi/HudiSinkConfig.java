package io.tributary.sink.hudi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.tributary.api.config.ConfigDefinition;
import io.tributary.api.config.ConfigOption;
import io.tributary.api.config.ParsedConfig;

/**
 * The Hudi sink's settings, under Hudi's own names where Hudi has one. Every other {@code hoodie.*} key Hudi's write
 * client declares is handed to it as it is ({@link HudiKeys}); keys the sink decides itself are refused. Keys
 * {@code hadoop.*} are Hadoop's, without the prefix: the file system client's settings ({@code hadoop.fs.s3a.*}).
 *
 * @param basePath the directory under which each table lives, in a directory named after it
 * @param tableNameFormat the table of a record; {@code ${topic}} is replaced by its topic, dots by underscores
 * @param tableType COPY_ON_WRITE or MERGE_ON_READ
 * @param recordKeyFields the row fields that make the record key; empty: the record key's fields
 * @param partitionPathField the row field whose value is the partition path, empty for unpartitioned tables
 * @param batchRecords how many buffered rows make the sink commit without waiting for the interval
 * @param commitIntervalMs how long rows may wait for a commit, at most
 * @param topics the topics this sink writes, empty for every topic
 * @param hudiOptions the other {@code hoodie.*} keys, handed to Hudi's write client
 */
record HudiSinkConfig(String basePath, String tableNameFormat, TableType tableType, List<String> recordKeyFields,
        Optional<String> partitionPathField, int batchRecords, long commitIntervalMs, List<String> topics,
        Map<String, String> hudiOptions) {

    /** Hudi's two table types. */
    enum TableType { COPY_ON_WRITE, MERGE_ON_READ }

    static final ConfigOption<String> BASE_PATH = ConfigOption.string("hoodie.base.path").asRequired()
            .withDoc("file:///data/lake or s3a://bucket/lake: each table in a directory of its own under it");
    static final ConfigOption<String> TABLE_NAME = ConfigOption.string("hoodie.table.name").withDefault("${topic}")
            .withDoc("the table of a record; ${topic} is replaced by its topic, and dots by underscores");
    static final ConfigOption<TableType> TABLE_TYPE = ConfigOption.oneOf("hoodie.table.type", TableType.class)
            .withDefault(TableType.COPY_ON_WRITE);
    static final ConfigOption<List<String>> RECORD_KEY = ConfigOption.list("hoodie.datasource.write.recordkey.field")
            .withDoc("row fields that make the record key; default: the record key's fields (the primary key)");
    static final ConfigOption<String> PARTITION_PATH = ConfigOption.string(
            "hoodie.datasource.write.partitionpath.field").withDefault("")
            .withDoc("a row field whose value is the partition; default: unpartitioned");
    static final ConfigOption<Integer> BATCH_RECORDS = ConfigOption.integer("batch.size").withDefault(100_000)
            .validatedBy(value -> value > 0, "a positive number of rows")
            .withDoc("rows buffered before a commit is made without waiting for commit.interval.ms");
    static final ConfigOption<Long> COMMIT_INTERVAL_MS = ConfigOption.longInteger("commit.interval.ms")
            .withDefault(60_000L).validatedBy(value -> value >= 0, "0 or more milliseconds")
            .withDoc("how long rows may wait for a commit; 0: a commit at every offset flush");
    static final ConfigOption<List<String>> TOPICS = ConfigOption.list("topics")
            .withDoc("the topics this sink writes; default: every topic");

    static final ConfigDefinition DEFINITION = new ConfigDefinition(List.of(BASE_PATH, TABLE_NAME, TABLE_TYPE,
            RECORD_KEY, PARTITION_PATH, BATCH_RECORDS, COMMIT_INTERVAL_MS, TOPICS), Set.of("key.converter",
                    "value.converter", "header.converter", "connector.class", "tasks.max", "name", "errors.",
                    "transforms", "predicates", "consumer.override.", "hadoop."))
            .withUndeclaredKeys(HudiKeys.POLICY.exceptConnectKeys());

    static HudiSinkConfig parse(Map<String, String> raw) {
        ParsedConfig parsed = DEFINITION.parse(raw);
        Map<String, String> hudi = new LinkedHashMap<>();
        raw.forEach((key, value) -> {
            if (HudiKeys.isHandedOn(key)) {
                hudi.put(key, value);
            }
        });
        String partition = parsed.get(PARTITION_PATH).trim();
        return new HudiSinkConfig(parsed.get(BASE_PATH).replaceAll("/+$", ""), parsed.get(TABLE_NAME),
                parsed.get(TABLE_TYPE), parsed.get(RECORD_KEY),
                partition.isEmpty() ? Optional.empty() : Optional.of(partition), parsed.get(BATCH_RECORDS),
                parsed.get(COMMIT_INTERVAL_MS), parsed.get(TOPICS), Map.copyOf(hudi));
    }

    boolean writes(String topic) {
        return topics.isEmpty() || topics.contains(topic);
    }

    String tableFor(String topic) {
        return tableNameFormat.replace("${topic}", topic).replace('.', '_').replace('-', '_');
    }

    String pathOf(String table) {
        return basePath + "/" + table;
    }

    @Override
    public String toString() {
        return "HudiSinkConfig[base=" + basePath + ", type=" + tableType + "]";
    }
}
