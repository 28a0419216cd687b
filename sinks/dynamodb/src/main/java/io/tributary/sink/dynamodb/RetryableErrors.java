package io.tributary.sink.dynamodb;

import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.retries.api.RetryToken;
import software.amazon.awssdk.retries.api.TokenAcquisitionFailedException;

/**
 * Which failures of a DynamoDB call are worth retrying, as the AWS SDK itself decides (its standard retry strategy:
 * throttling codes such as {@code ProvisionedThroughputExceededException}, {@code ThrottlingException} and
 * {@code RequestLimitExceeded}, HTTP 500/502/503/504, transient codes, I/O failures such as a refused connection)
 * rather than a list of our own that would drift from the SDK's. The sink keeps its own loop (its budget and
 * backoff); the SDK's strategy is only asked, with its circuit breaker off so that the answer depends on the
 * failure alone.
 */
final class RetryableErrors {
    private static final RetryStrategy SDK = AwsRetryStrategy.standardRetryStrategy().toBuilder()
            .circuitBreakerEnabled(false).maxAttempts(2).build();

    private RetryableErrors() {
    }

    static boolean retryable(Throwable failure) {
        RetryToken token = SDK.acquireInitialToken(AcquireInitialTokenRequest.create("dynamodb-sink")).token();
        try {
            SDK.refreshRetryToken(RefreshRetryTokenRequest.builder().token(token).failure(failure).build());
            return true;
        } catch (TokenAcquisitionFailedException notRetryable) {
            return false;
        }
    }
}
