package io.tributary.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.tributary.api.config.ConnectKeys;
import io.tributary.source.mysql.MySqlSourceConfig;
import org.apache.kafka.connect.runtime.SinkConnectorConfig;
import org.apache.kafka.connect.runtime.SourceConnectorConfig;
import org.apache.kafka.connect.runtime.TaskConfig;
import org.junit.jupiter.api.Test;

/** Tributary's list of Kafka Connect's own connector keys agrees with what this Kafka Connect defines. */
class ConnectKeysTest {
    /** Sink keys a Tributary sink declares itself. */
    private static final Set<String> DECLARED_BY_SINKS = Set.of("topics", "topics.regex");

    @Test
    void everyKeyOfASourceConnectorsConfigurationIsConnects() {
        Set<String> keys = new TreeSet<>(SourceConnectorConfig.configDef().names());

        assertThat(keys).isNotEmpty().allMatch(ConnectKeys::isConnectKey);
    }

    @Test
    void theKeyConnectAddsToEveryTasksConfigurationIsConnects() {
        assertThat(ConnectKeys.isConnectKey(TaskConfig.TASK_CLASS_CONFIG)).isTrue();
    }

    @Test
    void everyKeyOfASinkConnectorsConfigurationIsConnectsOrTheSinksOwn() {
        Set<String> keys = new TreeSet<>(SinkConnectorConfig.configDef().names());
        keys.removeAll(DECLARED_BY_SINKS);

        assertThat(keys).isNotEmpty().allMatch(ConnectKeys::isConnectKey);
    }

    @Test
    void theSourceAcceptsEveryKeyConnectDefinesForSources() {
        Map<String, String> config = new HashMap<>(Map.of("database.hostname", "db", "database.user", "u",
                "topic.prefix", "p"));
        // Connect's defaults as values (errors.retry.delay.max.ms is also one of Tributary's, a number)
        SourceConnectorConfig.configDef().configKeys().forEach((key, definition) -> config.putIfAbsent(key,
                definition.defaultValue == null ? "x" : String.valueOf(definition.defaultValue)));
        config.put(TaskConfig.TASK_CLASS_CONFIG, MySqlSourceTask.class.getName());

        assertThat(MySqlSourceConfig.validate(config)).isEmpty();
    }
}
