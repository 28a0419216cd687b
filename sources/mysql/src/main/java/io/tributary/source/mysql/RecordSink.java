package io.tributary.source.mysql;

import io.tributary.api.ChangeRecord;

/** Where readers put records; blocks while the consumer is behind (back-pressure). */
@FunctionalInterface
interface RecordSink {
    void put(ChangeRecord record) throws InterruptedException;
}
