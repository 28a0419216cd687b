package io.tributary.sink.hudi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.api.ChangeRecord;
import io.tributary.api.EventSchema;
import io.tributary.api.EventSchema.Type;
import io.tributary.api.OffsetStore;
import io.tributary.api.SinkException;
import io.tributary.api.config.ConfigException;
import io.tributary.testkit.TestingHudiQuery;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Hudi sink writing copy-on-write and merge-on-read tables from Debezium change events, read back by Spark SQL
 * with Hudi's Spark bundle ({@link TestingHudiQuery}): snapshot, read-optimized and incremental queries, deletes, key
 * changes, out-of-order replays, schema evolution, and the offset kept in the commits.
 */
class HudiSinkIT {
    private static final String TOPIC = "shop.shop.items";
    private static final EventSchema KEY = EventSchema.struct("shop.shop.items.Key", EventSchema.fieldsBuilder()
            .add("id", EventSchema.of(Type.INT32)).build());
    private static final EventSchema ROW = row(false);
    private static final EventSchema ROW_WITH_NOTE = row(true);
    private static final EventSchema SOURCE = EventSchema.struct("io.debezium.connector.mysql.Source",
            EventSchema.fieldsBuilder()
                    .add("name", EventSchema.of(Type.STRING))
                    .add("ts_ms", EventSchema.of(Type.INT64))
                    .add("db", EventSchema.of(Type.STRING))
                    .add("file", EventSchema.of(Type.STRING))
                    .add("pos", EventSchema.of(Type.INT64))
                    .add("row", EventSchema.of(Type.INT32))
                    .build());

    private static TestingHudiQuery engine;

    @TempDir
    Path lake;

    @BeforeAll
    static void startEngine() throws Exception {
        engine = TestingHudiQuery.start(Path.of("target", "hudi-query-engine.log"));
    }

    @AfterAll
    static void stopEngine() throws Exception {
        if (engine != null) {
            engine.close();
        }
    }

    private static EventSchema row(boolean withNote) {
        EventSchema.FieldsBuilder fields = EventSchema.fieldsBuilder()
                .add("id", EventSchema.of(Type.INT32))
                .add("name", EventSchema.of(Type.STRING).asOptional())
                .add("price", EventSchema.of(Type.BYTES).withName(EventSchema.DECIMAL, 1).withParameter("scale", "2")
                        .withParameter("connect.decimal.precision", "10"))
                .add("qty", EventSchema.of(Type.INT32).asOptional());
        if (withNote) {
            fields.add("note", EventSchema.of(Type.STRING).asOptional());
        }
        return EventSchema.struct("shop.shop.items.Value", fields.build());
    }

    @ParameterizedTest
    @ValueSource(strings = {"COPY_ON_WRITE", "MERGE_ON_READ"})
    void aSnapshotAndAMixedStreamReadBackAsTheSourceTable(String type) throws Exception {
        Map<String, String> config = config(type, Map.of("hoodie.compact.inline.max.delta.commits", "3"));
        String table = lake.resolve("shop_shop_items").toUri().toString();
        try (Driver sink = Driver.start(config)) {
            sink.deliver(read(1, "pen", "1.50", 100), read(2, "ink", "7.25", 100), read(3, "pad", "3.00", 100));
            String afterSnapshot = latestCommit(table);

            sink.deliver(update(1, "fountain pen", "9.99", 200, 0), delete(2, 300),
                    create(4, "clip", "0.10", 400), update(4, "paper clip", "0.15", 400, 1),
                    // the key of row 3 changes to 30: Debezium's delete of the old key and create of the new
                    delete(3, 500), create(30, "pad", "3.00", 500));
            // replayed after a crash, from an older stored offset: positions older than the table's never win, a
            // change at the same position rewrites what it wrote
            sink.deliver(update(1, "stale pen", "0.01", 150, 0), update(1, "fountain pen", "9.99", 200, 0),
                    delete(2, 300));

            assertThat(rows(table, Map.of())).isEqualTo(Map.of(
                    1, "fountain pen|9.99", 4, "paper clip|0.15", 30, "pad|3.00"));
            assertThat(engine.query(table, Map.of("hoodie.datasource.query.type", "incremental",
                    "hoodie.datasource.read.begin.instanttime", afterSnapshot),
                    "select id from t where _change_operation_type <> 'd' order by id"))
                    .extracting(row -> row.get("id").asInt()).containsExactly(1, 4, 30);
            assertThat(engine.query(table, Map.of(), "select _change_operation_type, _event_bin_file, _event_pos, "
                    + "_event_seq, db_shard_source_partition from t where id = 4"))
                    .singleElement().satisfies(row -> {
                        assertThat(row.get("_change_operation_type").asText()).isEqualTo("u");
                        assertThat(row.get("_event_bin_file").asText()).isEqualTo("mysql-bin.000003");
                        assertThat(row.get("_event_pos").asLong()).isEqualTo(400);
                        assertThat(row.get("_event_seq").asText()).isEqualTo("000003.400");
                        assertThat(row.get("db_shard_source_partition").asText()).isEqualTo("shop");
                    });
        }
    }

    @Test
    void mergeOnReadReadOptimizedQueriesSeeTheLastCompactionThenCompactionCatchesUp() throws Exception {
        Map<String, String> config = config("MERGE_ON_READ", Map.of("hoodie.compact.inline.max.delta.commits", "3"));
        String table = lake.resolve("shop_shop_items").toUri().toString();
        try (Driver sink = Driver.start(config)) {
            sink.deliver(read(1, "pen", "1.50", 100), read(2, "ink", "7.25", 100));
            sink.deliver(update(1, "fountain pen", "9.99", 200, 0));
            assertThat(rows(table, Map.of())).isEqualTo(Map.of(1, "fountain pen|9.99", 2, "ink|7.25"));
            assertThat(rows(table, Map.of("hoodie.datasource.query.type", "read_optimized")))
                    .isEqualTo(Map.of(1, "pen|1.50", 2, "ink|7.25"));
            assertThat(Files.list(lake.resolve("shop_shop_items/.hoodie/timeline"))
                    .filter(file -> file.getFileName().toString().endsWith(".commit"))).isEmpty();

            sink.deliver(delete(2, 300)); // the third delta commit: compaction runs inline after it
            assertThat(Files.list(lake.resolve("shop_shop_items/.hoodie/timeline"))
                    .filter(file -> file.getFileName().toString().endsWith(".commit"))).hasSize(1);
            assertThat(rows(table, Map.of("hoodie.datasource.query.type", "read_optimized")))
                    .isEqualTo(Map.of(1, "fountain pen|9.99"));
            assertThat(rows(table, Map.of())).isEqualTo(Map.of(1, "fountain pen|9.99"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"COPY_ON_WRITE", "MERGE_ON_READ"})
    void anAddedColumnEvolvesTheTable(String type) throws Exception {
        String table = lake.resolve("shop_shop_items").toUri().toString();
        try (Driver sink = Driver.start(config(type, Map.of()))) {
            sink.deliver(read(1, "pen", "1.50", 100));
            sink.deliver(record("c", null, withNote(2, "ink", "7.25", "new"), 200, 0),
                    record("u", null, withNote(1, "pen", "1.50", "old row"), 300, 0));
            assertThat(engine.query(table, Map.of(), "select id, note from t order by id"))
                    .extracting(row -> row.get("id").asInt() + ":" + row.path("note").asText("null"))
                    .containsExactly("1:old row", "2:new");
        }
    }

    @Test
    void aTypeChangeHudiCannotEvolveStopsTheSinkNamingTableAndColumn() throws Exception {
        EventSchema textQty = EventSchema.struct("shop.shop.items.Value", EventSchema.fieldsBuilder()
                .add("id", EventSchema.of(Type.INT32))
                .add("qty", EventSchema.of(Type.STRING).asOptional()).build());
        try (Driver sink = Driver.start(config("COPY_ON_WRITE", Map.of()))) {
            sink.deliver(read(1, "pen", "1.50", 100));
            assertThatThrownBy(() -> sink.deliver(envelope(textQty, "u", null, new Object[] {1, "many"}, 200, 0)))
                    .isInstanceOf(SinkException.class)
                    .hasMessageContaining("table shop_shop_items: column qty changes from int to string");
        }
    }

    @Test
    void theOffsetIsKeptInTheCommitsAndARestartResumesFromIt() throws Exception {
        Map<String, String> config = config("COPY_ON_WRITE", Map.of());
        try (Driver sink = Driver.start(config)) {
            assertThat(sink.offsets.load()).isEmpty();
            sink.deliver(read(1, "pen", "1.50", 100), create(2, "ink", "7.25", 200));
        }
        try (Driver restarted = Driver.start(config)) {
            assertThat(restarted.offsets.load()).hasValueSatisfying(offset -> {
                assertThat(offset.get("file")).isEqualTo("mysql-bin.000003");
                assertThat(((Number) offset.get("pos")).longValue()).isEqualTo(200);
            });
        }
    }

    @Test
    void rowsWaitForTheCommitIntervalAndAreCommittedOnAGracefulStop() throws Exception {
        Map<String, String> config = config("COPY_ON_WRITE", Map.of("commit.interval.ms", "3600000"));
        String table = lake.resolve("shop_shop_items").toUri().toString();
        try (Driver sink = Driver.start(config)) {
            sink.deliver(read(1, "pen", "1.50", 100));
            sink.deliver(create(2, "ink", "7.25", 200));
            assertThat(lake.resolve("shop_shop_items/.hoodie/timeline").toFile().list((dir, name) ->
                    name.endsWith(".commit"))).isEmpty();
        }
        assertThat(rows(table, Map.of())).isEqualTo(Map.of(1, "pen|1.50", 2, "ink|7.25"));
    }

    @Test
    void rowsOfAnIdleSourceAreCommittedOnceTheIntervalHasPassed() throws Exception {
        Map<String, String> config = config("COPY_ON_WRITE", Map.of("commit.interval.ms", "5000"));
        String table = lake.resolve("shop_shop_items").toUri().toString();
        java.io.File timeline = lake.resolve("shop_shop_items/.hoodie/timeline").toFile();
        try (Driver sink = Driver.start(config)) {
            // nothing new comes after each delivery: the runtime calls saveDeferred while the source is idle
            sink.deliver(read(1, "pen", "1.50", 100));
            awaitCommits(sink, timeline, 1);
            sink.deliver(create(2, "ink", "7.25", 200)); // just after a commit: held for the interval
            assertThat(timeline.list((dir, name) -> name.endsWith(".commit"))).hasSize(1);
            awaitCommits(sink, timeline, 2);
            assertThat(rows(table, Map.of())).isEqualTo(Map.of(1, "pen|1.50", 2, "ink|7.25"));
            assertThat(sink.offsets.load()).hasValueSatisfying(offset ->
                    assertThat(((Number) offset.get("pos")).longValue()).isEqualTo(200));
        }
    }

    @Test
    void aSteadyStreamStillStoresItsOffsetOnceTheIntervalHasPassed() throws Exception {
        // batch.size forces commits in write(), which carry no offset: the interval must count from the last one that did
        // three rows a delivery and batch.size 3: every write leaves nothing buffered for the offset to ride on
        Map<String, String> config = config("MERGE_ON_READ", Map.of("batch.size", "3", "commit.interval.ms", "2000"));
        try (Driver sink = Driver.start(config)) {
            int[] id = {0};
            Awaitility.await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(100)).until(() -> {
                id[0] += 3;
                sink.deliver(create(id[0], "a", "1.00", 100L * id[0]), create(id[0] + 1, "b", "1.00", 100L * id[0] + 1),
                        create(id[0] + 2, "c", "1.00", 100L * id[0] + 2));
                return sink.offsets.load().isPresent();
            });
            assertThat(((Number) sink.offsets.load().orElseThrow().get("pos")).longValue()).isGreaterThan(300);
        }
    }

    @Test
    void onKafkaConnectAFirstTombstoneIsSkippedAndUnwrappedRowsAreOrderedByTheirSourceFields() throws Exception {
        String table = lake.resolve("shop_shop_items").toUri().toString();
        EventSchema unwrapped = EventSchema.struct("shop.shop.items.Value", EventSchema.fieldsBuilder()
                .add("id", EventSchema.of(Type.INT32)).add("name", EventSchema.of(Type.STRING).asOptional())
                .add("price", ROW.field("price").orElseThrow().schema())
                .add("qty", EventSchema.of(Type.INT32).asOptional())
                .add("__deleted", EventSchema.of(Type.STRING).asOptional())
                .add("__source_file", EventSchema.of(Type.STRING).asOptional())
                .add("__source_pos", EventSchema.of(Type.INT64).asOptional()).build());
        Map<String, ?> kafkaOffset = Map.of("kafka_offset", 7L); // what a record's offset is on Kafka Connect
        HudiSink sink = new HudiSink();
        try {
            sink.start("it", config("COPY_ON_WRITE", Map.of()));
            // a task resuming between a delete event and its tombstone: the tombstone comes first
            sink.write(List.of(new ChangeRecord(TOPIC, KEY, new Object[] {9}, null, null, Map.of(), kafkaOffset),
                    new ChangeRecord(TOPIC, KEY, new Object[] {1}, unwrapped, new Object[] {1, "pen",
                            new BigDecimal("1.50"), 1, "false", "mysql-bin.000003", 300L}, Map.of(), kafkaOffset),
                    new ChangeRecord(TOPIC, KEY, new Object[] {2}, unwrapped, new Object[] {2, "ink",
                            new BigDecimal("7.25"), 1, "false", "mysql-bin.000003", 400L}, Map.of(), kafkaOffset)));
            sink.flush();
            // an older position of key 1, replayed: it does not win
            sink.write(List.of(new ChangeRecord(TOPIC, KEY, new Object[] {1}, unwrapped, new Object[] {1, "old pen",
                    new BigDecimal("1.50"), 1, "false", "mysql-bin.000003", 200L}, Map.of(), kafkaOffset)));
            sink.flush();
            assertThat(rows(table, Map.of())).isEqualTo(Map.of(1, "pen|1.50", 2, "ink|7.25"));
        } finally {
            sink.close();
        }
    }

    private static void awaitCommits(Driver sink, java.io.File timeline, int commits) {
        Awaitility.await().atMost(Duration.ofMinutes(1)).until(() -> {
            sink.offsets.saveDeferred();
            return timeline.list((dir, name) -> name.endsWith(".commit")).length == commits;
        });
    }

    @Test
    void theCleanerRemovesFileVersionsNoRetainedCommitNeeds() throws Exception {
        Map<String, String> config = config("COPY_ON_WRITE", Map.of("hoodie.cleaner.commits.retained", "1"));
        Path table = lake.resolve("shop_shop_items");
        try (Driver sink = Driver.start(config)) {
            for (int commit = 0; commit < 4; commit++) { // each rewrites the table's one file group
                sink.deliver(update(1, "pen " + commit, "1.50", 100 + commit, 0));
            }
        }
        assertThat(table.resolve(".hoodie/timeline").toFile().list((dir, name) -> name.endsWith(".clean")))
                .isNotEmpty();
        try (var files = Files.walk(table)) {
            // four versions written; the latest and the one the retained commit read remain
            assertThat(files.filter(file -> file.toString().endsWith(".parquet")
                    && !file.toString().contains("/.hoodie/"))).hasSizeLessThanOrEqualTo(2);
        }
        assertThat(rows(table.toUri().toString(), Map.of())).isEqualTo(Map.of(1, "pen 3|1.50"));
    }

    @Test
    void aRuntimeKeepingOffsetsElsewhereGetsACommitAtEveryFlush() throws Exception {
        String table = lake.resolve("shop_shop_items").toUri().toString();
        HudiSink sink = new HudiSink();
        try {
            // Kafka Connect, or a pipeline whose exactly-once Kafka sink keeps the offsets: never asks this sink's store
            sink.start("it", config("COPY_ON_WRITE", Map.of("commit.interval.ms", "3600000")));
            sink.write(List.of(read(1, "pen", "1.50", 100)));
            sink.flush();
            assertThat(rows(table, Map.of())).isEqualTo(Map.of(1, "pen|1.50"));
        } finally {
            sink.close();
        }
    }

    @Test
    void hudiOptionsAreHandedOnAndUnknownOrDecidedOnesRefused() {
        HudiSinkProvider provider = new HudiSinkProvider();
        assertThat(provider.validate(config("MERGE_ON_READ", Map.of("hoodie.cleaner.commits.retained", "5",
                "hoodie.compact.inline.max.delta.commits", "2")))).isEmpty();
        assertThat(provider.validate(config("MERGE_ON_READ", Map.of("hoodie.compact.inline.max.delta.comits", "2"))))
                .singleElement().satisfies(problem -> assertThat(problem.toString())
                        .contains("hoodie.compact.inline.max.delta.comits")
                        .contains("did you mean hoodie.compact.inline.max.delta.commits?"));
        assertThat(provider.validate(config("COPY_ON_WRITE", Map.of("hoodie.datasource.write.precombine.field",
                "updated_at")))).singleElement().satisfies(problem -> assertThat(problem.toString())
                        .contains("decided by the Hudi sink").contains("binlog position"));
        assertThatThrownBy(() -> HudiSinkConfig.parse(Map.of("hoodie.base.path", "file:///tmp/x",
                "hoodie.table.type", "MERGE_ON_WRITE"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("hoodie.table.type");
    }

    @Test
    void aBasePathOfAFileSystemHadoopHasNoClientForIsAConfigurationErrorSayingWhatToAdd() {
        HudiSink sink = new HudiSink();
        Map<String, String> config = config("COPY_ON_WRITE", Map.of());
        config.put("hoodie.base.path", "s3a://lake-bucket/tables");
        assertThatThrownBy(() -> sink.start("it", config)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("hoodie.base.path").hasMessageContaining("s3a://")
                .hasMessageContaining("hadoop-aws-3.3.6.jar");
        sink.close();
    }

    private Map<String, String> config(String type, Map<String, String> extra) {
        Map<String, String> config = new HashMap<>(Map.of("hoodie.base.path", lake.toUri().toString(),
                "hoodie.table.type", type, "commit.interval.ms", "0"));
        config.putAll(extra);
        return config;
    }

    /** Each row of the table as id → "name|price", by Spark SQL. */
    private static Map<Integer, String> rows(String table, Map<String, String> options) {
        Map<Integer, String> rows = new TreeMap<>();
        for (JsonNode row : engine.query(table, options, "select id, name, cast(price as string) as price from t")) {
            assertThat(rows.put(row.get("id").asInt(), row.get("name").asText() + "|" + row.get("price").asText()))
                    .as("a duplicate key %s", row.get("id")).isNull();
        }
        return rows;
    }

    private static String latestCommit(String table) {
        return engine.query(table, Map.of(), "select max(_hoodie_commit_time) as c from t").get(0).get("c").asText();
    }

    private static Object[] values(int id, String name, String price) {
        return new Object[] {id, name, new BigDecimal(price), 1};
    }

    private static Object[] withNote(int id, String name, String price, String note) {
        return new Object[] {id, name, new BigDecimal(price), 1, note};
    }

    private static ChangeRecord read(int id, String name, String price, long pos) {
        return record("r", null, values(id, name, price), pos, 0);
    }

    private static ChangeRecord create(int id, String name, String price, long pos) {
        return record("c", null, values(id, name, price), pos, 0);
    }

    private static ChangeRecord update(int id, String name, String price, long pos, int row) {
        return record("u", values(id, "before", price), values(id, name, price), pos, row);
    }

    private static ChangeRecord delete(int id, long pos) {
        return record("d", values(id, "gone", "0.00"), null, pos, 0);
    }

    private static ChangeRecord record(String op, Object[] before, Object[] after, long pos, int row) {
        Object[] sample = after != null ? after : before;
        return envelope(sample.length == 5 ? ROW_WITH_NOTE : ROW, op, before, after, pos, row);
    }

    private static ChangeRecord envelope(EventSchema rowSchema, String op, Object[] before, Object[] after, long pos,
            int row) {
        EventSchema envelope = EventSchema.struct("shop.shop.items.Envelope", EventSchema.fieldsBuilder()
                .add("before", rowSchema.asOptional())
                .add("after", rowSchema.asOptional())
                .add("source", SOURCE)
                .add("op", EventSchema.of(Type.STRING))
                .add("ts_ms", EventSchema.of(Type.INT64).asOptional())
                .build());
        Object[] source = {"shop", 1_700_000_000_000L + pos, "shop", "mysql-bin.000003", pos, row};
        Object[] key = {(after != null ? after : before)[0]};
        return new ChangeRecord(TOPIC, KEY, key, envelope, new Object[] {before, after, source, op,
                1_700_000_000_500L + pos}, Map.of("server", "shop"), Map.of("file", "mysql-bin.000003", "pos", pos));
    }

    /** The sink driven as the runtime drives it: write, flush, then store the offset after the last record. */
    private static final class Driver implements AutoCloseable {
        final HudiSink sink = new HudiSink();
        final OffsetStore offsets;

        private Driver(Map<String, String> config) {
            sink.start("it", config);
            offsets = sink.transactionalOffsets().orElseThrow();
            offsets.load(); // as the runtime does with the store it uses
        }

        static Driver start(Map<String, String> config) {
            return new Driver(config);
        }

        void deliver(ChangeRecord... records) throws InterruptedException {
            sink.write(new ArrayList<>(List.of(records)));
            sink.flush();
            ChangeRecord last = records[records.length - 1];
            offsets.save(last.partition(), last.offset());
        }

        @Override
        public void close() {
            offsets.close();
            sink.close();
        }
    }
}
