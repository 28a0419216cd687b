package io.tributary.source.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tributary.api.ChangeRecord;
import io.tributary.testkit.TestingBinlogServer;

/** Drives a {@link MySqlSource} from a test: configuration for a test server, polling until a condition. */
final class SourceRunner implements AutoCloseable {
    private final MySqlSource source = new MySqlSource();
    private final List<ChangeRecord> records = new ArrayList<>();

    static Map<String, String> config(TestingBinlogServer server, String... overrides) {
        Map<String, String> config = new HashMap<>();
        config.put("database.hostname", server.host());
        config.put("database.port", String.valueOf(server.port()));
        config.put("database.user", TestingBinlogServer.CDC_USER);
        config.put("database.password", TestingBinlogServer.CDC_PASSWORD);
        config.put("database.server.id", "6001");
        config.put("topic.prefix", "test");
        // these tests look at data events; schema-change events have differential tests of their own
        config.put("include.schema.changes", "false");
        for (int i = 0; i < overrides.length; i += 2) {
            config.put(overrides[i], overrides[i + 1]);
        }
        return config;
    }

    static SourceRunner start(Map<String, String> config, Optional<Map<String, ?>> offset) {
        SourceRunner runner = new SourceRunner();
        runner.source.start(config, offset);
        return runner;
    }

    /** Polls until at least {@code count} records arrived in all; returns all of them. */
    List<ChangeRecord> awaitRecords(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (records.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + records.size() + " of " + count + " records within " + timeout);
            }
            records.addAll(source.poll());
        }
        return List.copyOf(records);
    }

    /** Polls until at least {@code count} of the records that arrived match {@code which}; returns those. */
    List<ChangeRecord> awaitRecords(java.util.function.Predicate<ChangeRecord> which, int count, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (records.stream().filter(which).count() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + records.stream().filter(which).count() + " of " + count
                        + " records within " + timeout);
            }
            records.addAll(source.poll());
        }
        return records.stream().filter(which).toList();
    }

    /** Polls until {@code poll()} throws, and returns what it threw. */
    RuntimeException awaitFailure(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                records.addAll(source.poll());
            } catch (RuntimeException e) {
                return e;
            }
        }
        throw new AssertionError("the source did not fail within " + timeout);
    }

    /**
     * Polls until the source streams from the binlog: its start position is fixed, so a change made from now on is
     * captured (with no snapshot, the reader reads the position after {@code start} returned).
     */
    void awaitStreaming(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!source.captureStatus().connected()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the source was not streaming within " + timeout);
            }
            records.addAll(source.poll());
        }
    }

    /** Polls for {@code duration} and returns what arrived in that time. */
    List<ChangeRecord> pollFor(Duration duration) throws InterruptedException {
        List<ChangeRecord> arrived = new ArrayList<>();
        long deadline = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < deadline) {
            arrived.addAll(source.poll());
        }
        records.addAll(arrived);
        return arrived;
    }

    MySqlSource source() {
        return source;
    }

    /** The offset of the last record received. */
    Map<String, ?> lastOffset() {
        return records.get(records.size() - 1).offset();
    }

    @Override
    public void close() {
        source.close();
        // close() waits for the reader: one still running would hold the server's connections after the test
        assertThat(source.readerEnded()).as("the reader thread ended when close() returned").isTrue();
    }
}
