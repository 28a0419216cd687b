package io.tributary.server;

import java.util.List;
import java.util.Map;

import io.tributary.api.ChangeSource;
import io.tributary.api.config.ConfigException;
import io.tributary.api.config.ConfigProblem;
import io.tributary.source.mysql.MySqlSource;

/** The source a pipeline's {@code connector.class} names. */
final class Sources {
    /** Connector classes the MySQL/MariaDB source stands in for: ours, and Debezium's, so seed configs paste in. */
    private static final List<String> MYSQL = List.of("io.tributary.connect.MySqlSourceConnector",
            "io.debezium.connector.mysql.MySqlConnector", "io.debezium.connector.mariadb.MariaDbConnector");

    private Sources() {
    }

    /**
     * The connector type Debezium's MBeans name for this source ({@code debezium.<type>:type=connector-metrics,...}):
     * {@code mariadb} for Debezium's MariaDB connector, whose domain that is, else {@code mysql}.
     */
    static String debeziumConnectorType(Map<String, String> sourceConfig) {
        return sourceConfig.getOrDefault("connector.class", "").strip()
                .equals("io.debezium.connector.mariadb.MariaDbConnector") ? "mariadb" : "mysql";
    }

    static ChangeSource create(Map<String, String> sourceConfig) {
        String connectorClass = sourceConfig.getOrDefault("connector.class", MYSQL.get(0)).strip();
        if (MYSQL.contains(connectorClass)) {
            return new MySqlSource();
        }
        throw new ConfigException(List.of(new ConfigProblem("connector.class", "unknown source '" + connectorClass
                + "': expected one of " + MYSQL)));
    }
}
