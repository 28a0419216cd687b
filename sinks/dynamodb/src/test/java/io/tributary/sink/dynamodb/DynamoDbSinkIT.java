package io.tributary.sink.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.tributary.api.ChangeRecord;
import io.tributary.api.EventSchema;
import io.tributary.api.EventSchema.Type;
import io.tributary.api.SinkException;
import io.tributary.testkit.FaultyDynamoDbProxy;
import io.tributary.testkit.TestingDynamoDb;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** The DynamoDB sink against DynamoDB Local: envelopes, unwrapped rows, tombstones, batches, table checks. */
class DynamoDbSinkIT {
    private static final EventSchema KEY = EventSchema.struct("shop.shop.items.Key", EventSchema.fieldsBuilder()
            .add("id", EventSchema.of(Type.INT32)).build());
    private static final EventSchema ROW = EventSchema.struct("shop.shop.items.Value", EventSchema.fieldsBuilder()
            .add("id", EventSchema.of(Type.INT32))
            .add("name", EventSchema.of(Type.STRING).asOptional())
            .add("price", EventSchema.of(Type.BYTES).withName(EventSchema.DECIMAL, 1).withParameter("scale", "2"))
            .add("data", EventSchema.of(Type.STRING).withName("io.debezium.data.Json", 1).asOptional())
            .add("raw", EventSchema.of(Type.BYTES).asOptional())
            .add("active", EventSchema.of(Type.BOOLEAN))
            .build());
    private static final EventSchema ENVELOPE = EventSchema.struct("shop.shop.items.Envelope",
            EventSchema.fieldsBuilder()
                    .add("before", ROW.asOptional())
                    .add("after", ROW.asOptional())
                    .add("op", EventSchema.of(Type.STRING))
                    .build());

    @Test
    void envelopesBecomePutsAndDeletesAndTheTableConverges() throws Exception {
        try (TestingDynamoDb dynamo = TestingDynamoDb.create(); DynamoDbSink sink = start(dynamo, Map.of())) {
            Object[] one = row(1, "pen", "1.50", "{\"tags\":[\"a\",1],\"n\":null}");
            Object[] oneRenamed = row(1, "fountain pen", "1.75", null);
            Object[] two = row(2, "ink", "7.25", null);
            sink.write(List.of(envelope("r", null, one), envelope("c", null, two)));
            sink.flush();
            sink.write(List.of(envelope("u", one, oneRenamed), envelope("d", two, null), tombstone(2)));
            sink.flush();

            List<Map<String, AttributeValue>> items = dynamo.client().scan(b -> b.tableName("kafka_shop.shop.items"))
                    .items();
            assertThat(items).hasSize(1);
            Map<String, AttributeValue> item = items.get(0);
            assertThat(item.get("id").n()).isEqualTo("1");
            assertThat(item.get("name").s()).isEqualTo("fountain pen");
            assertThat(item.get("price").n()).isEqualTo("1.75");
            assertThat(item.get("data").nul()).isTrue();
            assertThat(item.get("raw").b()).isEqualTo(SdkBytes.fromByteArray(new byte[] {1, 2}));
            assertThat(item.get("active").bool()).isTrue();
            var table = dynamo.client().describeTable(b -> b.tableName("kafka_shop.shop.items")).table();
            assertThat(table.keySchema()).singleElement().satisfies(key -> {
                assertThat(key.attributeName()).isEqualTo("id");
                assertThat(key.keyType()).isEqualTo(KeyType.HASH);
            });
            assertThat(table.attributeDefinitions().get(0).attributeType()).isEqualTo(ScalarAttributeType.N);

            sink.write(List.of(envelope("u", oneRenamed, one)));
            sink.flush();
            Map<String, AttributeValue> json = dynamo.client().getItem(b -> b.tableName("kafka_shop.shop.items")
                    .key(Map.of("id", AttributeValue.fromN("1")))).item().get("data").m();
            assertThat(json.get("tags").l()).containsExactly(AttributeValue.fromS("a"), AttributeValue.fromN("1"));
            assertThat(json.get("n").nul()).isTrue();
        }
    }

    @Test
    void manyWritesOfOneKeyInABatchKeepTheLastAndLargeBatchesAreSplit() throws Exception {
        try (TestingDynamoDb dynamo = TestingDynamoDb.create(); DynamoDbSink sink = start(dynamo, Map.of())) {
            List<ChangeRecord> records = new ArrayList<>();
            for (int id = 1; id <= 60; id++) {
                records.add(envelope("c", null, row(id, "v1", "1.00", null)));
            }
            for (int id = 1; id <= 60; id += 2) {
                records.add(envelope("u", null, row(id, "v2", "2.00", null)));
            }
            records.add(envelope("d", row(60, "v1", "1.00", null), null));
            sink.write(records);
            sink.flush();

            List<Map<String, AttributeValue>> items = dynamo.client().scan(b -> b.tableName("kafka_shop.shop.items"))
                    .items();
            assertThat(items).hasSize(59);
            Map<String, String> names = new HashMap<>();
            items.forEach(item -> names.put(item.get("id").n(), item.get("name").s()));
            assertThat(names).containsEntry("1", "v2").containsEntry("2", "v1").containsEntry("59", "v2")
                    .doesNotContainKey("60");
        }
    }

    @Test
    void manyPendingWritesAreSentWithoutWaitingForTheFlush() throws Exception {
        try (TestingDynamoDb dynamo = TestingDynamoDb.create(); DynamoDbSink sink = start(dynamo, Map.of())) {
            List<ChangeRecord> records = new ArrayList<>();
            for (int id = 1; id <= DynamoDbSink.SEND_AT; id++) {
                records.add(envelope("r", null, row(id, "v1", "1.00", null)));
            }
            sink.write(records.subList(0, 10));
            assertThat(dynamo.client().listTables().tableNames()).as("10 writes wait for the flush").isEmpty();

            sink.write(records.subList(10, records.size()));

            assertThat(dynamo.client().scan(b -> b.tableName("kafka_shop.shop.items")).items())
                    .hasSize(DynamoDbSink.SEND_AT);
        }
    }

    @Test
    void unwrappedRowsAndRewrittenDeletesAreUnderstood() throws Exception {
        try (TestingDynamoDb dynamo = TestingDynamoDb.create(); DynamoDbSink sink = start(dynamo, Map.of())) {
            EventSchema rewritten = EventSchema.struct("shop.shop.items.Value", EventSchema.fieldsBuilder()
                    .add("id", EventSchema.of(Type.INT32)).add("__deleted", EventSchema.of(Type.STRING).asOptional())
                    .build());
            sink.write(List.of(
                    new ChangeRecord("shop.shop.items", KEY, new Object[] {1}, rewritten, new Object[] {1, "false"},
                            Map.of(), Map.of()),
                    new ChangeRecord("shop.shop.items", KEY, new Object[] {2}, rewritten, new Object[] {2, "false"},
                            Map.of(), Map.of())));
            sink.flush();
            sink.write(List.of(new ChangeRecord("shop.shop.items", KEY, new Object[] {1}, rewritten,
                    new Object[] {1, "true"}, Map.of(), Map.of())));
            sink.flush();

            assertThat(dynamo.client().scan(b -> b.tableName("kafka_shop.shop.items")).items())
                    .extracting(item -> item.get("id").n()).containsExactly("2");
        }
    }

    @Test
    void aTableWhoseKeyDisagreesIsAClearError() throws Exception {
        try (TestingDynamoDb dynamo = TestingDynamoDb.create()) {
            DynamoDbClient client = dynamo.client();
            client.createTable(b -> b.tableName("kafka_shop.shop.items")
                    .keySchema(k -> k.attributeName("sku").keyType(KeyType.HASH))
                    .attributeDefinitions(a -> a.attributeName("sku").attributeType(ScalarAttributeType.S))
                    .billingMode("PAY_PER_REQUEST"));
            try (DynamoDbSink sink = start(dynamo, Map.of())) {
                sink.write(List.of(envelope("c", null, row(1, "pen", "1.00", null))));
                assertThatThrownBy(sink::flush).isInstanceOf(SinkException.class)
                        .hasMessageContaining("DynamoDB table kafka_shop.shop.items has the key [sku] but the sink "
                                + "writes [id]");
            }
        }
    }

    @Test
    void aRecordWithoutTheKeyFieldNamesTheOptionToFix() {
        try (TestingDynamoDb dynamo = TestingDynamoDb.create();
                DynamoDbSink sink = start(dynamo, Map.of("aws.dynamodb.pk.hash", "value.ORDER_ID"))) {
            assertThatThrownBy(() -> sink.write(List.of(envelope("c", null, row(1, "pen", "1.00", null)))))
                    .isInstanceOf(SinkException.class)
                    .hasMessageContaining("has no value field ORDER_ID for the table key "
                            + "(aws.dynamodb.pk.hash=value.ORDER_ID)");
        }
    }

    @Test
    void anItemOverFourHundredKilobytesStopsTheSinkOrIsSetAsideWhenTolerated(@org.junit.jupiter.api.io.TempDir
            java.nio.file.Path directory) throws Exception {
        Object[] huge = row(1, "x".repeat(450 * 1024), "1.00", null);
        try (TestingDynamoDb dynamo = TestingDynamoDb.create(); DynamoDbSink sink = start(dynamo, Map.of())) {
            assertThatThrownBy(() -> sink.write(List.of(envelope("c", null, huge))))
                    .isInstanceOf(SinkException.class)
                    .hasMessageContaining("over DynamoDB's limit of 400 KB")
                    .hasMessageContaining("errors.tolerance=all");
        }
        java.nio.file.Path deadLetters = directory.resolve("dead-letters.jsonl");
        try (TestingDynamoDb dynamo = TestingDynamoDb.create(); DynamoDbSink sink = start(dynamo,
                Map.of("errors.tolerance", "all", "errors.deadletterqueue.file", deadLetters.toString()))) {
            sink.write(List.of(envelope("c", null, huge), envelope("c", null, row(2, "pen", "1.00", null))));
            sink.flush();

            assertThat(dynamo.client().scan(b -> b.tableName("kafka_shop.shop.items")).items())
                    .extracting(item -> item.get("id").n()).containsExactly("2");
            assertThat(java.nio.file.Files.readAllLines(deadLetters)).singleElement().asString()
                    .contains("\"topic\":\"shop.shop.items\"").contains("over DynamoDB's limit of 400 KB");
        }
    }

    @Test
    void throttledCallsAndUnprocessedItemsAreRetriedUntilEveryRowIsStored() throws Exception {
        try (TestingDynamoDb dynamo = TestingDynamoDb.create();
                FaultyDynamoDbProxy proxy = FaultyDynamoDbProxy.create(dynamo.endpoint());
                DynamoDbSink sink = start(dynamo, Map.of("aws.dynamodb.endpoint", proxy.endpoint().toString(),
                        "retry.backoff.ms", "10"))) {
            proxy.throttle(5);
            proxy.returnUnprocessed(2);
            List<ChangeRecord> rows = new ArrayList<>();
            for (int id = 1; id <= 60; id++) {
                rows.add(envelope("c", null, row(id, "item " + id, id + ".00", null)));
            }
            sink.write(rows);
            sink.flush();

            assertThat(proxy.throttledCalls()).isEqualTo(5);
            assertThat(proxy.partialCalls()).isEqualTo(2);
            assertThat(dynamo.client().scan(b -> b.tableName("kafka_shop.shop.items")).items())
                    .extracting(item -> Integer.valueOf(item.get("id").n()))
                    .containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.rangeClosed(1, 60).boxed()
                            .toList());
        }
    }

    @Test
    void writesStillRefusedAfterMaxRetriesStopTheSinkNamingTheTable() throws Exception {
        try (TestingDynamoDb dynamo = TestingDynamoDb.create();
                FaultyDynamoDbProxy proxy = FaultyDynamoDbProxy.create(dynamo.endpoint());
                DynamoDbSink sink = start(dynamo, Map.of("aws.dynamodb.endpoint", proxy.endpoint().toString(),
                        "retry.backoff.ms", "1", "max.retries", "2"))) {
            proxy.throttle(1_000);
            sink.write(List.of(envelope("c", null, row(1, "pen", "1.50", null))));

            assertThatThrownBy(sink::flush).isInstanceOf(SinkException.class)
                    .hasMessageContaining("kafka_shop.shop.items").hasMessageContaining("after 2 retries");
        }
    }

    @Test
    void serverErrorsOnTheTableCheckAndCreationAreRetriedLikeWrites() throws Exception {
        try (TestingDynamoDb dynamo = TestingDynamoDb.create();
                FaultyDynamoDbProxy proxy = FaultyDynamoDbProxy.create(dynamo.endpoint());
                DynamoDbSink sink = start(dynamo, Map.of("aws.dynamodb.endpoint", proxy.endpoint().toString(),
                        "retry.backoff.ms", "10", "max.retries", "4"))) {
            proxy.failNext(3); // the first table check: DynamoDB answers 500 three times, then the table is created
            sink.write(List.of(envelope("c", null, row(1, "pen", "1.50", null))));
            sink.flush();

            assertThat(proxy.failedCalls()).isEqualTo(3);
            assertThat(dynamo.client().scan(b -> b.tableName("kafka_shop.shop.items")).items())
                    .extracting(item -> item.get("id").n()).containsExactly("1");
        }
    }

    @Test
    void anOutageLongerThanMaxRetriesStopsTheSinkNamingTheEndpointAndTheLastFailure() throws Exception {
        try (TestingDynamoDb dynamo = TestingDynamoDb.create();
                FaultyDynamoDbProxy proxy = FaultyDynamoDbProxy.create(dynamo.endpoint());
                DynamoDbSink sink = start(dynamo, Map.of("aws.dynamodb.endpoint", proxy.endpoint().toString(),
                        "retry.backoff.ms", "1", "max.retries", "2"))) {
            sink.write(List.of(envelope("c", null, row(1, "pen", "1.50", null))));
            sink.flush();
            proxy.cut();
            sink.write(List.of(envelope("c", null, row(2, "ink", "7.25", null))));

            assertThatThrownBy(sink::flush).isInstanceOf(SinkException.class)
                    .hasMessageContaining("kafka_shop.shop.items").hasMessageContaining("after 2 retries")
                    .hasMessageContaining("Unable to execute HTTP request")
                    .hasMessageContaining("DynamoDB at " + proxy.endpoint() + " is reachable");
        }
    }

    private static DynamoDbSink start(TestingDynamoDb dynamo, Map<String, String> overrides) {
        Map<String, String> config = new HashMap<>(Map.of(
                "aws.dynamodb.region", TestingDynamoDb.REGION.id(),
                "aws.dynamodb.endpoint", dynamo.endpoint().toString(),
                "aws.access.key.id", TestingDynamoDb.CREDENTIALS.accessKeyId(),
                "aws.secret.access.key", TestingDynamoDb.CREDENTIALS.secretAccessKey(),
                "table.name.format", "kafka_${topic}",
                "aws.dynamodb.pk.hash", "value.id",
                "aws.dynamodb.pk.sort", ""));
        config.putAll(overrides);
        DynamoDbSink sink = new DynamoDbSink();
        sink.start("shop", config);
        return sink;
    }

    private static Object[] row(int id, String name, String price, String json) {
        return new Object[] {id, name, new BigDecimal(price), json, new byte[] {1, 2}, true};
    }

    private static ChangeRecord envelope(String op, Object[] before, Object[] after) {
        Object[] key = {after != null ? after[0] : before[0]};
        return new ChangeRecord("shop.shop.items", KEY, key, ENVELOPE, new Object[] {before, after, op}, Map.of(),
                Map.of());
    }

    private static ChangeRecord tombstone(int id) {
        return new ChangeRecord("shop.shop.items", KEY, new Object[] {id}, null, null, Map.of(), Map.of());
    }
}
