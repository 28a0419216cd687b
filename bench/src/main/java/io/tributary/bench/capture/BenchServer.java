package io.tributary.bench.capture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.tributary.testkit.TestingBinlogServer;
import io.tributary.testkit.TestingMariaDb;
import io.tributary.testkit.TestingMySql;

/**
 * The server a capture benchmark runs on, with the Debezium release that is the baseline there: 3.5 on MariaDB (its
 * MariaDB connector, on the bench's own class path), 3.6.1 on MySQL (its MySQL connector, which cannot share a class
 * path with 3.5: its runs take the libraries {@code bench/debezium-mysql} gathers).
 */
enum BenchServer {
    MARIADB("MariaDB 10.11", "Debezium 3.5", "the MariaDB connector", "io.debezium.connector.mariadb.MariaDbConnector",
            null, "capture.md"),
    MYSQL("MySQL 9.7", "Debezium 3.6.1", "the MySQL connector", "io.debezium.connector.mysql.MySqlConnector",
            Path.of("bench", "debezium-mysql", "target", "lib"), "capture-mysql.md");

    /** The system property that names the connector class in the JVM of a Debezium run. */
    static final String CONNECTOR_PROPERTY = "bench.debezium.connector";

    final String product;
    final String debezium;
    final String connector;
    final String connectorClass;
    /** Where the Debezium runs' own libraries are; null for the bench's class path. */
    private final Path debeziumLibraries;
    final String resultsFile;

    BenchServer(String product, String debezium, String connector, String connectorClass, Path debeziumLibraries,
            String resultsFile) {
        this.product = product;
        this.debezium = debezium;
        this.connector = connector;
        this.connectorClass = connectorClass;
        this.debeziumLibraries = debeziumLibraries;
        this.resultsFile = resultsFile;
    }

    TestingBinlogServer start() {
        return this == MYSQL ? TestingMySql.create() : TestingMariaDb.create();
    }

    /** The class path of Debezium's runs against this server. */
    String debeziumClassPath() throws IOException {
        if (debeziumLibraries == null) {
            return System.getProperty("java.class.path");
        }
        if (!Files.isDirectory(debeziumLibraries)) {
            throw new IOException("expected " + debezium + "'s libraries in " + debeziumLibraries + ", found nothing: "
                    + "build them with `mvn -pl bench/debezium-mysql -am package -DskipTests` (bench/run.sh does)");
        }
        return debeziumLibraries.toAbsolutePath() + "/*";
    }
}
