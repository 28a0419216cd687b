package io.tributary.compat;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.apache.kafka.common.config.ConfigData;
import org.apache.kafka.common.config.provider.ConfigProvider;

/**
 * A hand-written stand-in for the AWS Secrets Manager config provider that seed 000's MSK Connect worker uses
 * ({@code ${secretManager:<secret>:<key>}}): AWS cannot run here, so secrets come from a map the test fills.
 */
public final class SecretsManagerStubConfigProvider implements ConfigProvider {
    static final Map<String, Map<String, String>> SECRETS = new ConcurrentHashMap<>();

    @Override
    public void configure(Map<String, ?> configs) {
    }

    @Override
    public ConfigData get(String path) {
        return new ConfigData(SECRETS.getOrDefault(path, Map.of()));
    }

    @Override
    public ConfigData get(String path, Set<String> keys) {
        Map<String, String> secret = SECRETS.getOrDefault(path, Map.of());
        return new ConfigData(secret.entrySet().stream().filter(entry -> keys.contains(entry.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    @Override
    public void close() {
    }
}
