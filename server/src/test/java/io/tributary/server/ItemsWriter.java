package io.tributary.server;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

import io.tributary.testkit.TestingMariaDb;

/**
 * Changes {@code shop.items (id, version)} in small transactions until {@link #finish}: each round raises a random
 * row's version by one, inserts a new row, and, when asked, deletes a row seven ids on.
 */
final class ItemsWriter extends Thread {
    private final TestingMariaDb mariaDb;
    private final int rows;
    private final boolean deletes;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private volatile int changes;

    /** @param rows the rows the table starts with, ids 1 to {@code rows} */
    ItemsWriter(TestingMariaDb mariaDb, int rows, boolean deletes) {
        super("writer");
        this.mariaDb = mariaDb;
        this.rows = rows;
        this.deletes = deletes;
    }

    @Override
    public void run() {
        int next = rows + 1;
        while (running.get()) {
            int id = ThreadLocalRandom.current().nextInt(1, rows + 1);
            String update = "UPDATE shop.items SET version = version + 1 WHERE id = " + id;
            String insert = "INSERT INTO shop.items VALUES (" + next++ + ", 0)";
            if (deletes) {
                mariaDb.execute(update, insert, "DELETE FROM shop.items WHERE id = " + (id + 7));
                changes += 3;
            } else {
                mariaDb.execute(update, insert);
                changes += 2;
            }
        }
    }

    /** The statements run so far. */
    int changes() {
        return changes;
    }

    /** Stops after the round in hand. */
    void finish() throws InterruptedException {
        running.set(false);
        join();
    }
}
