package io.tributary.source.mongodb;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.tributary.api.ChangeSource;
import io.tributary.api.ChangeSourceProvider;
import io.tributary.api.SourceIdentity;
import io.tributary.api.config.ConfigDefinition;
import io.tributary.api.config.ConfigProblem;

/** The MongoDB / DocumentDB change-stream source, selected by Tributary's connector class or Debezium's. */
public final class MongoSourceProvider implements ChangeSourceProvider {
    @Override
    public List<String> connectorClasses() {
        return List.of("io.tributary.connect.MongoSourceConnector", "io.debezium.connector.mongodb.MongoDbConnector");
    }

    @Override
    public ConfigDefinition definition() {
        return MongoSourceConfig.DEFINITION;
    }

    @Override
    public List<ConfigProblem> validate(Map<String, String> config, Set<String> neighbourKeys) {
        return MongoSourceConfig.validate(config, neighbourKeys);
    }

    @Override
    public ChangeSource create() {
        return new MongoSource();
    }

    /** Debezium's partition {@code {"server_id": <topic.prefix>}} and MBean type {@code mongodb}; nothing held. */
    @Override
    public SourceIdentity identify(Map<String, String> config) {
        MongoSourceConfig parsed = MongoSourceConfig.parse(config);
        return new SourceIdentity(parsed.topicPrefix(), MongoEvents.partition(parsed.topicPrefix()), "mongodb",
                List.of());
    }

    /** How a valid configuration retries a lost connection, and a start that fails for a reason that may pass. */
    public static io.tributary.core.retry.Retry retry(Map<String, String> config) {
        return MongoSourceConfig.parse(config).retry();
    }

    @Override
    public Optional<String> offsetProblem(Map<String, ?> offset) {
        try {
            MongoOffset.fromMap(offset);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }
}
