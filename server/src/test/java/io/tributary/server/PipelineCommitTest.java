package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.tributary.api.ChangeRecord;
import io.tributary.api.ChangeSink;
import io.tributary.api.ChangeSinkProvider;
import io.tributary.api.ChangeSource;
import io.tributary.api.EventSchema;
import io.tributary.api.OffsetStore;
import io.tributary.api.config.ConfigProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When the engine flushes its sinks and stores the offset: after every batch with {@code offset.flush.interval.ms=0};
 * otherwise not while records keep coming within the interval, but as soon as the source has nothing more for now —
 * always flushing every sink before the offset after the last batch written is stored.
 */
class PipelineCommitTest {
    private static final EventSchema VALUE = EventSchema.of(EventSchema.Type.INT64);

    /** What the sink and the source were asked to do, in order. */
    private final List<String> calls = new CopyOnWriteArrayList<>();
    /** Whether the memory sink keeps the offsets in a store of its own, as Hudi's and an exactly-once Kafka sink do. */
    private boolean keepsOffsets;

    @Test
    void withoutAnIntervalEveryBatchIsFlushedAndItsOffsetStored(@TempDir Path offsets) {
        try (Pipeline pipeline = pipeline(offsets, 0, List.of(batch(1, 2), batch(3), batch(4, 5)))) {
            pipeline.start();
            awaitCommit(pipeline, "commit 5");
        }

        assertThat(calls).containsExactly("write 1-2", "flush", "commit 2", "write 3", "flush", "commit 3",
                "write 4-5", "flush", "commit 5");
    }

    @Test
    void withinTheIntervalBatchesAreWrittenAndFlushedOnceTheSourceHasNoMore(@TempDir Path offsets) {
        try (Pipeline pipeline = pipeline(offsets, TimeUnit.HOURS.toMillis(1), List.of(batch(1, 2), batch(3),
                batch(4, 5)))) {
            pipeline.start();
            awaitCommit(pipeline, "commit 5");
        }

        assertThat(calls).containsExactly("write 1-2", "write 3", "write 4-5", "flush", "commit 5");
    }

    @Test
    void aSinksOwnOffsetStoreIsClosedAfterTheLastSaveOfAGracefulStopBeforeTheSink(@TempDir Path offsets) {
        keepsOffsets = true;
        try (Pipeline pipeline = pipeline(offsets, TimeUnit.HOURS.toMillis(1), List.of(batch(1, 2)))) {
            pipeline.start();
            awaitCommit(pipeline, "commit 2");
        }

        // a store that defers its saves (a Hudi sink's) makes the last one when closed
        assertThat(calls).containsSubsequence("write 1-2", "flush", "save 2", "commit 2", "close store",
                "close sink");
        assertThat(calls).contains("save deferred");
    }

    private void awaitCommit(Pipeline pipeline, String commit) {
        await().atMost(Duration.ofSeconds(30)).until(() -> calls.contains(commit)
                || pipeline.state() == Pipeline.State.FAILED);
        assertThat(pipeline.error()).as("the pipeline's failure").isEmpty();
    }

    private Pipeline pipeline(Path offsets, long intervalMs, List<List<ChangeRecord>> batches) {
        PipelineConfig config = PipelineConfig.of("commits.properties", Map.of("sinks", "memory",
                "sink.memory.type", "memory", "offset.storage.dir", offsets.toString(),
                "offset.flush.interval.ms", String.valueOf(intervalMs), "rest.port", "-1"), Set.of("memory"));
        return new Pipeline(config, new SinkRegistry(List.of(new MemorySinks())),
                sourceConfig -> new ScriptedSource(batches));
    }

    /** Records at positions {@code positions}, each carrying the offset after it. */
    private static List<ChangeRecord> batch(long... positions) {
        List<ChangeRecord> records = new ArrayList<>();
        for (long position : positions) {
            records.add(new ChangeRecord("t", null, null, VALUE, position, Map.of("server", "s"),
                    Map.of("pos", position)));
        }
        return records;
    }

    /** Hands out its batches, then nothing: polls wait briefly and return empty, as a caught-up source does. */
    private final class ScriptedSource implements ChangeSource {
        private final BlockingQueue<List<ChangeRecord>> batches;

        ScriptedSource(List<List<ChangeRecord>> batches) {
            this.batches = new LinkedBlockingQueue<>(batches);
        }

        @Override
        public void start(Map<String, String> config, Optional<Map<String, ?>> storedOffset) {
        }

        @Override
        public List<ChangeRecord> poll() throws InterruptedException {
            List<ChangeRecord> next = batches.poll(10, TimeUnit.MILLISECONDS);
            return next == null ? List.of() : next;
        }

        @Override
        public void commit(Map<String, ?> offset) {
            calls.add("commit " + offset.get("pos"));
        }

        @Override
        public void close() {
        }
    }

    /** The {@code memory} sink type: notes each write (by the records' positions) and each flush. */
    private final class MemorySinks implements ChangeSinkProvider {
        @Override
        public String type() {
            return "memory";
        }

        @Override
        public List<ConfigProblem> validate(Map<String, String> config) {
            return List.of();
        }

        @Override
        public ChangeSink create() {
            return new ChangeSink() {
                @Override
                public void start(String pipeline, Map<String, String> config) {
                }

                @Override
                public void write(List<ChangeRecord> records) {
                    calls.add("write " + records.get(0).value() + (records.size() == 1 ? ""
                            : "-" + records.get(records.size() - 1).value()));
                }

                @Override
                public void flush() {
                    calls.add("flush");
                }

                @Override
                public Optional<OffsetStore> transactionalOffsets() {
                    return !keepsOffsets ? Optional.empty() : Optional.of(new OffsetStore() {
                        @Override
                        public Optional<Map<String, ?>> load() {
                            return Optional.empty();
                        }

                        @Override
                        public void save(Map<String, ?> partition, Map<String, ?> offset) {
                            calls.add("save " + offset.get("pos"));
                        }

                        @Override
                        public void saveDeferred() {
                            if (!calls.contains("save deferred")) {
                                calls.add("save deferred");
                            }
                        }

                        @Override
                        public void close() {
                            calls.add("close store");
                        }
                    });
                }

                @Override
                public void close() {
                    if (keepsOffsets) {
                        calls.add("close sink");
                    }
                }
            };
        }
    }
}
