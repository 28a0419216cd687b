package io.tributary.server;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;

import io.tributary.api.CaptureStatus;
import io.tributary.api.ChangeRecord;
import io.tributary.api.ChangeSink;
import io.tributary.api.ChangeSource;
import io.tributary.api.OffsetStore;
import io.tributary.api.TableProgress;
import io.tributary.core.Causes;
import io.tributary.core.offsets.FileOffsetStore;
import io.tributary.server.PipelineConfig.SinkConfig;
import io.tributary.transforms.TransformChain;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one pipeline on its own thread: the source's batches go to every sink; every
 * {@code offset.flush.interval.ms}, whenever the source has nothing more for now, and on a graceful stop, each sink
 * flushes (durably delivers what it was given) and only then is the offset after the last batch written stored — so
 * a crash at any moment repeats at most what was written since the last stored offset and loses nothing. Flushing
 * per interval rather than per batch lets sinks write in large pieces (a Kafka producer's batches span small
 * transactions; a file is forced to disk once per interval), as Kafka Connect commits a source task's offsets.
 * The source's bounded queue and this one-batch-at-a-time loop are the back-pressure: memory stays bounded however
 * slow a sink is. States are Kafka Connect's: RUNNING, PAUSED, FAILED (with a trace), UNASSIGNED before the first
 * start and while restarting, STOPPED after close.
 */
public final class Pipeline implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

    public enum State { UNASSIGNED, RUNNING, PAUSED, FAILED, STOPPED }

    private final PipelineConfig config;
    private final SinkRegistry registry;
    private final Function<Map<String, String>, ChangeSource> sources;
    private final FileOffsetStore fileStore;
    private final PipelineMetrics metrics = new PipelineMetrics();
    private final Object stateChanges = new Object();
    private volatile State state = State.UNASSIGNED;
    private volatile String trace;
    private volatile String error;
    private volatile boolean paused;
    private volatile boolean stopping;
    private volatile ChangeSource source;
    /** The offset stored last (or loaded at the last start); null before either. */
    private volatile StoredOffset stored;
    /** Stopped through {@link #stopCapture}: started again only by {@link #resume}. */
    private volatile boolean stoppedByRequest;
    /** Closed for good: nothing starts it again. */
    private boolean closed;
    private Thread thread;

    /** An offset as the pipeline keeps it, with the source partition it belongs to. */
    public record StoredOffset(Map<String, ?> partition, Map<String, ?> offset) {
    }

    /**
     * @throws IllegalStateException when another process holds the pipeline's offset store
     */
    public Pipeline(PipelineConfig config, SinkRegistry registry) {
        this(config, registry, SourceRegistry.installed()::create);
    }

    /** A pipeline whose source comes from {@code sources} (tests: an in-memory source). */
    Pipeline(PipelineConfig config, SinkRegistry registry, Function<Map<String, String>, ChangeSource> sources) {
        this.config = config;
        this.registry = registry;
        this.sources = sources;
        this.fileStore = FileOffsetStore.open(config.offsetDirectory(), config.name());
    }

    /** Starts the pipeline's thread; nothing once closed, or while stopped by {@link #stopCapture}. */
    public synchronized void start() {
        if (closed || stoppedByRequest) {
            return;
        }
        stopping = false;
        trace = null;
        error = null;
        moveTo(paused ? State.PAUSED : State.UNASSIGNED);
        thread = new Thread(this::run, "tributary-pipeline-" + config.name());
        thread.start();
    }

    private void run() {
        List<ChangeSink> sinks = new ArrayList<>();
        ChangeSource running = null;
        try {
            for (SinkConfig sinkConfig : config.sinks().values()) {
                ChangeSink sink = registry.create(sinkConfig.type());
                sinks.add(sink);
                sink.start(config.name(), sinkConfig.properties());
            }
            OffsetStore store = sinks.stream().map(ChangeSink::transactionalOffsets).flatMap(Optional::stream)
                    .findFirst().orElse(fileStore);
            Optional<Map<String, ?>> stored = store.load();
            this.stored = store == fileStore ? fileStore.loadWithPartition()
                    .map(entry -> new StoredOffset(entry.partition(), entry.offset())).orElse(null)
                    : stored.map(offset -> new StoredOffset(Map.of(), offset)).orElse(null);
            LOG.info("pipeline {} starting {}", config.name(), stored.map(offset -> "from stored offset " + offset)
                    .orElse("afresh"));
            TransformChain transforms = TransformChain.of(config.source());
            running = sources.apply(config.source());
            source = running;
            running.useStateDirectory(sourceStateDirectory());
            running.start(config.source(), stored);
            long intervalNanos = config.offsetFlushIntervalMs() * 1_000_000L;
            long committedAt = System.nanoTime();
            // the last record polled since the offset was last stored, null when there is none
            ChangeRecord uncommitted = null;
            while (!stopping) {
                if (paused) {
                    commit(uncommitted, sinks, store, running);
                    uncommitted = null;
                    store.saveDeferred();
                    if (state != State.PAUSED) {
                        moveTo(State.PAUSED);
                    }
                    Thread.sleep(100);
                    continue;
                }
                if (state != State.RUNNING) {
                    moveTo(State.RUNNING);
                }
                List<ChangeRecord> polled = running.poll();
                if (polled.isEmpty()) {
                    metrics.caughtUp();
                } else {
                    metrics.captured(polled.size());
                    List<ChangeRecord> batch = transforms.apply(polled);
                    for (ChangeSink sink : sinks) {
                        sink.write(batch);
                    }
                    metrics.delivered(batch);
                    // the offset after everything polled, also when transforms dropped the last records
                    uncommitted = polled.get(polled.size() - 1);
                }
                if (polled.isEmpty() || System.nanoTime() - committedAt >= intervalNanos) {
                    commit(uncommitted, sinks, store, running);
                    uncommitted = null;
                    committedAt = System.nanoTime();
                }
                if (polled.isEmpty()) {
                    store.saveDeferred();
                }
            }
            commit(uncommitted, sinks, store, running);
            if (store != fileStore) {
                store.close(); // a store that defers saves (a Hudi sink's commits) makes the last one now
            }
            StoredOffset last = this.stored;
            LOG.info("pipeline {} stopped; {}", config.name(), last == null ? "no offset is stored yet"
                    : "the next start resumes after " + last.offset());
            moveTo(State.UNASSIGNED);
        } catch (InterruptedException e) {
            if (!stopping) {
                failed(new IllegalStateException("the pipeline's thread was interrupted while running", e));
            }
        } catch (RuntimeException | Error e) {
            // an Error too: the thread ends here, and a pipeline without its thread must not look RUNNING
            if (!stopping) {
                failed(e);
            }
        } finally {
            if (running != null) {
                running.close();
            }
            for (ChangeSink sink : sinks) {
                try {
                    sink.close();
                } catch (RuntimeException e) {
                    LOG.warn("closing a sink of {} failed: {}", config.name(), config.provided().hide(e.getMessage()));
                }
            }
        }
    }

    private void failed(Throwable e) {
        // a value a config provider gave (a user name, a URL with a password) is shown as its reference
        error = config.provided().hide(causes(e));
        LOG.error("pipeline {} failed: {}", config.name(), error);
        trace = config.provided().hide(stackTrace(e));
        moveTo(State.FAILED);
    }

    private void moveTo(State next) {
        synchronized (stateChanges) {
            state = next;
            stateChanges.notifyAll();
        }
    }

    /** Waits up to {@code timeoutMs} for the pipeline to be FAILED; whether it is. */
    public boolean awaitFailed(long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        synchronized (stateChanges) {
            long left;
            while (state != State.FAILED && (left = deadline - System.nanoTime()) > 0) {
                TimeUnit.NANOSECONDS.timedWait(stateChanges, left);
            }
            return state == State.FAILED;
        }
    }

    /** Flushes every sink, then stores the offset after {@code last} and tells the source; nothing when null. */
    private void commit(ChangeRecord last, List<ChangeSink> sinks, OffsetStore store, ChangeSource source)
            throws InterruptedException {
        if (last == null) {
            return;
        }
        for (ChangeSink sink : sinks) {
            sink.flush();
        }
        store.save(last.partition(), last.offset());
        stored = new StoredOffset(last.partition(), last.offset());
        source.commit(last.offset());
    }

    public PipelineConfig config() {
        return config;
    }

    public State state() {
        return state;
    }

    /** The failure's stack trace while FAILED. */
    public Optional<String> trace() {
        return Optional.ofNullable(trace);
    }

    /** The failure's message while FAILED. */
    public Optional<String> error() {
        return trace == null ? Optional.empty() : Optional.ofNullable(error);
    }

    public PipelineMetrics metrics() {
        return metrics;
    }

    /** What the source's capture is doing; {@link CaptureStatus#UNKNOWN} before it started. */
    public CaptureStatus captureStatus() {
        ChangeSource current = source;
        return current == null ? CaptureStatus.UNKNOWN : current.captureStatus();
    }

    public Map<String, TableProgress> snapshotProgress() {
        ChangeSource current = source;
        return current == null ? Map.of() : current.snapshotProgress();
    }

    public Path offsetFile() {
        return fileStore.file();
    }

    public void pause() {
        paused = true;
    }

    /** Ends a pause, or starts again a pipeline stopped by {@link #stopCapture} (from its stored offset). */
    public void resume() {
        paused = false;
        if (stoppedByRequest) {
            synchronized (this) {
                if (stoppedByRequest && !closed) {
                    stoppedByRequest = false;
                    start();
                }
            }
        }
    }

    /**
     * Stops and starts again from the stored offset; also the way out of FAILED. A pipeline stopped by {@link
     * #stopCapture} stays stopped, as a stopped Kafka Connect connector does ({@link #resume} starts it).
     */
    public synchronized void restart() throws InterruptedException {
        if (stoppedByRequest || closed) {
            return;
        }
        stop();
        start();
    }

    /**
     * Kafka Connect's stop ({@code PUT /connectors/<name>/stop}): finishes the batch in hand and stores its offset,
     * releases the source and the sinks, and stays STOPPED, its offset open to {@link #alterOffset} and {@link
     * #resetOffset}, until {@link #resume}. Idempotent.
     */
    public synchronized void stopCapture() throws InterruptedException {
        if (closed) {
            return;
        }
        stoppedByRequest = true;
        stop();
        // a failure before the stop is history now, as in Connect
        trace = null;
        error = null;
        moveTo(State.STOPPED);
    }

    /** Whether the pipeline was stopped by {@link #stopCapture} and not resumed since. */
    public boolean stoppedByRequest() {
        return stoppedByRequest;
    }

    /**
     * The offset the pipeline stored last (or found at its last start); empty when none is stored, or when a sink
     * keeps the offsets and the pipeline has not read them yet.
     */
    public Optional<StoredOffset> storedOffset() {
        StoredOffset known = stored;
        if (known != null || offsetsKeptBySink()) {
            return Optional.ofNullable(known);
        }
        return fileStore.loadWithPartition().map(entry -> new StoredOffset(entry.partition(), entry.offset()));
    }

    /** Whether a sink keeps the source's offsets (an exactly-once Kafka sink), so the local store is not used. */
    public boolean offsetsKeptBySink() {
        return config.sinks().values().stream()
                .anyMatch(sink -> registry.keepsOffsets(sink.type(), sink.properties()));
    }

    /**
     * Replaces the stored offset, so that {@link #resume} continues from {@code offset}.
     *
     * @throws IllegalStateException unless stopped by {@link #stopCapture}, or when a sink keeps the offsets
     */
    public synchronized void alterOffset(Map<String, ?> partition, Map<String, ?> offset) {
        requireOffsetsChangeable();
        fileStore.save(partition, offset);
        discardSourceState();
        stored = new StoredOffset(partition, offset);
        LOG.info("pipeline {}: stored offset replaced by {} through the REST API", config.name(), offset);
    }

    /**
     * Forgets the stored offset, so that {@link #resume} starts afresh (with a snapshot, as configured).
     *
     * @throws IllegalStateException unless stopped by {@link #stopCapture}, or when a sink keeps the offsets
     */
    public synchronized void resetOffset() {
        requireOffsetsChangeable();
        fileStore.reset();
        discardSourceState();
        stored = null;
        LOG.info("pipeline {}: stored offset deleted through the REST API; the next start is a first start",
                config.name());
    }

    /** The directory the source keeps what it must find again on a restart (its schema history) in. */
    private Path sourceStateDirectory() {
        return config.offsetDirectory().resolve(config.name() + ".source");
    }

    /**
     * Deletes what the source kept beside an offset that has just been replaced or deleted: it described the tables
     * at the old offset, not at the new one (the source then reads them from the server, as on a first start).
     */
    private void discardSourceState() {
        Path directory = sourceStateDirectory();
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the source's state in " + directory + " (" + e.getMessage()
                    + "); delete it by hand before resuming the pipeline", e);
        }
    }

    private void requireOffsetsChangeable() {
        if (!stoppedByRequest || closed) {
            throw new IllegalStateException("pipeline " + config.name() + " is " + state + ", not STOPPED");
        }
        if (offsetsKeptBySink()) {
            throw new UnsupportedOperationException("pipeline " + config.name() + " keeps its offsets with its "
                    + "exactly-once Kafka sink, in Kafka's transactions; they cannot be changed through this API: "
                    + "change the sink's offsets topic, or run without exactly.once");
        }
    }

    /** Waits until the pipeline ends by itself (failure) or is stopped. */
    public void awaitTermination() throws InterruptedException {
        Thread current;
        synchronized (this) {
            current = thread;
        }
        if (current != null) {
            current.join();
        }
    }

    /**
     * Asks the pipeline's thread to finish the batch in hand; if it has not within
     * {@code task.shutdown.graceful.timeout.ms} (a sink that cannot deliver, say), interrupts it: the batch is then
     * abandoned, its offset not stored, and the next start repeats it.
     */
    private synchronized void stop() throws InterruptedException {
        stopping = true;
        if (thread == null) {
            return;
        }
        if (config.shutdownTimeoutMs() > 0) {
            thread.join(config.shutdownTimeoutMs()); // (join(0) would wait for ever)
        }
        if (thread.isAlive()) {
            LOG.warn("pipeline {} did not finish its batch within {} ms; abandoning it (it is repeated on the next "
                    + "start)", config.name(), config.shutdownTimeoutMs());
            thread.interrupt();
            thread.join();
        }
    }

    /** Finishes the batch in hand (delivered and its offset stored), then stops and releases everything. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        try {
            stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        moveTo(State.STOPPED);
        fileStore.close();
    }

    /** The message of a failure and of each of its causes, for a log line that says what went wrong. */
    static String causes(Throwable e) {
        List<String> messages = Causes.messages(e);
        StringBuilder text = new StringBuilder(messages.get(0));
        messages.subList(1, messages.size()).forEach(cause -> text.append(" (caused by ").append(cause).append(')'));
        return text.toString();
    }

    private static String stackTrace(Throwable e) {
        StringWriter text = new StringWriter();
        e.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
