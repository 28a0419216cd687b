package io.tributary.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.source.ConnectorTransactionBoundaries;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.junit.jupiter.api.Test;

class ConnectConfigsTest {
    private final MySqlSourceConnector connector = new MySqlSourceConnector();

    @Test
    void everyOptionIsDeclaredAndThePasswordIsMasked() {
        ConfigDef definition = connector.config();

        assertThat(definition.names()).contains("database.hostname", "topic.prefix", "snapshot.mode",
                "table.include.list", "provide.transaction.metadata");
        assertThat(definition.configKeys().get("database.password").type).isEqualTo(ConfigDef.Type.PASSWORD);
        assertThat(definition.configKeys().get("snapshot.mode").defaultValue).isEqualTo("initial");
        assertThat(definition.configKeys().get("topic.prefix").documentation).contains("database.server.name");
    }

    @Test
    void validationListsEveryProblemUnderItsKey() {
        Config result = connector.validate(Map.of("database.password", "p4ss", "snapshot.mode", "sometimes",
                "database.port", "not-a-port"));

        Map<String, String> errors = result.configValues().stream()
                .filter(value -> !value.errorMessages().isEmpty())
                .collect(Collectors.toMap(ConfigValue::name, value -> String.join("; ", value.errorMessages())));
        assertThat(errors).containsOnlyKeys("database.hostname", "database.user", "topic.prefix", "snapshot.mode",
                "database.port");
        assertThat(errors.get("snapshot.mode")).contains("expected one of [initial, initial_only");
        assertThat(errors.values()).noneMatch(message -> message.contains("p4ss"));
    }

    @Test
    void aDebezium1SpellingSatisfiesTheRequiredKey() {
        Config result = connector.validate(Map.of("database.hostname", "db", "database.user", "cdc",
                "database.server.name", "legacy"));

        assertThat(result.configValues()).allSatisfy(value -> assertThat(value.errorMessages()).isEmpty());
    }

    @Test
    void exactlyOnceIsSupportedWithTransactionsPerPoll() {
        Map<String, String> config = Map.of("database.hostname", "db", "database.user", "cdc", "topic.prefix", "shop",
                "exactly.once.support", "required", "transaction.boundary", "poll");

        assertThat(connector.exactlyOnceSupport(config)).isEqualTo(ExactlyOnceSupport.SUPPORTED);
        assertThat(connector.canDefineTransactionBoundaries(config))
                .isEqualTo(ConnectorTransactionBoundaries.UNSUPPORTED);
        assertThat(connector.validate(config).configValues())
                .allSatisfy(value -> assertThat(value.errorMessages()).as(value.name()).isEmpty());
    }
}
