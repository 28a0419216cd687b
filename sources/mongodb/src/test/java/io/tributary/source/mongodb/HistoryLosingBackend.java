package io.tributary.source.mongodb;

import java.util.List;

import de.bwaldvogel.mongo.backend.Cursor;
import de.bwaldvogel.mongo.backend.aggregation.Aggregation;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import de.bwaldvogel.mongo.oplog.Oplog;

/**
 * mongo-java-server's in-memory backend, with one behaviour of a real replica set added because the test server has
 * none: its oplog never rolls over, so a change stream can always resume. Here a test can say that the history before
 * a cluster time is gone ({@link #loseHistoryBefore}); a change stream asked to start or resume before it is then
 * refused with the error a MongoDB server gives (code 286, {@code ChangeStreamHistoryLost}). Nothing else is changed;
 * the data and the oplog outlive a server's shutdown, as a data directory does.
 */
final class HistoryLosingBackend extends MemoryBackend {
    private volatile long historyStart = Long.MIN_VALUE;

    /** Change streams that start or resume before {@code clusterTime} are refused from now on. */
    void loseHistoryBefore(org.bson.BsonTimestamp clusterTime) {
        historyStart = clusterTime.getValue();
    }

    @Override
    public void close() {
    }

    @Override
    protected Oplog createOplog() {
        Oplog oplog = super.createOplog();
        return new Oplog() {
            @Override
            public void handleInsert(String namespace, List<Document> documents) {
                oplog.handleInsert(namespace, documents);
            }

            @Override
            public void handleUpdate(String namespace, Document selector, Document query, List<Object> ids) {
                oplog.handleUpdate(namespace, selector, query, ids);
            }

            @Override
            public void handleDelete(String namespace, Document query, List<Object> ids) {
                oplog.handleDelete(namespace, query, ids);
            }

            @Override
            public void handleDropCollection(String namespace) {
                oplog.handleDropCollection(namespace);
            }

            @Override
            public Cursor createCursor(Document changeStream, String namespace, Aggregation aggregation) {
                if (startsBeforeHistory(changeStream)) {
                    throw new MongoServerError(286, "ChangeStreamHistoryLost", "Resume of change stream was not "
                            + "possible, as the resume point may no longer be in the oplog.");
                }
                return oplog.createCursor(changeStream, namespace, aggregation);
            }
        };
    }

    /** mongo-java-server's resume token is its cluster time in hexadecimal. */
    private boolean startsBeforeHistory(Document changeStream) {
        if (changeStream.get("resumeAfter") instanceof Document token) {
            return Long.parseUnsignedLong((String) token.get("_data"), 16) < historyStart;
        }
        if (changeStream.get("startAtOperationTime") instanceof BsonTimestamp start) {
            return start.getValue() < historyStart;
        }
        return false;
    }
}
