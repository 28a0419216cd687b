package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.tributary.testkit.TestingKafka;
import io.tributary.testkit.TestingMariaDb;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kafka sink logs in to Amazon MSK with IAM as seeds 000, 001 and 003 configure it ({@code sasl.mechanism=
 * AWS_MSK_IAM}, MSK's {@code IAMLoginModule} and {@code IAMClientCallbackHandler}): the library is on the runtime's
 * class path, the settings pass through, and the client signs its authentication request with AWS Signature Version
 * 4 from the SDK's default credentials. No MSK can be reached from here: the broker is a real Kafka whose
 * {@code AWS_MSK_IAM} server side is {@link FakeMskIamServer}, a fake that keeps the signed request and accepts it.
 */
class MskIamKafkaIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String ACCESS_KEY = "AKIATRIBUTARYTEST01";
    private static final String SECRET_KEY = "msk-Secret-Key-never-printed-42";

    @Test
    void eventsReachAKafkaThatRequiresMskIamAndTheRequestIsSignedWithTheSdksCredentials(@TempDir Path directory)
            throws Exception {
        FakeMskIamServer.register();
        Map<String, String> credentials = Map.of("aws.accessKeyId", ACCESS_KEY, "aws.secretAccessKey", SECRET_KEY,
                "aws.region", "eu-west-1");
        credentials.forEach(System::setProperty);
        try (TestingMariaDb mariaDb = TestingMariaDb.create();
                TestingKafka kafka = TestingKafka.withSasl(FakeMskIamServer.MECHANISM,
                        "org.apache.kafka.common.security.plain.PlainLoginModule required;")) {
            mariaDb.execute("CREATE DATABASE shop", "CREATE TABLE shop.items (id INT PRIMARY KEY)",
                    "INSERT INTO shop.items VALUES (1), (2)");
            Map<String, String> pipeline = StandalonePipelineIT.pipeline(mariaDb, kafka, directory, "true");
            // seed 000's lines, with SASL_PLAINTEXT for its SASL_SSL: the test broker has no TLS listener
            pipeline.put("sink.kafka.bootstrap.servers", kafka.saslBootstrapServers());
            pipeline.put("sink.kafka.security.protocol", "SASL_PLAINTEXT");
            pipeline.put("sink.kafka.sasl.mechanism", "AWS_MSK_IAM");
            pipeline.put("sink.kafka.sasl.jaas.config", "software.amazon.msk.auth.iam.IAMLoginModule required;");
            pipeline.put("sink.kafka.sasl.client.callback.handler.class",
                    "software.amazon.msk.auth.iam.IAMClientCallbackHandler");

            try (TributaryServer server = TributaryServer.start("shop.properties", pipeline)) {
                Awaitility.await().atMost(TIMEOUT)
                        .until(() -> StandalonePipelineIT.values(kafka, "shop.shop.items").size() == 2);
                assertThat(server.pipeline().state()).isEqualTo(Pipeline.State.RUNNING);
            }

            assertThat(FakeMskIamServer.requests()).isNotEmpty().allSatisfy(request -> {
                assertThat(request.path("version").asText()).isEqualTo("2020_10_22");
                assertThat(request.path("action").asText()).isEqualTo("kafka-cluster:Connect");
                assertThat(request.path("x-amz-algorithm").asText()).isEqualTo("AWS4-HMAC-SHA256");
                assertThat(request.path("x-amz-credential").asText())
                        .matches(ACCESS_KEY + "/\\d{8}/eu-west-1/kafka-cluster/aws4_request");
                assertThat(request.path("x-amz-signature").asText()).matches("[0-9a-f]{64}");
                assertThat(request.toString()).doesNotContain(SECRET_KEY);
            });
        } finally {
            credentials.keySet().forEach(System::clearProperty);
        }
    }

}
