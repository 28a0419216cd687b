package io.tributary.sink.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/** The failures the sink retries are the AWS SDK's retryable ones. */
class RetryableErrorsTest {

    @Test
    void throttlingServerErrorsAndAnUnreachableEndpointAreRetried() {
        assertThat(RetryableErrors.retryable(error(400, "ProvisionedThroughputExceededException"))).isTrue();
        assertThat(RetryableErrors.retryable(error(400, "ThrottlingException"))).isTrue();
        assertThat(RetryableErrors.retryable(error(400, "RequestLimitExceeded"))).isTrue();
        assertThat(RetryableErrors.retryable(error(500, "InternalServerError"))).isTrue();
        assertThat(RetryableErrors.retryable(error(503, "ServiceUnavailable"))).isTrue();
        assertThat(RetryableErrors.retryable(SdkClientException.create("Unable to execute HTTP request",
                new ConnectException("Connection refused")))).isTrue();
    }

    @Test
    void refusalsOfTheRequestItselfAreNot() {
        assertThat(RetryableErrors.retryable(error(400, "ValidationException"))).isFalse();
        assertThat(RetryableErrors.retryable(error(400, "ResourceNotFoundException"))).isFalse();
        assertThat(RetryableErrors.retryable(error(400, "AccessDeniedException"))).isFalse();
        assertThat(RetryableErrors.retryable(SdkClientException.create("Unable to marshall request"))).isFalse();
    }

    private static DynamoDbException error(int status, String code) {
        return (DynamoDbException) DynamoDbException.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(code).build()).build();
    }
}
