package io.tributary.bench.capture;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

import io.tributary.testkit.TestingDynamoDb;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The product benchmark's DynamoDB: DynamoDB Local in a JVM of its own ({@link DynamoDbLocalMain}), and a client to
 * it. Tables are keyed by the {@code orders} table's {@code id}, a number.
 */
final class BenchDynamoDb implements AutoCloseable {
    static final String KEY = "id";

    private final ServerJvm server;
    private final DynamoDbClient client;

    private BenchDynamoDb(ServerJvm server) {
        this.server = server;
        this.client = TestingDynamoDb.clientBuilder(endpoint(server)).build();
    }

    static BenchDynamoDb start(Path directory) throws IOException, InterruptedException {
        return new BenchDynamoDb(ServerJvm.start(DynamoDbLocalMain.class, directory, "dynamodb-local"));
    }

    String endpoint() {
        return server.address();
    }

    private static URI endpoint(ServerJvm server) {
        return URI.create(server.address());
    }

    /** DynamoDB Local's CPU (user + system) since it started. */
    long cpuNanos() throws IOException {
        return server.cpuNanos();
    }

    void createTable(String table) {
        client.createTable(builder -> builder.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(key -> key.attributeName(KEY).keyType(KeyType.HASH))
                .attributeDefinitions(attribute -> attribute.attributeName(KEY)
                        .attributeType(ScalarAttributeType.N)));
        client.waiter().waitUntilTableExists(builder -> builder.tableName(table));
    }

    void deleteTable(String table) {
        client.deleteTable(builder -> builder.tableName(table));
        client.waiter().waitUntilTableNotExists(builder -> builder.tableName(table));
    }

    /** Whether the table holds any item yet. */
    boolean anyItem(String table) {
        try {
            return client.scan(builder -> builder.tableName(table).limit(1)).count() > 0;
        } catch (ResourceNotFoundException missing) {
            return false;
        }
    }

    /** Whether the table holds the item of this key (a strongly consistent read). */
    boolean hasItem(String table, long id) {
        return client.getItem(builder -> builder.tableName(table).consistentRead(true)
                .key(Map.of(KEY, AttributeValue.fromN(Long.toString(id))))).hasItem();
    }

    @Override
    public void close() throws Exception {
        client.close();
        server.close();
    }
}
