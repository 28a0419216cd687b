package io.tributary.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.tributary.testkit.TestingBinlogServer;
import org.junit.jupiter.api.Test;

/**
 * Seeds 000 and 003: each connector configuration exactly as printed, with only the connector class and the
 * endpoints changed, on its own Kafka Connect worker; Debezium (3.5 on MariaDB, 3.6 on MySQL) runs the same
 * configuration on another. The topics must hold the same records.
 */
abstract class SeedConfigsOnConnectIT {
    private static final String PROVIDERS = "config.providers";

    abstract TestServer server();

    @Test
    void seed003UnwrappedSalesOrdersWithStringKeysEqualDebeziums() throws Exception {
        try (TestingBinlogServer database = server().start()) {
            database.execute("CREATE DATABASE salesdb",
                    "CREATE TABLE salesdb.SALES_ORDER (ORDER_ID INT PRIMARY KEY, SITE_ID INT NOT NULL, "
                            + "ORDER_DATE DATETIME NOT NULL, SHIP_MODE VARCHAR(20))",
                    "INSERT INTO salesdb.SALES_ORDER VALUES (29001, 2568, '2022-06-15 07:52:16', 'STANDARD'), "
                            + "(29002, 1649, '2022-06-15 07:52:16', 'ONE-DAY')");
            String topic = "salesdb.salesdb.SALES_ORDER";
            Runnable changes = () -> database.execute(
                    "INSERT INTO salesdb.SALES_ORDER VALUES (29003, 3861, '2022-06-15 07:52:43', 'TWO-DAY')",
                    "UPDATE salesdb.SALES_ORDER SET SHIP_MODE = 'EXPRESS' WHERE ORDER_ID = 29001",
                    "DELETE FROM salesdb.SALES_ORDER WHERE ORDER_ID = 29002");
            // ExtractNewRecordState turns the delete (and its tombstone) into one tombstone: 2 reads + 3 changes
            compare("003-rds-salesdb-dynamodb.properties", false, database, Map.of(), topic, 2, changes, 5, "seed-003");
        }
    }

    @Test
    void seed003WithTributarysOwnUnwrapTransformationEqualsDebeziumsWithItsOwn() throws Exception {
        try (TestingBinlogServer database = server().start()) {
            database.execute("CREATE DATABASE salesdb",
                    "CREATE TABLE salesdb.SALES_ORDER (ORDER_ID INT PRIMARY KEY, SITE_ID INT NOT NULL, "
                            + "ORDER_DATE DATETIME NOT NULL, SHIP_MODE VARCHAR(20) DEFAULT 'STANDARD')",
                    "INSERT INTO salesdb.SALES_ORDER VALUES (29001, 2568, '2022-06-15 07:52:16', 'STANDARD'), "
                            + "(29002, 1649, '2022-06-15 07:52:16', NULL)");
            Runnable changes = () -> database.execute(
                    "INSERT INTO salesdb.SALES_ORDER VALUES (29003, 3861, '2022-06-15 07:52:43', NULL)",
                    "UPDATE salesdb.SALES_ORDER SET SHIP_MODE = 'EXPRESS' WHERE ORDER_ID = 29001",
                    "DELETE FROM salesdb.SALES_ORDER WHERE ORDER_ID = 29002");
            // the Tributary worker runs io.tributary.connect.transforms.ExtractNewRecordState, Debezium's its own
            Map<String, String> ownUnwrap = Map.of(
                    "transforms.unwrap.type", "io.tributary.connect.transforms.ExtractNewRecordState",
                    "transforms.unwrap.delete.tombstone.handling.mode", "rewrite",
                    "transforms.unwrap.add.fields", "op,table",
                    "transforms.unwrap.add.headers", "op,source.file,db:database");
            Map<String, String> debeziumUnwrap = Map.of(
                    "transforms.unwrap.delete.tombstone.handling.mode", "rewrite",
                    "transforms.unwrap.add.fields", "op,table",
                    "transforms.unwrap.add.headers", "op,source.file,db:database");
            compare("003-rds-salesdb-dynamodb.properties", false, database, Map.of(), ownUnwrap, debeziumUnwrap,
                    "salesdb.salesdb.SALES_ORDER", 2, changes, 5, "seed-003-own-unwrap");
        }
    }

    @Test
    void seed000WithSecretsFromAConfigProviderEqualsDebeziums() throws Exception {
        SecretsManagerStubConfigProvider.SECRETS.put("xxxxxx-database-secret",
                Map.of("dbusername", TestingBinlogServer.CDC_USER));
        SecretsManagerStubConfigProvider.SECRETS.put("xxxxx-database-secret",
                Map.of("dbpassword", TestingBinlogServer.CDC_PASSWORD));
        try (TestingBinlogServer database = server().start()) {
            database.execute("CREATE DATABASE xxx",
                    "CREATE TABLE xxx.flink (id BIGINT PRIMARY KEY, symbol VARCHAR(12) NOT NULL, "
                            + "price DECIMAL(12,4) NOT NULL, updated_at TIMESTAMP(3) NOT NULL)",
                    "INSERT INTO xxx.flink VALUES (1, '0700.HK', 321.4000, '2026-11-22 01:00:00.125')");
            String topic = "junjie-sgp-xxxxx.xxx.flink";
            Runnable changes = () -> database.execute(
                    "UPDATE xxx.flink SET price = 322.1000, updated_at = '2026-11-22 01:00:01.500' WHERE id = 1",
                    "INSERT INTO xxx.flink VALUES (2, 'AAPL', 190.5000, '2026-11-22 01:00:02.000')");
            Map<String, String> worker = Map.of(PROVIDERS, "secretManager",
                    PROVIDERS + ".secretManager.class", SecretsManagerStubConfigProvider.class.getName());
            compare("000-rds-brokerage-flink.properties", true, database, worker, topic, 1, changes, 3, "seed-000");
        }
    }

    /**
     * Runs the seed on two workers, Tributary's connector on one and Debezium's on the other; after the snapshot
     * ({@code snapshotRecords}) and the changes ({@code totalRecords} in all), compares the table's topic and the
     * schema-change topic.
     */
    private static void compare(String seed, boolean keepCredentials, TestingBinlogServer database,
            Map<String, String> worker, String topic, int snapshotRecords, Runnable changes, int totalRecords, String name) throws Exception {
        compare(seed, keepCredentials, database, worker, Map.of(), Map.of(), topic, snapshotRecords, changes,
                totalRecords, name);
    }

    /** As above, with settings added to one side's connector configuration or the other's. */
    private static void compare(String seed, boolean keepCredentials, TestingBinlogServer database,
            Map<String, String> worker, Map<String, String> tributaryOverrides, Map<String, String> debeziumOverrides, String topic,
            int snapshotRecords, Runnable changes, int totalRecords, String name) throws Exception {
        try (ConnectPipeline tributary = ConnectPipeline.start(worker);
                ConnectPipeline debezium = ConnectPipeline.start(worker)) {
            Map<String, String> tributaryConfig = new java.util.HashMap<>(
                    seedConfig(seed, keepCredentials, database, tributary));
            tributaryConfig.putAll(tributaryOverrides);
            Map<String, String> debeziumConfig = new java.util.HashMap<>(SeedConfigs.inDebezium3Dialect(
                    seedConfig(seed, keepCredentials, database, debezium), database));
            debeziumConfig.putAll(debeziumOverrides);
            tributary.deploy("tributary", tributaryConfig);
            debezium.deploy("debezium", debeziumConfig);
            tributary.awaitRecords(topic, snapshotRecords);
            debezium.awaitRecords(topic, snapshotRecords);

            changes.run();
            tributary.awaitRecords(topic, totalRecords);
            debezium.awaitRecords(topic, totalRecords);

            EventLog fromTributary = tributary.read(topic, name + "-tributary");
            assertThat(fromTributary.size()).isEqualTo(totalRecords);
            DifferentialReport.compare(debezium.read(topic, name + "-debezium"), fromTributary);
            String schemaTopic = tributaryConfig.get("database.server.name");
            DifferentialReport.compare(debezium.read(schemaTopic, name + "-schema-debezium"),
                    tributary.read(schemaTopic, name + "-schema-tributary"));
            if (keepCredentials) {
                assertThat(tributary.connect().rest().request("GET", "connectors/tributary/config", null).toString())
                        .as("secrets stay unresolved in the stored configuration")
                        .doesNotContain(TestingBinlogServer.CDC_PASSWORD);
            }
        }
    }

    private static Map<String, String> seedConfig(String seed, boolean keepCredentials, TestingBinlogServer database,
            ConnectPipeline pipeline) {
        String connectorClass = "io.tributary.connect.MySqlSourceConnector";
        return keepCredentials
                ? SeedConfigs.pointedAtKeepingCredentials(seed, connectorClass, database, pipeline.kafka())
                : SeedConfigs.pointedAt(seed, connectorClass, database, pipeline.kafka());
    }
}
