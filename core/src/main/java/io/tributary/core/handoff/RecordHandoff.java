package io.tributary.core.handoff;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import io.tributary.api.ChangeRecord;

/**
 * Carries records from the reader thread to {@code poll()} in chunks, so that the two threads meet once per chunk
 * rather than once per record (a wake-up per record cost more CPU than decoding it).
 *
 * <p>The reader's {@link #sink()} holds records back until a chunk is full or the reader flushes — which it does
 * whenever it may wait for the server next (after a transaction, after each snapshot table) — so batching adds no
 * latency. At most {@code max.queue.size} records wait in full chunks; a poll returns at most
 * {@code max.batch.size}.
 *
 * <p>{@link #close()} releases a reader waiting for room, so that a source can stop while it is behind: its reader
 * may be inside the binlog client, which cannot disconnect until the reader returns.
 */
public final class RecordHandoff {
    private static final int CHUNK = 256;
    /** How often a reader waiting for room checks whether the hand-off was closed. */
    private static final long WAIT_FOR_ROOM_MS = 100;

    private final int chunkSize;
    private final int maxBatchSize;
    private final BlockingQueue<List<ChangeRecord>> chunks;
    private final Sink sink = new Sink();
    /** The records of a chunk that did not fit the last poll's batch (consumer side). */
    private List<ChangeRecord> leftover = List.of();
    private volatile Map<String, ?> lastHandedOver;
    private volatile boolean closed;

    public RecordHandoff(int maxQueueSize, int maxBatchSize) {
        this.chunkSize = Math.max(1, Math.min(CHUNK, maxBatchSize));
        this.maxBatchSize = maxBatchSize;
        this.chunks = new ArrayBlockingQueue<>(Math.max(2, maxQueueSize / chunkSize));
    }

    /** The reader's side. Not thread-safe: one reader thread at a time. */
    public RecordSink sink() {
        return sink;
    }

    /** How many records the queue holds when full, counted in whole chunks (about {@code max.queue.size}). */
    public int capacity() {
        return (chunks.size() + chunks.remainingCapacity()) * chunkSize;
    }

    /** How many more records fit, counted in whole chunks; {@link #capacity()} when the queue is empty. */
    public int remainingCapacity() {
        return chunks.remainingCapacity() * chunkSize;
    }

    /** The offset of the last record handed over to the consumer, null before the first. */
    public Map<String, ?> lastHandedOver() {
        return lastHandedOver;
    }

    /** Drops the records held back but not handed over: a reader that failed re-reads them after reconnecting. */
    public void discardHeldBack() {
        sink.filling = new ArrayList<>(chunkSize);
    }

    /** From now on a reader waiting for room, or coming to wait, gets {@link HandoffClosedException}. */
    public void close() {
        closed = true;
    }

    /** Whether no record is waiting for the consumer. */
    public boolean isEmpty() {
        return leftover.isEmpty() && chunks.isEmpty();
    }

    /** Up to {@code max.batch.size} records, waiting up to {@code timeoutMs} for the first; empty if none came. */
    public List<ChangeRecord> poll(long timeoutMs) throws InterruptedException {
        List<ChangeRecord> batch = new ArrayList<>();
        List<ChangeRecord> next = leftover.isEmpty() ? chunks.poll(timeoutMs, TimeUnit.MILLISECONDS) : leftover;
        leftover = List.of();
        while (next != null) {
            int room = maxBatchSize - batch.size();
            if (next.size() > room) {
                batch.addAll(next.subList(0, room));
                leftover = next.subList(room, next.size());
                break;
            }
            batch.addAll(next);
            next = chunks.poll();
        }
        return batch;
    }

    /** The consumer closed the hand-off while the reader waited for room: the reader is to stop. */
    public static final class HandoffClosedException extends InterruptedException {
        private static final long serialVersionUID = 1L;

        HandoffClosedException() {
            super("the source was closed while its reader waited for the consumer");
        }
    }

    private final class Sink implements RecordSink {
        private List<ChangeRecord> filling = new ArrayList<>(chunkSize);

        @Override
        public void put(ChangeRecord record) throws InterruptedException {
            filling.add(record);
            if (filling.size() >= chunkSize) {
                flush();
            }
        }

        @Override
        public void flush() throws InterruptedException {
            if (filling.isEmpty()) {
                return;
            }
            List<ChangeRecord> chunk = filling;
            filling = new ArrayList<>(chunkSize);
            while (!chunks.offer(chunk, WAIT_FOR_ROOM_MS, TimeUnit.MILLISECONDS)) {
                if (closed) {
                    throw new HandoffClosedException();
                }
            }
            lastHandedOver = chunk.get(chunk.size() - 1).offset();
        }
    }
}
