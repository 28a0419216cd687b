package io.tributary.sink.dynamodb;

import java.util.concurrent.ThreadLocalRandom;

import io.tributary.api.SinkException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The retries of one DynamoDB operation (a batch of writes, a table check): failures the AWS SDK would retry
 * ({@link RetryableErrors}) are retried with exponential backoff and jitter ({@code retry.backoff.ms}, doubling), up to
 * {@code max.retries} in a row; progress (part of a batch written) starts the count over. Not thread-safe: one per
 * operation, on the sink's thread.
 */
final class Retries {
    private static final Logger LOG = LoggerFactory.getLogger(Retries.class);

    /** A DynamoDB call. */
    @FunctionalInterface
    interface Call<T> {
        T run();
    }

    private final DynamoDbSinkConfig config;
    private final String operation;
    private int inARow;
    private SdkException last;

    /** @param operation what is retried, for messages: "writes to table t" */
    Retries(DynamoDbSinkConfig config, String operation) {
        this.config = config;
        this.operation = operation;
    }

    /** Runs {@code call} until it returns, retrying what the SDK retries; rethrows any other failure as it is. */
    static <T> T call(DynamoDbSinkConfig config, String operation, Call<T> call) throws InterruptedException {
        Retries retries = new Retries(config, operation);
        while (true) {
            try {
                return call.run();
            } catch (SdkException e) {
                if (!retries.failed(e)) {
                    throw e;
                }
            }
            retries.backOff();
        }
    }

    /** A call answered, leaving writes unprocessed; when it wrote some of them, the count starts over. */
    void answered(boolean progressed) {
        last = null;
        if (progressed) {
            inARow = 0;
        }
    }

    /**
     * Records a failure; whether the SDK would retry it.
     *
     * @throws InterruptedException when the failure is the thread's interruption (a stop that stopped waiting), which
     *     the SDK reports as {@link AbortedException} and clears the thread's flag
     */
    boolean failed(SdkException e) throws InterruptedException {
        if (e instanceof AbortedException || Thread.currentThread().isInterrupted()) {
            InterruptedException interrupted = new InterruptedException(operation + " was interrupted");
            interrupted.initCause(e);
            throw interrupted;
        }
        last = e;
        return RetryableErrors.retryable(e);
    }

    /** Waits before the next try; throws once {@code max.retries} retries in a row are spent. */
    void backOff() throws InterruptedException {
        if (inARow >= config.maxRetries()) {
            throw new SinkException("DynamoDB " + operation + " still failed after " + config.maxRetries()
                    + " retries in a row" + (last == null ? "" : " (last: " + describe(last) + ")")
                    + ": check that DynamoDB at " + where() + " is reachable, raise the table's capacity, or raise "
                    + "max.retries or retry.backoff.ms", last);
        }
        long backoff = config.retryBackoffMs() << Math.min(inARow, 10);
        long wait = backoff / 2 + ThreadLocalRandom.current().nextLong(backoff / 2 + 1);
        inARow++;
        if (last instanceof SdkClientException) {
            LOG.warn("DynamoDB at {} could not be reached ({}); retry {} of {} in {} ms", where(), last.getMessage(),
                    inARow, config.maxRetries(), wait);
        }
        Thread.sleep(wait);
    }

    private String where() {
        return config.endpoint().map(Object::toString).orElse(config.region());
    }

    /** An AWS error's code and message, or a client failure's message (a refused connection, say). */
    static String describe(SdkException e) {
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            return service.awsErrorDetails().errorCode() + ": " + service.awsErrorDetails().errorMessage();
        }
        return e.getMessage();
    }
}
