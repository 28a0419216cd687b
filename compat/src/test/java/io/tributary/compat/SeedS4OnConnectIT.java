package io.tributary.compat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.tributary.testkit.TestingDynamoDb;
import io.tributary.testkit.TestingMariaDb;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Scenario S4 on Kafka Connect, as seed 003 runs it on MSK Connect: the seed's source configuration (Tributary's
 * connector class, Debezium's unwrap transform, StringConverter keys, schemaless JSON values) into Kafka, and the
 * seed's DynamoDB sink configuration with Tributary's sink connector class out of it. 29,000 orders, then inserts,
 * updates and deletes: the DynamoDB table ends equal to the MySQL table.
 */
class SeedS4OnConnectIT {
    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    @Test
    void salesOrdersFlowThroughKafkaConnectIntoDynamoDb() {
        try (TestingMariaDb mariaDb = TestingMariaDb.create(); TestingDynamoDb dynamo = TestingDynamoDb.create();
                ConnectPipeline connect = ConnectPipeline.start(Map.of())) {
            SalesOrders.create(mariaDb);
            connect.deploy("salesdb-source", SeedConfigs.pointedAt("003-rds-salesdb-dynamodb.properties",
                    "io.tributary.connect.MySqlSourceConnector", mariaDb, connect.kafka()));
            Map<String, String> sink = new HashMap<>(SeedConfigs.load("003-dynamodb-sink.properties"));
            sink.put("connector.class", "io.tributary.connect.DynamoDbSinkConnector");
            sink.put("aws.dynamodb.region", TestingDynamoDb.REGION.id());
            sink.put("aws.dynamodb.endpoint", dynamo.endpoint().toString());
            sink.put("aws.access.key.id", TestingDynamoDb.CREDENTIALS.accessKeyId());
            sink.put("aws.secret.access.key", TestingDynamoDb.CREDENTIALS.secretAccessKey());
            sink.put("confluent.topic.bootstrap.servers", connect.kafka().bootstrapServers());
            // the seed asks for two tasks (tasks.max=2): both start, the topic's one partition goes to one of them
            connect.deploy("dynamodb-sink", sink, 2);

            Awaitility.await().atMost(TIMEOUT).pollInterval(Duration.ofSeconds(1))
                    .until(() -> SalesOrders.items(dynamo).size() == 29_000);
            SalesOrders.change(mariaDb);
            Map<Integer, List<String>> expected = SalesOrders.rows(mariaDb);
            Awaitility.await().atMost(TIMEOUT).pollInterval(Duration.ofSeconds(1))
                    .until(() -> SalesOrders.items(dynamo).equals(expected));
        }
    }
}
