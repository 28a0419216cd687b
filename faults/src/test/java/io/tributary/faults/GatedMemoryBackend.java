package io.tributary.faults;

import java.util.concurrent.CountDownLatch;

import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;

/**
 * The in-memory backend of the test MongoDB server, whose cursors give no batch after their first until
 * {@link #open} is called: a snapshot reading a collection stops after one batch, so a kill lands during it however
 * fast the machine is. Cursors opened after {@code open} (a change stream, a second snapshot) are not held.
 */
final class GatedMemoryBackend extends MemoryBackend {
    private final CountDownLatch opened = new CountDownLatch(1);

    /** Lets every held cursor go on. */
    void open() {
        opened.countDown();
    }

    @Override
    protected Document handleGetMore(String databaseName, String collectionName, Document query) {
        try {
            opened.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a cursor was held", e);
        }
        return super.handleGetMore(databaseName, collectionName, query);
    }
}
