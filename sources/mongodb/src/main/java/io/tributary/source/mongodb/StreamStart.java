package io.tributary.source.mongodb;

import java.util.Optional;

import com.mongodb.MongoException;
import com.mongodb.MongoInterruptedException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.client.ClientSession;
import com.mongodb.client.MongoClient;
import io.tributary.api.SourceException;
import org.bson.BsonTimestamp;
import org.bson.Document;

/**
 * The cluster time the change streams start from, taken before a snapshot begins: a change made during the snapshot
 * is then streamed too (at least once), and none is lost between the two.
 */
final class StreamStart {
    private StreamStart() {
    }

    /**
     * Just after the server's current cluster time (a change stream starting there returns the changes made after
     * it; those made at it are in what a snapshot reads next): the operation time a replica set member gives a
     * session's command (MongoDB, DocumentDB); else the time of the newest entry of the oplog
     * ({@code local.oplog.rs}, read backwards in its natural order), for servers that give no operation time but let
     * it be read.
     *
     * @throws SourceException when the server gives neither, saying what the source needs
     * @throws MongoException when the server cannot be reached (the caller retries)
     */
    static BsonTimestamp now(MongoClient client) {
        BsonTimestamp current = current(client);
        return new BsonTimestamp(current.getTime(), current.getInc() + 1);
    }

    private static BsonTimestamp current(MongoClient client) {
        try (ClientSession session = client.startSession()) {
            client.getDatabase("admin").runCommand(session, new Document("ping", 1));
            BsonTimestamp operationTime = session.getOperationTime();
            if (operationTime != null) {
                return operationTime;
            }
        } catch (MongoException e) {
            unlessUnreachable(e); // else a server without sessions: the oplog may still tell
        }
        return newestOplogEntry(client).orElseThrow(() -> SourceException.fatal("the server gives no cluster time "
                + "for the change streams to start from: its command replies carry no operationTime and its oplog "
                + "(local.oplog.rs) cannot be read. Change streams need a replica set (a single-node one will do: "
                + "mongod --replSet rs0, then rs.initiate()) or a DocumentDB cluster with change streams enabled"));
    }

    private static Optional<BsonTimestamp> newestOplogEntry(MongoClient client) {
        try {
            Document newest = client.getDatabase("local").getCollection("oplog.rs").find()
                    .sort(new Document("$natural", -1)).limit(1).first();
            // an empty oplog: nothing was written yet, so the current second (of this machine's clock) is early enough
            return Optional.of(newest == null ? new BsonTimestamp((int) (System.currentTimeMillis() / 1000), 0)
                    : newest.get("ts", BsonTimestamp.class));
        } catch (MongoException e) {
            unlessUnreachable(e);
            return Optional.empty();
        }
    }

    /** Rethrows {@code e} when it says the server could not be reached rather than what it does not do. */
    private static void unlessUnreachable(MongoException e) {
        if (e instanceof MongoTimeoutException || e instanceof MongoSocketException
                || e instanceof MongoInterruptedException) {
            throw e;
        }
    }
}
