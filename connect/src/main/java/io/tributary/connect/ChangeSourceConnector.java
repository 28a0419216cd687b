package io.tributary.connect;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tributary.api.ChangeSourceProvider;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.apache.kafka.connect.source.SourceConnector;

/**
 * A Tributary source as a Kafka Connect source connector: its options as the connector's {@link ConfigDef}, every
 * problem listed under its key by {@link #validate}, one task (a source's change stream is one ordered stream).
 */
public abstract class ChangeSourceConnector extends SourceConnector {
    private final ChangeSourceProvider provider;
    private final ConfigDef configDef;
    private Map<String, String> properties;

    protected ChangeSourceConnector(ChangeSourceProvider provider) {
        this.provider = provider;
        this.configDef = ConnectConfigs.configDef(provider.definition());
    }

    @Override
    public String version() {
        return Versions.TRIBUTARY;
    }

    /** Refuses a configuration with problems, all of them listed, before any task starts. */
    @Override
    public void start(Map<String, String> connectorProperties) {
        ConnectConfigs.requireValid(provider, connectorProperties);
        this.properties = Map.copyOf(connectorProperties);
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return List.of(properties);
    }

    /** Supported: each record's offset says exactly where the source resumes after it (KIP-618). */
    @Override
    public ExactlyOnceSupport exactlyOnceSupport(Map<String, String> connectorConfig) {
        return ExactlyOnceSupport.SUPPORTED;
    }

    @Override
    public void stop() {
        properties = null;
    }

    @Override
    public ConfigDef config() {
        return configDef;
    }

    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        return ConnectConfigs.validate(configDef, provider.definition(), connectorConfigs,
                provider.validate(connectorConfigs, Set.of()));
    }
}
