package io.tributary.source.mysql;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.tributary.api.ChangeSource;
import io.tributary.api.ChangeSourceProvider;
import io.tributary.api.SourceIdentity;
import io.tributary.api.config.ConfigDefinition;
import io.tributary.api.config.ConfigProblem;

/** The MySQL / MariaDB binlog source, selected by Tributary's connector class or Debezium's MySQL and MariaDB ones. */
public final class MySqlSourceProvider implements ChangeSourceProvider {
    static final String MARIADB_CONNECTOR = "io.debezium.connector.mariadb.MariaDbConnector";

    @Override
    public List<String> connectorClasses() {
        return List.of("io.tributary.connect.MySqlSourceConnector", "io.debezium.connector.mysql.MySqlConnector",
                MARIADB_CONNECTOR);
    }

    @Override
    public ConfigDefinition definition() {
        return MySqlSourceOptions.DEFINITION;
    }

    @Override
    public List<ConfigProblem> validate(Map<String, String> config, Set<String> neighbourKeys) {
        return MySqlSourceConfig.validate(config, neighbourKeys);
    }

    @Override
    public ChangeSource create() {
        return new MySqlSource();
    }

    /**
     * The partition {@code {"server": <topic.prefix>}}; MBeans of type {@code mariadb} for Debezium's MariaDB
     * connector, whose domain that is, else {@code mysql}; the replica server id held on the server it reads (the
     * server would drop one binlog connection for the other, over and over).
     */
    @Override
    public SourceIdentity identify(Map<String, String> config) {
        MySqlSourceConfig parsed = MySqlSourceConfig.parse(config);
        String type = config.getOrDefault("connector.class", "").strip().equals(MARIADB_CONNECTOR) ? "mariadb"
                : "mysql";
        SourceIdentity.Exclusive serverId = new SourceIdentity.Exclusive("database.server.id",
                String.valueOf(parsed.serverId()), "replica server id on " + parsed.hostname().toLowerCase(
                        java.util.Locale.ROOT) + ":" + parsed.port(),
                "the server would drop one binlog connection for the other");
        return new SourceIdentity(parsed.topicPrefix(), Map.of("server", parsed.topicPrefix()), type,
                List.of(serverId));
    }

    /** Yes: the same keys ({@code file}, {@code pos}, {@code gtids}, ...) under the same partition. */
    @Override
    public boolean resumesFromDebeziumOffsets() {
        return true;
    }

    /** Pipelines written before there were other sources name no connector class. */
    @Override
    public boolean selectedWithoutConnectorClass() {
        return true;
    }

    /** Debezium's {@code file} (a binlog file name) and {@code pos} (a position in it) at least, each key typed. */
    @Override
    public Optional<String> offsetProblem(Map<String, ?> offset) {
        String expected = "an offset of the MySQL/MariaDB source is an object with at least \"file\" (a binlog file "
                + "name) and \"pos\" (a position in it, 0 or more), and the other keys GET .../offsets shows with "
                + "their types (\"gtids\" a string, \"event\" and \"row\" numbers, ...)";
        if (!(offset.get("file") instanceof String file) || file.isBlank()
                || !(offset.get("pos") instanceof Number pos) || pos.longValue() < 0) {
            return Optional.of(expected + "; found the keys " + offset.keySet() + " with file " + offset.get("file")
                    + " and pos " + offset.get("pos"));
        }
        try {
            MySqlOffset.fromMap(offset);
        } catch (RuntimeException e) {
            return Optional.of(expected + "; found a key of another type (" + e.getMessage() + ")");
        }
        return Optional.empty();
    }
}
