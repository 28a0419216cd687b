package io.tributary.core.retry;

/**
 * How a source retries what may pass (a server restarting, a network cut), as Debezium's {@code errors.max.retries},
 * {@code errors.retry.delay.initial.ms} and {@code errors.retry.delay.max.ms} say: waits double from the first up to
 * the longest.
 *
 * @param maxRetries retries in one outage before giving up; -1 retries forever, 0 never
 */
public record Retry(int maxRetries, long initialDelayMs, long maxDelayMs) {
    /** Never retried: the first failure is reported. */
    public static final Retry NONE = new Retry(0, 1, 1);

    /** The wait before retry number {@code attempt} (1-based). */
    public long delayMs(int attempt) {
        long delay = initialDelayMs << Math.min(attempt - 1, 30);
        return Math.min(delay <= 0 ? maxDelayMs : delay, maxDelayMs);
    }

    public boolean allows(int attempt) {
        return maxRetries < 0 || attempt <= maxRetries;
    }
}
