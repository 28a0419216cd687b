package io.tributary.api;

/**
 * Where a sink sets aside the records it cannot deliver when errors are tolerated ({@code errors.tolerance=all}):
 * Kafka Connect's dead-letter queue on a Connect worker, a file in the standalone runtime. Records set aside are
 * counted as delivered, so the pipeline goes on; nothing is dropped silently.
 */
@FunctionalInterface
public interface DeadLetterRoute {
    /**
     * Sets {@code record} aside. Returns once it is recorded, or (Connect) once it will be before the offsets of
     * the records after it are committed.
     *
     * @param reason why the sink could not deliver it, naming the record
     */
    void reject(ChangeRecord record, SinkException reason);
}
