package io.tributary.source.mongodb;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.client.MongoChangeStreamCursor;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.changestream.ChangeStreamDocument;
import com.mongodb.client.model.changestream.FullDocument;
import com.mongodb.client.model.changestream.FullDocumentBeforeChange;
import com.mongodb.client.model.changestream.OperationType;
import io.tributary.api.ChangeRecord;
import io.tributary.api.ChangeSource;
import io.tributary.api.SourceException;
import io.tributary.core.event.Heartbeats;
import io.tributary.core.handoff.ReaderThreads;
import io.tributary.core.handoff.RecordHandoff;
import io.tributary.core.handoff.RecordSink;
import org.bson.BsonDocument;
import org.bson.BsonTimestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MongoDB / DocumentDB change source: the documents of the captured collections (unless
 * {@code snapshot.mode=no_data}), then each collection's change stream from a cluster time taken before the snapshot
 * began, in Debezium's MongoDB event format ({@link MongoEvents}). A reader thread hands records over in chunks
 * ({@link RecordHandoff}); a failure of the reader surfaces from the next poll.
 *
 * <p>A collection created later is found within {@code mongodb.poll.interval.ms} and streamed from before it was
 * created (its changes are streamed, not snapshotted, as in Debezium).
 */
public final class MongoSource implements ChangeSource {
    private static final Logger LOG = LoggerFactory.getLogger(MongoSource.class);
    private static final String VERSION = Optional.ofNullable(MongoSource.class.getPackage()
            .getImplementationVersion()).orElse("0.1.0-SNAPSHOT");
    /** How long the reader rests when no stream had an event, before asking them all again. */
    private static final long IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    /** How long one round of asking every stream may wait on a server that holds empty answers back. */
    private static final long ROUND_MS = 100;
    /** How often the captured databases are listed again for collections created since. */
    /** MongoDB's codes for a resume point no longer in the oplog. */
    private static final List<Integer> HISTORY_LOST = List.of(136, 280, 286);
    /** Events after which a collection's change stream delivers nothing more. */
    private static final Set<OperationType> ENDS_STREAM = EnumSet.of(OperationType.DROP,
            OperationType.DROP_DATABASE, OperationType.RENAME, OperationType.INVALIDATE);

    private MongoSourceConfig config;
    private MongoClient client;
    private RecordHandoff handoff;
    private MongoEvents events;
    private Heartbeats heartbeats;
    private Thread reader;
    private volatile RuntimeException failure;
    private volatile boolean closed;
    /** Change-stream events read (the reader thread's own count). */
    private int changesSeen;

    @Override
    public void start(Map<String, String> properties, Optional<Map<String, ?>> storedOffset) {
        config = MongoSourceConfig.parse(properties);
        Optional<MongoOffset> stored;
        try {
            stored = MongoOffset.from(storedOffset);
        } catch (IllegalArgumentException e) {
            throw SourceException.fatal("the stored offset is not one of the MongoDB source: " + e.getMessage()
                    + "; delete the pipeline's offset to capture again from a snapshot");
        }
        client = MongoClients.create(config.client().settings());
        handoff = new RecordHandoff(config.maxQueueSize(), config.maxBatchSize());
        events = new MongoEvents(config.topicPrefix(), VERSION, config.tombstonesOnDelete(), config.fields());
        heartbeats = new Heartbeats(config.topicPrefix(), config.heartbeatIntervalMs());
        reader = new Thread(() -> capture(stored), "tributary-mongodb-" + config.topicPrefix());
        reader.setDaemon(true);
        reader.start();
    }

    private void capture(Optional<MongoOffset> stored) {
        try {
            MongoSourceConfig.SnapshotMode mode = config.snapshotMode();
            Optional<MongoOffset> resumable = stored.filter(offset -> !offset.snapshotting())
                    .filter(offset -> mode != MongoSourceConfig.SnapshotMode.ALWAYS);
            if (resumable.isPresent() && mode == MongoSourceConfig.SnapshotMode.INITIAL_ONLY) {
                LOG.info("{}: the snapshot was taken (snapshot.mode=initial_only): nothing more to capture",
                        config.topicPrefix());
                return;
            }
            if (resumable.isPresent()) {
                try {
                    streamRetrying(listed(), resumable.get());
                    return;
                } catch (HistoryLost e) {
                    if (mode != MongoSourceConfig.SnapshotMode.WHEN_NEEDED) {
                        throw e.failure();
                    }
                    LOG.warn("{}: {}; taking a new snapshot (snapshot.mode=when_needed)", config.topicPrefix(),
                            e.getMessage());
                }
            }
            Captured captured = listed();
            MongoOffset offset = new MongoOffset(captured.listedAt(), true, Map.of());
            if (mode != MongoSourceConfig.SnapshotMode.NO_DATA) {
                snapshot(captured.namespaces(), offset);
            }
            if (mode == MongoSourceConfig.SnapshotMode.INITIAL_ONLY) {
                LOG.info("{}: snapshot taken; no changes are streamed (snapshot.mode=initial_only)",
                        config.topicPrefix());
                return;
            }
            streamRetrying(captured, offset.streaming());
        } catch (HistoryLost e) {
            failure = e.failure();
        } catch (RecordHandoff.HandoffClosedException e) {
            // closed while waiting for the consumer: nothing to report
        } catch (InterruptedException e) {
            if (!closed) {
                failure = SourceException.fatal("the reader thread was interrupted while the source was running", e);
            }
        } catch (SourceException e) {
            failure = e;
        } catch (MongoException e) {
            if (!closed) {
                failure = SourceException.retriable("lost the connection to MongoDB: " + e.getMessage(), e);
            }
        } catch (RuntimeException e) {
            failure = SourceException.fatal("the reader thread stopped on " + e, e);
        }
    }

    /** The captured collections, listed when the server answers: retried as a lost connection is while streaming. */
    private Captured listed() throws InterruptedException {
        int attempt = 0;
        while (true) {
            try {
                return new Captured();
            } catch (MongoException e) {
                attempt = retryOrThrow(e, attempt, false);
            }
        }
    }

    /** The captured collections there are now, in Debezium's snapshot order: by collection name (then database). */
    private List<Namespace> collections() {
        List<Namespace> captured = new ArrayList<>();
        for (String database : client.listDatabaseNames()) {
            if (!config.capturesDatabase(database)) {
                continue;
            }
            for (String collection : client.getDatabase(database).listCollectionNames()) {
                if (config.captures(database, collection)) {
                    captured.add(new Namespace(database, collection));
                }
            }
        }
        captured.sort(Comparator.comparing(Namespace::collection).thenComparing(Namespace::database));
        return captured;
    }

    /**
     * The collections being captured, and a cluster time taken before they were last listed: a collection not in that
     * list was created after that time, so its stream, opened from it, misses none of its changes.
     */
    private final class Captured {
        private final List<Namespace> namespaces;
        private BsonTimestamp listedAt;
        private long nextListing;

        Captured() {
            listedAt = StreamStart.now(client);
            namespaces = collections();
            nextListing = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(config.collectionListingIntervalMs());
            LOG.info("{}: capturing {}", config.topicPrefix(), namespaces);
        }

        List<Namespace> namespaces() {
            return namespaces;
        }

        BsonTimestamp listedAt() {
            return listedAt;
        }

        /**
         * The captured collections created since the last listing, and the cluster time their streams start from
         * (taken before that listing), when it is time to list again; else none.
         */
        Created created() {
            if (System.nanoTime() < nextListing) {
                return Created.NONE;
            }
            BsonTimestamp since = listedAt;
            listedAt = StreamStart.now(client);
            List<Namespace> created = collections().stream().filter(namespace -> !namespaces.contains(namespace))
                    .toList();
            namespaces.addAll(created);
            nextListing = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(config.collectionListingIntervalMs());
            return new Created(created, since);
        }

        void ended(Namespace namespace) {
            namespaces.remove(namespace);
        }
    }

    /** Collections found since the last listing, and the cluster time their changes are streamed from. */
    private record Created(List<Namespace> namespaces, BsonTimestamp since) {
        static final Created NONE = new Created(List.of(), null);
    }

    /**
     * Every document of each collection, in the collections' order; the last record marked as such. A collection whose
     * read loses the connection is read again from its start, as {@code errors.max.retries} and its waits allow (a
     * document read since the last failure starts a new count): its documents read before the failure are read twice.
     */
    private void snapshot(List<Namespace> collections, MongoOffset offset) throws InterruptedException {
        RecordSink sink = handoff.sink();
        Map<String, ?> snapshotOffset = offset.toMap();
        ChangeRecord held = null;
        for (Namespace namespace : collections) {
            int attempt = 0;
            while (true) {
                Snapshotted read = new Snapshotted(held);
                try {
                    read(namespace, sink, snapshotOffset, read);
                    held = read.held();
                    break;
                } catch (MongoException e) {
                    held = read.held();
                    attempt = retryOrThrow(e, attempt, read.documents() > 0);
                }
            }
            sink.flush();
        }
        if (held != null) {
            // the last snapshot record carries the streaming offset: once it is delivered, the snapshot is done
            sink.put(events.markLast(held, offset.streaming().toMap()));
        }
        sink.flush();
        LOG.info("{}: snapshot of {} collections done", config.topicPrefix(), collections.size());
    }

    /** How far one read of a collection came: the record held back (the last one read) and the documents read. */
    private static final class Snapshotted {
        private ChangeRecord held;
        private int documents;

        Snapshotted(ChangeRecord held) {
            this.held = held;
        }

        ChangeRecord held() {
            return held;
        }

        int documents() {
            return documents;
        }
    }

    /** Reads a collection's documents into the sink, each put once the next is read; the last one held back. */
    private void read(Namespace namespace, RecordSink sink, Map<String, ?> snapshotOffset, Snapshotted read)
            throws InterruptedException {
        // batches of max.batch.size: a server that answers a getMore with all that is left (mongo-java-server)
        // would otherwise send a reply larger than the driver accepts
        try (MongoCursor<BsonDocument> documents = collection(namespace).find().batchSize(config.maxBatchSize())
                .iterator()) {
            while (documents.hasNext()) {
                BsonDocument document = documents.next();
                if (read.held != null) {
                    sink.put(read.held);
                }
                read.held = events.read(namespace, document, snapshotOffset);
                read.documents++;
            }
        }
    }

    /**
     * Streams; when the connection is lost, opens the streams again after the last change handed to the sink, as
     * {@code errors.max.retries} and its waits allow (a change flowing again starts a new count).
     *
     * @throws HistoryLost when a stream's resume point is no longer in the oplog
     */
    private void streamRetrying(Captured captured, MongoOffset offset) throws InterruptedException {
        Map<String, String> tokens = new TreeMap<>(offset.tokens());
        int attempt = 0;
        while (true) {
            int before = changesSeen;
            try {
                stream(captured, offset, tokens);
                return;
            } catch (MongoCommandException e) {
                if (HISTORY_LOST.contains(e.getErrorCode())) {
                    throw new HistoryLost("a change stream fell behind the oplog while reading it ("
                            + e.getErrorCodeName() + ": " + e.getErrorMessage() + ")", e);
                }
                attempt = retryOrThrow(e, attempt, changesSeen > before);
            } catch (MongoException e) {
                attempt = retryOrThrow(e, attempt, changesSeen > before);
            }
        }
    }

    /** The next attempt's number after waiting for it, or the failure when retries are spent or the source closed. */
    private int retryOrThrow(MongoException e, int attempt, boolean flowed) throws InterruptedException {
        if (closed) {
            throw e;
        }
        int next = flowed ? 1 : attempt + 1;
        if (!config.retry().allows(next)) {
            throw SourceException.retriable("lost the connection to MongoDB: " + e.getMessage()
                    + (next > 1 ? " (gave up after " + (next - 1) + " retries)" : ""), e);
        }
        long delay = config.retry().delayMs(next);
        LOG.warn("{}: lost the connection to MongoDB ({}); retry {} in {} ms", config.topicPrefix(), e.getMessage(),
                next, delay);
        Thread.sleep(delay);
        return next;
    }

    /**
     * Each captured collection's change stream, from its resume token in {@code tokens} (kept up to date with each
     * change handed to the sink) or from the offset's cluster time; collections created meanwhile join, from before
     * they were created. Until closed.
     */
    private void stream(Captured captured, MongoOffset offset, Map<String, String> tokens)
            throws InterruptedException {
        RecordSink sink = handoff.sink();
        List<Stream> streams = new ArrayList<>();
        try {
            for (Namespace namespace : captured.namespaces()) {
                streams.add(new Stream(namespace, open(namespace, tokens, offset.start(), awaitMs(captured))));
            }
            while (!closed) {
                boolean any = false;
                for (Iterator<Stream> open = streams.iterator(); open.hasNext();) {
                    Stream stream = open.next();
                    ChangeStreamDocument<BsonDocument> change = stream.cursor().tryNext();
                    if (change == null) {
                        continue;
                    }
                    any = true;
                    if (ENDS_STREAM.contains(change.getOperationType()) && ended(stream.namespace(), change)) {
                        LOG.warn("{}: the change stream of {} ended ({}): its changes are no longer captured; a "
                                + "collection of that name created later is captured from its creation",
                                config.topicPrefix(), stream.namespace(), change.getOperationType().getValue());
                        stream.cursor().close();
                        open.remove();
                        captured.ended(stream.namespace());
                        continue;
                    }
                    changesSeen++;
                    tokens.put(stream.namespace().toString(), change.getResumeToken().getString("_data").getValue());
                    if (config.skips(change.getOperationType())) {
                        continue; // skipped.operations (Debezium asks the server to leave them out)
                    }
                    Map<String, Object> position = new MongoOffset(offset.start(), false, tokens).toMap();
                    for (ChangeRecord record : events.change(stream.namespace(), change, position)) {
                        sink.put(record);
                    }
                }
                if (heartbeats.due(System.currentTimeMillis())) {
                    sink.put(heartbeat(streams, offset, tokens));
                }
                Created created = captured.created();
                for (Namespace namespace : created.namespaces()) {
                    LOG.info("{}: capturing {}, created since the last listing", config.topicPrefix(), namespace);
                    // a token of an earlier collection of that name is of no use to this one
                    tokens.remove(namespace.toString());
                    streams.add(new Stream(namespace, open(namespace, tokens, created.since(), awaitMs(captured))));
                }
                if (!any) {
                    sink.flush();
                    LockSupport.parkNanos(IDLE_NANOS);
                    if (Thread.interrupted()) {
                        throw new InterruptedException();
                    }
                }
            }
        } finally {
            streams.forEach(stream -> stream.cursor().close());
        }
    }

    /**
     * A heartbeat record carrying the offset: each stream's resume token as the driver has it now — past the last
     * change read, or the server's post-batch token once a stream has read all there is, which moves a quiet
     * collection's resume point forward so that it stays within the oplog.
     */
    private ChangeRecord heartbeat(List<Stream> streams, MongoOffset offset, Map<String, String> tokens) {
        for (Stream stream : streams) {
            BsonDocument token = stream.cursor().getResumeToken();
            if (token != null && token.isString("_data")) {
                tokens.put(stream.namespace().toString(), token.getString("_data").getValue());
            }
        }
        long nowMs = System.currentTimeMillis();
        return new ChangeRecord(heartbeats.topic(), Heartbeats.KEY, heartbeats.key(), Heartbeats.VALUE,
                heartbeats.value(nowMs), MongoEvents.partition(config.topicPrefix()),
                new MongoOffset(offset.start(), false, tokens).toMap());
    }

    /** A server holds an empty getMore for up to maxAwaitTime: one idle round of all streams takes ~100 ms. */
    private static long awaitMs(Captured captured) {
        return Math.max(1, ROUND_MS / Math.max(1, captured.namespaces().size()));
    }

    /**
     * Whether an event that may end a stream ended this collection's: an invalidate does; a drop or rename does when
     * the collection is gone (a server that sends a database's drop events to each of its collections' streams,
     * without saying which collection, as mongo-java-server does, would otherwise end them all).
     */
    private boolean ended(Namespace namespace, ChangeStreamDocument<BsonDocument> change) {
        if (change.getOperationType() == OperationType.INVALIDATE) {
            return true;
        }
        return !client.getDatabase(namespace.database()).listCollectionNames().into(new ArrayList<>())
                .contains(namespace.collection());
    }

    /**
     * A collection's change stream after its resume token, else from {@code start}; asking for what
     * {@code capture.mode} adds to an update.
     *
     * @throws HistoryLost when the server no longer holds that point
     */
    private MongoChangeStreamCursor<ChangeStreamDocument<BsonDocument>> open(Namespace namespace,
            Map<String, String> tokens, BsonTimestamp start, long awaitMs) {
        // batches of max.batch.size, as the snapshot's: a stream far behind would otherwise be sent all it lags by
        var watch = collection(namespace).watch(BsonDocument.class).batchSize(config.maxBatchSize())
                .maxAwaitTime(awaitMs, TimeUnit.MILLISECONDS);
        MongoSourceConfig.CaptureMode mode = config.captureMode();
        if (mode.fullUpdate()) {
            watch = watch.fullDocument(config.fullUpdateType() == MongoSourceConfig.FullUpdateType.POST_IMAGE
                    ? FullDocument.WHEN_AVAILABLE : FullDocument.UPDATE_LOOKUP);
        }
        if (mode.preImage()) {
            watch = watch.fullDocumentBeforeChange(FullDocumentBeforeChange.WHEN_AVAILABLE);
        }
        Optional<BsonDocument> token = new MongoOffset(start, false, tokens).token(namespace.toString());
        watch = token.isPresent() ? watch.resumeAfter(token.get()) : watch.startAtOperationTime(start);
        try {
            return watch.cursor();
        } catch (MongoCommandException e) {
            if (HISTORY_LOST.contains(e.getErrorCode())) {
                throw new HistoryLost("the change stream of " + namespace + " cannot resume from the stored offset ("
                        + (token.isPresent() ? "resume token " + token.get().toJson() : "cluster time " + start)
                        + "): the oplog no longer holds it (" + e.getErrorCodeName() + ": " + e.getErrorMessage()
                        + ")", e);
            }
            throw e;
        }
    }

    private MongoCollection<BsonDocument> collection(Namespace namespace) {
        return client.getDatabase(namespace.database()).getCollection(namespace.collection(), BsonDocument.class);
    }

    @Override
    public List<ChangeRecord> poll() throws InterruptedException {
        RuntimeException failed = failure;
        if (failed != null && handoff.isEmpty()) {
            throw failed;
        }
        return handoff.poll(Math.min(config.pollIntervalMs(), 100));
    }

    @Override
    public void close() {
        closed = true;
        if (handoff != null) {
            handoff.close();
        }
        if (reader != null) {
            reader.interrupt();
            if (!ReaderThreads.awaitEnd(reader)) {
                LOG.warn("the reader of {} has not stopped {} s after it was asked to; it may hold a connection to "
                        + "the server until the process ends", config.topicPrefix(), ReaderThreads.WAIT.toSeconds());
            }
        }
        if (client != null) {
            client.close();
        }
    }

    /** A collection and its database. */
    record Namespace(String database, String collection) {
        @Override
        public String toString() {
            return database + "." + collection;
        }
    }

    /** The oplog no longer holds where a stream was to resume: changes since were lost to this capture. */
    private static final class HistoryLost extends RuntimeException {
        HistoryLost(String message, Throwable cause) {
            super(message, cause);
        }

        SourceException failure() {
            return SourceException.fatal(getMessage() + ". Changes since were lost to this pipeline; delete its "
                    + "offset to take a new snapshot (or set snapshot.mode=when_needed to take one on its own), and "
                    + "give the oplog a longer window", getCause());
        }
    }

    private record Stream(Namespace namespace, MongoChangeStreamCursor<ChangeStreamDocument<BsonDocument>> cursor) {
    }
}
