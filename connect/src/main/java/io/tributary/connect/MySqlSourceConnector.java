package io.tributary.connect;

import java.util.List;
import java.util.Map;

import io.tributary.api.config.ConfigException;
import io.tributary.source.mysql.MySqlSourceConfig;
import io.tributary.source.mysql.MySqlSourceOptions;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.apache.kafka.connect.source.SourceConnector;

/**
 * Tributary's MySQL/MariaDB source on Kafka Connect: a drop-in for Debezium's {@code MySqlConnector} and
 * {@code MariaDbConnector} configurations. One task, since a binlog is one ordered stream.
 */
public final class MySqlSourceConnector extends SourceConnector {
    private static final ConfigDef CONFIG_DEF = ConnectConfigs.configDef(MySqlSourceOptions.DEFINITION);

    private Map<String, String> properties;

    @Override
    public String version() {
        return Versions.TRIBUTARY;
    }

    @Override
    public void start(Map<String, String> properties) {
        try {
            MySqlSourceConfig.parse(properties);
        } catch (ConfigException e) {
            throw new org.apache.kafka.common.config.ConfigException(e.getMessage());
        }
        this.properties = Map.copyOf(properties);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return MySqlSourceTask.class;
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
        return CONFIG_DEF;
    }

    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        return ConnectConfigs.validate(CONFIG_DEF, MySqlSourceOptions.DEFINITION, connectorConfigs,
                MySqlSourceConfig.validate(connectorConfigs));
    }
}
