package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.tributary.api.ChangeSource;
import io.tributary.api.ChangeSourceProvider;
import io.tributary.api.SourceIdentity;
import io.tributary.api.config.ConfigDefinition;
import io.tributary.api.config.ConfigException;
import io.tributary.api.config.ConfigProblem;
import io.tributary.source.mysql.MySqlSourceProvider;
import org.junit.jupiter.api.Test;

class SourceRegistryTest {
    private static final Map<String, String> MYSQL = Map.of("database.hostname", "DB.example", "database.port", "3307",
            "database.user", "cdc", "database.password", "secret", "database.server.id", "7001",
            "topic.prefix", "shop");

    @Test
    void theMySqlSourceIsFoundOnTheClassPathByEachOfItsConnectorClassesAndByDefault() {
        SourceRegistry installed = SourceRegistry.installed();

        assertThat(installed.providers()).hasAtLeastOneElementOfType(MySqlSourceProvider.class);
        for (String connectorClass : List.of("io.tributary.connect.MySqlSourceConnector",
                "io.debezium.connector.mysql.MySqlConnector", " io.debezium.connector.mariadb.MariaDbConnector ")) {
            assertThat(installed.require(Map.of("connector.class", connectorClass)))
                    .isInstanceOf(MySqlSourceProvider.class);
        }
        assertThat(installed.require(Map.of())).as("no connector.class: the MySQL source, as pipelines before the SPI")
                .isInstanceOf(MySqlSourceProvider.class);
    }

    @Test
    void anUnknownConnectorClassIsRefusedNamingTheKnownOnes() {
        assertThatThrownBy(() -> SourceRegistry.installed().require(Map.of("connector.class", "com.example.Nope")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("connector.class: unknown source 'com.example.Nope': expected one of [")
                .hasMessageContaining("io.debezium.connector.mariadb.MariaDbConnector");
    }

    @Test
    void theMySqlSourceIsKnownByItsTopicPrefixPartitionMetricsTypeAndReplicaServerId() {
        SourceIdentity mysql = SourceRegistry.installed().identify(MYSQL);
        Map<String, String> mariaDbConfig = new java.util.HashMap<>(MYSQL);
        mariaDbConfig.put("connector.class", "io.debezium.connector.mariadb.MariaDbConnector");
        mariaDbConfig.put("database.hostname", "db.example");
        SourceIdentity mariaDb = SourceRegistry.installed().identify(mariaDbConfig);

        assertThat(mysql.topicPrefix()).isEqualTo("shop");
        assertThat(mysql.partition()).isEqualTo(Map.of("server", "shop"));
        assertThat(mysql.metricsType()).isEqualTo("mysql");
        assertThat(mariaDb.metricsType()).isEqualTo("mariadb");
        assertThat(mysql.exclusive()).singleElement().satisfies(held -> {
            assertThat(held.key()).isEqualTo("database.server.id");
            assertThat(held.clashesWith(mariaDb.exclusive().get(0))).as("host names compare without case").isTrue();
        });
    }

    @Test
    void aSecondSourceIsSelectedByItsOwnClassesAndListedAfterTheMySqlSource() {
        SourceRegistry registry = new SourceRegistry(List.of(new OtherSource(), new MySqlSourceProvider()));

        assertThat(registry.providers()).extracting(provider -> provider.connectorClasses().get(0))
                .containsExactly("io.tributary.connect.MySqlSourceConnector", "com.example.OtherConnector");
        assertThat(registry.require(Map.of("connector.class", "com.example.OtherConnector")))
                .isInstanceOf(OtherSource.class);
        assertThat(registry.require(Map.of())).isInstanceOf(MySqlSourceProvider.class);
    }

    /** A hand-written stand-in for a second source: only its selection is tested, it never runs. */
    private static final class OtherSource implements ChangeSourceProvider {
        @Override
        public List<String> connectorClasses() {
            return List.of("com.example.OtherConnector");
        }

        @Override
        public ConfigDefinition definition() {
            return new ConfigDefinition(List.of(), Set.of());
        }

        @Override
        public List<ConfigProblem> validate(Map<String, String> config, Set<String> neighbourKeys) {
            return List.of();
        }

        @Override
        public ChangeSource create() {
            throw new UnsupportedOperationException("selection only");
        }

        @Override
        public SourceIdentity identify(Map<String, String> config) {
            return new SourceIdentity("other", Map.of("server_id", "other"), "other", List.of());
        }

        @Override
        public Optional<String> offsetProblem(Map<String, ?> offset) {
            return Optional.empty();
        }
    }
}
