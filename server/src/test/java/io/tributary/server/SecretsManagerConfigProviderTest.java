package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import io.tributary.api.config.ConfigException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Seed 000's {@code ${secretManager:<secret>:<key>}} references, resolved by the real AWS SDK client against
 * {@link FakeSecretsManager} (a fake of the service only) under the Connect plugin's class name.
 */
class SecretsManagerConfigProviderTest {
    private static final String SECRET = "xxxxxx-database-secret";
    private static final String PASSWORD = "Rds-Pa55word-from-aws";
    private static final String ACCESS_KEY = "AKIDEXAMPLETRIBUTARY";

    private FakeSecretsManager service;

    @BeforeEach
    void start() throws Exception {
        service = FakeSecretsManager.create(Map.of(SECRET, "{\"dbusername\":\"cdc\",\"dbpassword\":\"" + PASSWORD
                + "\",\"port\":3306}", "xxxxx-database-secret", "{\"dbpassword\":\"" + PASSWORD + "\"}",
                "plain-text-secret", PASSWORD));
    }

    @AfterEach
    void stop() {
        service.close();
    }

    @Test
    void seed000sReferencesResolveFromTheSecretsJsonWithOneSignedCallPerSecret() {
        Map<String, String> resolved = ConfigProviders.resolve(withProvider(Map.of(
                "database.user", "${secretManager:" + SECRET + ":dbusername}",
                "database.password", "${secretManager:" + SECRET + ":dbpassword}",
                "database.port", "${secretManager:" + SECRET + ":port}")));

        assertThat(resolved).containsEntry("database.user", "cdc").containsEntry("database.password", PASSWORD)
                .containsEntry("database.port", "3306");
        assertThat(service.calls()).singleElement().satisfies(call -> {
            assertThat(call.target()).isEqualTo("secretsmanager.GetSecretValue");
            assertThat(call.secretId()).isEqualTo(SECRET);
            assertThat(call.authorization()).startsWith("AWS4-HMAC-SHA256 Credential=" + ACCESS_KEY + "/")
                    .contains("/ap-southeast-1/secretsmanager/aws4_request");
        });
    }

    @Test
    void seed000sConnectorConfigurationValidatesWithItsSecretsResolvedAndShownAsWritten() {
        // the seed as compat keeps it; only read here
        Map<String, String> file = withProvider(PipelineFile.read(Path.of(
                "../compat/src/test/resources/seeds/000-rds-brokerage-flink.properties")));
        file.putAll(Map.of("sinks", "files", "sink.files.type", "file", "sink.files.directory", "/tmp/events"));

        PipelineConfig config = PipelineValidation.validateFile("seed-000.properties", file, new SinkRegistry());

        assertThat(config.source()).containsEntry("database.user", "cdc").containsEntry("database.password", PASSWORD);
        assertThat(config.sourceAsWritten())
                .containsEntry("database.user", "${secretManager:xxxxxx-database-secret:dbusername}")
                .containsEntry("database.password", "${secretManager:xxxxx-database-secret:dbpassword}");
    }

    @Test
    void aMissingSecretFieldOrANonJsonSecretIsNamedWithoutItsValue() {
        Map<String, String> file = withProvider(Map.of(
                "database.user", "${secretManager:no-such-secret:dbusername}",
                "database.password", "${secretManager:" + SECRET + ":password}",
                "database.hostname", "${secretManager:plain-text-secret:host}"));

        assertThatThrownBy(() -> ConfigProviders.resolve(file)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("database.user: cannot resolve ${secretManager:no-such-secret:dbusername}: "
                        + "cannot read secret 'no-such-secret' from AWS Secrets Manager: Secrets Manager can't find "
                        + "the specified secret.")
                .hasMessageContaining("database.password: ${secretManager:" + SECRET + ":password} did not resolve")
                .hasMessageContaining("database.hostname: cannot resolve ${secretManager:plain-text-secret:host}: "
                        + "secret 'plain-text-secret' is not a JSON object")
                .hasMessageNotContaining(PASSWORD);
    }

    @Test
    void anUnknownParameterIsRefused() {
        Map<String, String> file = withProvider(Map.of("config.providers.secretManager.param.aws.regoin", "x",
                "database.password", "${secretManager:" + SECRET + ":dbpassword}"));

        assertThatThrownBy(() -> ConfigProviders.resolve(file)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("config.providers.secretManager.param: provider 'secretManager' refused its "
                        + "parameters: param.aws.regoin is not a parameter of the Secrets Manager provider");
    }

    @Test
    void secretTtlGivesTheValuesATimeToLiveAfterWhichThePipelineIsToReload() {
        Map<String, String> file = withProvider(Map.of("config.providers.secretManager.param.secret.ttl.ms",
                "3600000", "database.password", "${secretManager:" + SECRET + ":dbpassword}"));
        assertThat(ConfigProviders.resolveWithTtl(file).ttlMs()).hasValue(3_600_000L);
        assertThat(ConfigProviders.resolveWithTtl(withProvider(Map.of("database.password", "${secretManager:"
                + SECRET + ":dbpassword}"))).ttlMs()).as("none unless given").isEmpty();
        file.put("config.providers.secretManager.param.secret.ttl.ms", "soon");
        assertThatThrownBy(() -> ConfigProviders.resolve(file)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("param.secret.ttl.ms is a number of milliseconds, 1 or more; found 'soon'");
    }

    /** Seed 000's provider declaration (on MSK Connect it is the worker's), pointed at the fake service. */
    private Map<String, String> withProvider(Map<String, String> others) {
        Map<String, String> file = new LinkedHashMap<>(Map.of("config.providers", "secretManager",
                "config.providers.secretManager.class",
                "com.github.jcustenborder.kafka.config.aws.SecretsManagerConfigProvider",
                "config.providers.secretManager.param.aws.region", "ap-southeast-1",
                "config.providers.secretManager.param.aws.access.key", ACCESS_KEY,
                "config.providers.secretManager.param.aws.secret.key", "example-secret-access-key",
                "config.providers.secretManager.param.endpoint.url", service.url()));
        file.putAll(others);
        return file;
    }
}
