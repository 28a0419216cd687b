package io.tributary.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.tributary.testkit.TestingDynamoDb;
import io.tributary.testkit.TestingMariaDb;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * Scenario S4 on Kafka Connect, as seed 003 runs it on MSK Connect: the seed's source configuration (Tributary's
 * connector class, Debezium's unwrap transform, StringConverter keys, schemaless JSON values) into Kafka, and the
 * seed's DynamoDB sink configuration with Tributary's sink connector class out of it. 29,000 orders, then inserts,
 * updates and deletes: the DynamoDB table ends equal to the MySQL table. And an item DynamoDB cannot store goes to
 * Connect's dead-letter queue with {@code errors.tolerance=all}.
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

    @Test
    void anItemOverDynamoDbsLimitGoesToConnectsDeadLetterQueueAndTheRestArrives() {
        try (TestingMariaDb mariaDb = TestingMariaDb.create(); TestingDynamoDb dynamo = TestingDynamoDb.create();
                ConnectPipeline connect = ConnectPipeline.start(Map.of())) {
            mariaDb.execute("CREATE DATABASE salesdb",
                    "CREATE TABLE salesdb.SALES_ORDER (ORDER_ID INT PRIMARY KEY, SITE_ID INT NOT NULL, "
                            + "NOTES MEDIUMTEXT)",
                    "INSERT INTO salesdb.SALES_ORDER VALUES (1, 10, 'short'), (2, 20, REPEAT('x', 500000)), "
                            + "(3, 30, NULL)");
            connect.deploy("salesdb-source", SeedConfigs.pointedAt("003-rds-salesdb-dynamodb.properties",
                    "io.tributary.connect.MySqlSourceConnector", mariaDb, connect.kafka()));
            Map<String, String> sink = new HashMap<>(SeedConfigs.load("003-dynamodb-sink.properties"));
            sink.put("connector.class", "io.tributary.connect.DynamoDbSinkConnector");
            sink.put("aws.dynamodb.region", TestingDynamoDb.REGION.id());
            sink.put("aws.dynamodb.endpoint", dynamo.endpoint().toString());
            sink.put("aws.access.key.id", TestingDynamoDb.CREDENTIALS.accessKeyId());
            sink.put("aws.secret.access.key", TestingDynamoDb.CREDENTIALS.secretAccessKey());
            sink.put("confluent.topic.bootstrap.servers", connect.kafka().bootstrapServers());
            sink.put("errors.tolerance", "all");
            sink.put("errors.deadletterqueue.topic.name", "salesdb-dlq");
            sink.put("errors.deadletterqueue.topic.replication.factor", "1");
            sink.put("errors.deadletterqueue.context.headers.enable", "true");
            connect.deploy("dynamodb-sink", sink, 2);

            connect.awaitRecords("salesdb-dlq", 1);
            ConsumerRecord<String, String> rejected = connect.kafka().readAll("salesdb-dlq").get(0);
            assertThat(rejected.key()).isEqualTo("Struct{ORDER_ID=2}");
            assertThat(rejected.value()).contains("\"ORDER_ID\":2").hasSizeGreaterThan(500_000);
            assertThat(text(rejected, "__connect.errors.exception.message"))
                    .contains("over DynamoDB's limit of 400 KB").contains("kafka_salesdb.salesdb.SALES_ORDER");
            assertThat(text(rejected, "__connect.errors.topic")).isEqualTo("salesdb.salesdb.SALES_ORDER");

            mariaDb.execute("INSERT INTO salesdb.SALES_ORDER VALUES (4, 40, 'after')");
            Awaitility.await().atMost(TIMEOUT).pollInterval(Duration.ofSeconds(1)).until(() -> orderIds(dynamo),
                    ids -> ids.equals(List.of(1, 3, 4)));
            assertThat(connect.kafka().readAll("salesdb-dlq")).hasSize(1);
        }
    }

    private static String text(ConsumerRecord<?, ?> record, String header) {
        Header found = record.headers().lastHeader(header);
        assertThat(found).as("header %s", header).isNotNull();
        return new String(found.value(), StandardCharsets.UTF_8);
    }

    private static List<Integer> orderIds(TestingDynamoDb dynamo) {
        try {
            return dynamo.client().scanPaginator(builder -> builder.tableName(SalesOrders.TABLE)).items().stream()
                    .map(item -> Integer.valueOf(item.get("ORDER_ID").n())).sorted().toList();
        } catch (ResourceNotFoundException notYet) {
            return List.of();
        }
    }
}
