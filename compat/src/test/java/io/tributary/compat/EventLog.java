package io.tributary.compat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.awaitility.Awaitility;

/**
 * The events one connector captured, {@link EventNormalizer normalised} and appended to a file as they arrive
 * ({@code topic TAB key TAB value}, then {@code TAB} and the headers if there are any, per line), so that large workloads are compared without holding them in memory.
 * Thread-safe.
 */
final class EventLog implements AutoCloseable {
    private final Path file;
    private final BufferedWriter writer;
    private final Map<String, Integer> sizeByTopic = new HashMap<>();
    private int size;

    EventLog(String name) {
        try {
            Path directory = Files.createDirectories(Path.of("target", "differential"));
            this.file = directory.resolve(name + ".jsonl");
            this.writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path file() {
        return file;
    }

    synchronized void add(CapturedEvent event) {
        CapturedEvent normalized = EventNormalizer.normalize(event);
        try {
            writer.write(normalized.topic() + "\t" + normalized.key() + "\t" + normalized.value()
                    + (normalized.headers().isEmpty() ? "" : "\t" + String.join(" ", normalized.headers())));
            writer.newLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        size++;
        sizeByTopic.merge(event.topic(), 1, Integer::sum);
    }

    synchronized int size(String topic) {
        return sizeByTopic.getOrDefault(topic, 0);
    }

    synchronized int size() {
        return size;
    }

    /** The values of {@code topic}'s events so far, in order, as normalised. */
    synchronized java.util.List<String> values(String topic) throws IOException {
        writer.flush();
        try (java.util.stream.Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.filter(line -> line.startsWith(topic + "\t")).map(line -> line.split("\t", 4)[2]).toList();
        }
    }

    /** Waits until at least {@code count} events arrived; fails at once with what {@code failure} reports. */
    void awaitSize(int count, Duration timeout, Supplier<Throwable> failure) {
        Awaitility.await().atMost(timeout).until(() -> {
            Throwable failed = failure.get();
            if (failed != null) {
                throw new AssertionError("capture into " + file + " failed", failed);
            }
            return size() >= count;
        });
    }

    /** Waits until no event has arrived for {@code quiet}; returns how many arrived in all. */
    int awaitQuiet(Duration quiet, Duration timeout) {
        int[] last = {-1};
        long[] since = {System.nanoTime()};
        Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(100)).until(() -> {
            int now = size();
            if (now != last[0]) {
                last[0] = now;
                since[0] = System.nanoTime();
            }
            return System.nanoTime() - since[0] >= quiet.toNanos();
        });
        return size();
    }

    /** Waits until at least {@code count} events of {@code topic} arrived. */
    void awaitSize(String topic, int count, Duration timeout, Supplier<Throwable> failure) {
        Awaitility.await().atMost(timeout).until(() -> {
            Throwable failed = failure.get();
            if (failed != null) {
                throw new AssertionError("capture into " + file + " failed", failed);
            }
            return size(topic) >= count;
        });
    }

    /** A closed log holding only the events of {@code topic}, in order. */
    EventLog onlyTopic(String topic) throws IOException {
        close();
        EventLog filtered = new EventLog(file.getFileName().toString().replace(".jsonl", "") + "-" + topic);
        try (java.util.stream.Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            lines.filter(line -> line.startsWith(topic + "\t")).forEach(filtered::addNormalizedLine);
        }
        filtered.close();
        return filtered;
    }

    /** A closed log holding every event of this one as {@code line} rewrites it; this log's file is deleted. */
    EventLog mapped(String suffix, java.util.function.UnaryOperator<String> line) throws IOException {
        close();
        EventLog rewritten = new EventLog(file.getFileName().toString().replace(".jsonl", "") + "-" + suffix);
        try (java.util.stream.Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            lines.map(line).forEach(rewritten::addNormalizedLine);
        }
        rewritten.close();
        Files.delete(file);
        return rewritten;
    }

    /** A closed log holding only the first event of this one; this log's file is deleted. */
    EventLog firstOnly() throws IOException {
        close();
        EventLog first = new EventLog(file.getFileName().toString().replace(".jsonl", "") + "-first");
        try (java.util.stream.Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            lines.limit(1).forEach(first::addNormalizedLine);
        }
        first.close();
        Files.delete(file);
        return first;
    }

    private synchronized void addNormalizedLine(String line) {
        try {
            writer.write(line);
            writer.newLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        size++;
    }

    @Override
    public synchronized void close() {
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
