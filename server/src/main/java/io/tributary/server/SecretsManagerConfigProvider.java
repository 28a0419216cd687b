package io.tributary.server;

import java.io.IOException;
import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.common.config.ConfigData;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.provider.ConfigProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClientBuilder;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;

/**
 * {@code ${secretManager:<secret>:<key>}}: the field {@code <key>} of the JSON object that AWS Secrets Manager holds
 * as the secret {@code <secret>}'s value (RDS and MSK Connect store credentials so). Also used under the class name
 * that Connect configurations give, {@code com.github.jcustenborder.kafka.config.aws.SecretsManagerConfigProvider},
 * with its parameters {@code aws.region}, {@code aws.access.key}, {@code aws.secret.key} and {@code secret.prefix};
 * without keys the SDK's default credentials are used. {@code endpoint.url} points the client at another endpoint
 * (a VPC endpoint). Each secret is fetched once per provider instance, which lives for one resolution. {@code
 * secret.ttl.ms}, as that provider names it, gives its values a time to live: the pipeline is then restarted with
 * the secrets read again once it has passed (a rotated password is picked up), as a Connect worker restarts a
 * connector; unset, they are read again only when the pipeline starts.
 */
public final class SecretsManagerConfigProvider implements ConfigProvider {
    static final String CONNECT_CLASS_NAME = "com.github.jcustenborder.kafka.config.aws.SecretsManagerConfigProvider";
    static final String REGION = "aws.region";
    static final String ACCESS_KEY = "aws.access.key";
    static final String SECRET_KEY = "aws.secret.key";
    static final String SECRET_PREFIX = "secret.prefix";
    static final String ENDPOINT_URL = "endpoint.url";
    static final String SECRET_TTL_MS = "secret.ttl.ms";
    private static final Set<String> PARAMS = new TreeSet<>(Set.of(REGION, ACCESS_KEY, SECRET_KEY, SECRET_PREFIX,
            ENDPOINT_URL, SECRET_TTL_MS));
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Map<String, String>> fetched = new HashMap<>();
    private SecretsManagerClient client;
    private String prefix = "";
    /** The values' time to live; null for none. */
    private Long ttlMs;

    @Override
    public void configure(Map<String, ?> configs) {
        Map<String, String> params = new LinkedHashMap<>();
        configs.forEach((key, value) -> params.put(key, value == null ? null : value.toString()));
        params.keySet().stream().filter(key -> !PARAMS.contains(key)).findFirst().ifPresent(key -> {
            throw new ConfigException("param." + key + " is not a parameter of the Secrets Manager provider; "
                    + "expected one of " + PARAMS);
        });
        String ttl = params.get(SECRET_TTL_MS);
        if (ttl != null) {
            try {
                ttlMs = Long.parseLong(ttl.strip());
            } catch (NumberFormatException e) {
                ttlMs = -1L;
            }
            if (ttlMs <= 0) {
                throw new ConfigException("param." + SECRET_TTL_MS + " is a number of milliseconds, 1 or more; "
                        + "found '" + ttl + "'");
            }
        }
        String accessKey = params.get(ACCESS_KEY);
        String secretKey = params.get(SECRET_KEY);
        if ((accessKey == null) != (secretKey == null)) {
            throw new ConfigException("param." + ACCESS_KEY + " and param." + SECRET_KEY + " go together: give both, "
                    + "or neither for the SDK's default credentials");
        }
        prefix = params.getOrDefault(SECRET_PREFIX, "");
        AwsCredentialsProvider credentials = accessKey == null ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey));
        SecretsManagerClientBuilder builder = SecretsManagerClient.builder().credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder());
        if (params.get(REGION) != null && !params.get(REGION).isBlank()) {
            builder.region(Region.of(params.get(REGION).strip()));
        }
        if (params.get(ENDPOINT_URL) != null) {
            builder.endpointOverride(URI.create(params.get(ENDPOINT_URL).strip()));
        }
        try {
            client = builder.build();
        } catch (SdkException e) {
            throw new ConfigException("cannot create the Secrets Manager client (set param." + REGION
                    + ", such as us-east-1): " + e.getMessage());
        }
    }

    @Override
    public ConfigData get(String path) {
        return new ConfigData(secret(path), ttlMs);
    }

    @Override
    public ConfigData get(String path, Set<String> keys) {
        Map<String, String> fields = secret(path);
        Map<String, String> wanted = new LinkedHashMap<>();
        keys.stream().filter(fields::containsKey).forEach(key -> wanted.put(key, fields.get(key)));
        return new ConfigData(wanted, ttlMs);
    }

    /** The secret's fields; text fields as their text, others as JSON. Never puts the value in an error. */
    private Map<String, String> secret(String path) {
        if (path == null || path.isEmpty()) {
            throw new ConfigException("a Secrets Manager reference names its secret: ${<provider>:<secret>:<key>}");
        }
        return fetched.computeIfAbsent(prefix + path, name -> {
            GetSecretValueResponse response;
            try {
                response = client.getSecretValue(request -> request.secretId(name));
            } catch (SdkException e) {
                throw new ConfigException("cannot read secret '" + name + "' from AWS Secrets Manager: "
                        + e.getMessage());
            }
            if (response.secretString() == null) {
                throw new ConfigException("secret '" + name + "' holds binary data; expected a JSON object of "
                        + "string fields in its SecretString");
            }
            return fields(name, response.secretString());
        });
    }

    private static Map<String, String> fields(String name, String secretString) {
        JsonNode object;
        try {
            object = JSON.readTree(secretString);
        } catch (JsonProcessingException e) {
            object = null;
        }
        if (object == null || !object.isObject()) {
            throw new ConfigException("secret '" + name + "' is not a JSON object; expected fields such as "
                    + "{\"username\": ..., \"password\": ...}, referred to as ${<provider>:" + name + ":password}");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        object.fields().forEachRemaining(field -> fields.put(field.getKey(),
                field.getValue().isTextual() ? field.getValue().textValue() : field.getValue().toString()));
        return fields;
    }

    @Override
    public void close() throws IOException {
        if (client != null) {
            client.close();
        }
    }
}
