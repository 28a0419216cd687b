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
import com.mongodb.client.model.changestream.OperationType;
import io.tributary.api.ChangeRecord;
import io.tributary.api.ChangeSource;
import io.tributary.api.SourceException;
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
 * <p>The collections are those there are at start; a collection created later is captured from the next start.
 */
public final class MongoSource implements ChangeSource {
    private static final Logger LOG = LoggerFactory.getLogger(MongoSource.class);
    private static final String VERSION = Optional.ofNullable(MongoSource.class.getPackage()
            .getImplementationVersion()).orElse("0.1.0-SNAPSHOT");
    /** How long the reader rests when no stream had an event, before asking them all again. */
    private static final long IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    /** How long one round of asking every stream may wait on a server that holds empty answers back. */
    private static final long ROUND_MS = 100;
    /** MongoDB's codes for a resume point no longer in the oplog. */
    private static final List<Integer> HISTORY_LOST = List.of(136, 280, 286);
    /** Events after which a collection's change stream delivers nothing more. */
    private static final Set<OperationType> ENDS_STREAM = EnumSet.of(OperationType.DROP,
            OperationType.DROP_DATABASE, OperationType.RENAME, OperationType.INVALIDATE);

    private MongoSourceConfig config;
    private MongoClient client;
    private RecordHandoff handoff;
    private MongoEvents events;
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
        client = MongoClients.create(config.connectionString());
        handoff = new RecordHandoff(config.maxQueueSize(), config.maxBatchSize());
        events = new MongoEvents(config.topicPrefix(), VERSION, config.tombstonesOnDelete());
        reader = new Thread(() -> capture(stored), "tributary-mongodb-" + config.topicPrefix());
        reader.setDaemon(true);
        reader.start();
    }

    private void capture(Optional<MongoOffset> stored) {
        try {
            List<Namespace> collections = collections();
            MongoOffset offset;
            if (stored.isPresent() && !stored.get().snapshotting()) {
                offset = stored.get();
            } else {
                BsonTimestamp start = StreamStart.now(client);
                offset = new MongoOffset(start, true, Map.of());
                if (config.snapshotMode() == MongoSourceConfig.SnapshotMode.INITIAL) {
                    snapshot(collections, offset);
                }
                offset = offset.streaming();
            }
            streamRetrying(collections, offset);
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
        LOG.info("{}: capturing {}", config.topicPrefix(), captured);
        return captured;
    }

    /** Every document of each collection, in the collections' order; the last record marked as such. */
    private void snapshot(List<Namespace> collections, MongoOffset offset) throws InterruptedException {
        RecordSink sink = handoff.sink();
        Map<String, ?> snapshotOffset = offset.toMap();
        ChangeRecord held = null;
        for (Namespace namespace : collections) {
            try (MongoCursor<BsonDocument> documents = collection(namespace).find().iterator()) {
                while (documents.hasNext()) {
                    if (held != null) {
                        sink.put(held);
                    }
                    held = events.read(namespace, documents.next(), snapshotOffset);
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

    /**
     * Streams; when the connection is lost, opens the streams again after the last change handed to the sink, as
     * {@code errors.max.retries} and its waits allow (a change flowing again starts a new count).
     */
    private void streamRetrying(List<Namespace> collections, MongoOffset offset) throws InterruptedException {
        Map<String, String> tokens = new TreeMap<>(offset.tokens());
        int attempt = 0;
        while (true) {
            int before = changesSeen;
            try {
                stream(collections, offset, tokens);
                return;
            } catch (MongoException e) {
                if (closed || e instanceof MongoCommandException command
                        && HISTORY_LOST.contains(command.getErrorCode())) {
                    throw e;
                }
                attempt = changesSeen > before ? 1 : attempt + 1;
                if (!config.retry().allows(attempt)) {
                    throw SourceException.retriable("lost the connection to MongoDB: " + e.getMessage()
                            + (attempt > 1 ? " (gave up after " + (attempt - 1) + " retries)" : ""), e);
                }
                long delay = config.retry().delayMs(attempt);
                LOG.warn("{}: lost the connection to MongoDB ({}); retry {} in {} ms", config.topicPrefix(),
                        e.getMessage(), attempt, delay);
                Thread.sleep(delay);
            }
        }
    }

    /**
     * Each collection's change stream, from its resume token in {@code tokens} (kept up to date with each change
     * handed to the sink) or from the offset's cluster time, until closed.
     */
    private void stream(List<Namespace> collections, MongoOffset offset, Map<String, String> tokens)
            throws InterruptedException {
        RecordSink sink = handoff.sink();
        List<Stream> streams = new ArrayList<>();
        try {
            // a server holds an empty getMore for up to maxAwaitTime: one idle round of all streams takes ~100 ms
            long awaitMs = Math.max(1, ROUND_MS / Math.max(1, collections.size()));
            for (Namespace namespace : collections) {
                streams.add(new Stream(namespace, open(namespace, new MongoOffset(offset.start(), false, tokens),
                        awaitMs)));
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
                        LOG.warn("{}: the change stream of {} ended ({}): its changes are no longer captured (a "
                                + "collection of that name is captured again from the next start)",
                                config.topicPrefix(), stream.namespace(), change.getOperationType().getValue());
                        stream.cursor().close();
                        open.remove();
                        continue;
                    }
                    changesSeen++;
                    tokens.put(stream.namespace().toString(), change.getResumeToken().getString("_data").getValue());
                    Map<String, Object> position = new MongoOffset(offset.start(), false, tokens).toMap();
                    for (ChangeRecord record : events.change(stream.namespace(), change, position)) {
                        sink.put(record);
                    }
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

    private MongoChangeStreamCursor<ChangeStreamDocument<BsonDocument>> open(Namespace namespace,
            MongoOffset offset, long awaitMs) {
        var watch = collection(namespace).watch(BsonDocument.class).fullDocument(FullDocument.UPDATE_LOOKUP)
                .maxAwaitTime(awaitMs, TimeUnit.MILLISECONDS);
        Optional<BsonDocument> token = offset.token(namespace.toString());
        watch = token.isPresent() ? watch.resumeAfter(token.get()) : watch.startAtOperationTime(offset.start());
        try {
            return watch.cursor();
        } catch (MongoCommandException e) {
            if (HISTORY_LOST.contains(e.getErrorCode())) {
                throw SourceException.fatal("the change stream of " + namespace + " cannot resume from the stored "
                        + "offset (" + (token.isPresent() ? "resume token " + token.get().toJson() : "cluster time "
                        + offset.start()) + "): the oplog no longer holds it (" + e.getErrorMessage() + "). Changes "
                        + "since were lost to this pipeline; delete its offset to take a new snapshot, and give the "
                        + "oplog a longer window", e);
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
            try {
                reader.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (reader.isAlive()) {
                LOG.warn("the reader of {} has not stopped 10 s after it was asked to", config.topicPrefix());
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

    private record Stream(Namespace namespace, MongoChangeStreamCursor<ChangeStreamDocument<BsonDocument>> cursor) {
    }
}
