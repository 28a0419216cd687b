package io.tributary.connect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.tributary.api.ChangeSinkProvider;
import io.tributary.api.config.ConfigProblem;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.sink.SinkConnector;

/** A Tributary sink as a Kafka Connect sink connector; every task gets the connector's configuration. */
public abstract class ChangeSinkConnector extends SinkConnector {
    private Map<String, String> properties;

    protected abstract ChangeSinkProvider provider();

    @Override
    public String version() {
        return Versions.TRIBUTARY;
    }

    @Override
    public void start(Map<String, String> connectorProperties) {
        this.properties = Map.copyOf(connectorProperties);
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        List<Map<String, String>> configs = new ArrayList<>();
        for (int i = 0; i < maxTasks; i++) {
            configs.add(new HashMap<>(properties));
        }
        return configs;
    }

    @Override
    public void stop() {
    }

    @Override
    public ConfigDef config() {
        return new ConfigDef();
    }

    /** Connect's own checks, then the sink's: every problem is listed under its key. */
    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        Config config = super.validate(connectorConfigs);
        List<ConfigValue> values = new ArrayList<>(config.configValues());
        for (ConfigProblem problem : provider().validate(connectorConfigs)) {
            ConfigValue value = new ConfigValue(problem.key());
            value.addErrorMessage(problem.message());
            values.add(value);
        }
        return new Config(values);
    }
}
