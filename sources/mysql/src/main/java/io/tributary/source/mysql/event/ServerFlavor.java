package io.tributary.source.mysql.event;

/**
 * Which server the source talks to. Events name the Debezium connector that serves that server, so that they
 * equal what Debezium's own connector would have written.
 */
public enum ServerFlavor {
    MYSQL("mysql", "io.debezium.connector.mysql.Source"),
    MARIADB("mariadb", "io.debezium.connector.mariadb.Source");

    private final String connectorName;
    private final String sourceSchemaName;

    ServerFlavor(String connectorName, String sourceSchemaName) {
        this.connectorName = connectorName;
        this.sourceSchemaName = sourceSchemaName;
    }

    /** {@code source.connector} in events. */
    public String connectorName() {
        return connectorName;
    }

    public String sourceSchemaName() {
        return sourceSchemaName;
    }

    /** From {@code SELECT VERSION()}: MariaDB says so in its version string. */
    public static ServerFlavor fromVersion(String version) {
        return version.toLowerCase(java.util.Locale.ROOT).contains("mariadb") ? MARIADB : MYSQL;
    }
}
