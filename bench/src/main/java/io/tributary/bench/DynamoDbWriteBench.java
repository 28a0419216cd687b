package io.tributary.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.tributary.api.ChangeRecord;
import io.tributary.api.EventSchema;
import io.tributary.api.EventSchema.Type;
import io.tributary.sink.dynamodb.DynamoDbSink;
import io.tributary.testkit.TestingDynamoDb;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Items per second into DynamoDB Local: Tributary's DynamoDB sink (BatchWriteItem, 25 a call) against one PutItem
 * per row, the way a naive sink writes. Same rows (seed 003's SALES_ORDER shape), same server, alternating runs;
 * medians of {@code RUNS}. Prints a markdown table and writes it to {@code bench/results/dynamodb-sink.md}.
 */
public final class DynamoDbWriteBench {
    private static final int ROWS = 10_000;
    private static final int RUNS = 3;
    private static final EventSchema ROW = EventSchema.struct("salesdb.salesdb.SALES_ORDER.Value",
            EventSchema.fieldsBuilder()
                    .add("ORDER_ID", EventSchema.of(Type.INT32))
                    .add("SITE_ID", EventSchema.of(Type.INT32))
                    .add("ORDER_DATE", EventSchema.of(Type.INT64).withName("io.debezium.time.Timestamp", 1))
                    .add("SHIP_MODE", EventSchema.of(Type.STRING).asOptional())
                    .add("AMOUNT", EventSchema.of(Type.BYTES).withName(EventSchema.DECIMAL, 1)
                            .withParameter("scale", "2"))
                    .build());

    private DynamoDbWriteBench() {
    }

    public static void main(String[] args) throws Exception {
        double[] batched = new double[RUNS];
        double[] single = new double[RUNS];
        try (TestingDynamoDb dynamo = TestingDynamoDb.create()) {
            for (int run = 0; run < RUNS; run++) {
                batched[run] = batched(dynamo, "batched_" + run);
                single[run] = single(dynamo.client(), "single_" + run);
            }
        }
        double batchedMedian = median(batched);
        double singleMedian = median(single);
        String table = String.format(Locale.ROOT, """
                | writer (%,d rows, DynamoDB Local 2.6.1, %d runs) | items/s, median | runs |
                |---|---|---|
                | Tributary DynamoDB sink (BatchWriteItem, 25 per call) | %,.0f | %s |
                | one PutItem per row | %,.0f | %s |
                | ratio | %.1f× | |
                """, ROWS, RUNS, batchedMedian, format(batched), singleMedian, format(single),
                batchedMedian / singleMedian);
        System.out.print(table);
        Path results = Path.of(args.length > 0 ? args[0] : "bench/results/dynamodb-sink.md");
        Files.createDirectories(results.getParent());
        Files.writeString(results, "# DynamoDB sink write throughput\n\nMeasured with `bench/run.sh "
                + "DynamoDbWriteBench` on this project's 2-core machine class; DynamoDB Local runs in the same JVM, so "
                + "these figures compare write strategies, not AWS latency.\n\n" + table);
    }

    private static double batched(TestingDynamoDb dynamo, String table) throws InterruptedException {
        DynamoDbSink sink = new DynamoDbSink();
        sink.start("bench", Map.of("aws.dynamodb.region", TestingDynamoDb.REGION.id(),
                "aws.dynamodb.endpoint", dynamo.endpoint().toString(),
                "aws.access.key.id", TestingDynamoDb.CREDENTIALS.accessKeyId(),
                "aws.secret.access.key", TestingDynamoDb.CREDENTIALS.secretAccessKey(),
                "table.name.format", table, "aws.dynamodb.pk.hash", "value.ORDER_ID"));
        List<ChangeRecord> records = new ArrayList<>(ROWS);
        for (int id = 1; id <= ROWS; id++) {
            records.add(new ChangeRecord("orders", null, null, ROW, row(id), Map.of(), Map.of()));
        }
        sink.write(records.subList(0, 1));
        sink.flush(); // creates the table outside the measurement
        long start = System.nanoTime();
        for (int from = 0; from < ROWS; from += 500) {
            sink.write(records.subList(from, Math.min(ROWS, from + 500)));
            sink.flush();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        sink.close();
        return ROWS / seconds;
    }

    private static double single(DynamoDbClient client, String table) {
        client.createTable(builder -> builder.tableName(table)
                .keySchema(key -> key.attributeName("ORDER_ID").keyType("HASH"))
                .attributeDefinitions(attribute -> attribute.attributeName("ORDER_ID").attributeType("N"))
                .billingMode("PAY_PER_REQUEST"));
        long start = System.nanoTime();
        for (int id = 1; id <= ROWS; id++) {
            Object[] row = row(id);
            Map<String, AttributeValue> item = Map.of(
                    "ORDER_ID", AttributeValue.fromN(row[0].toString()),
                    "SITE_ID", AttributeValue.fromN(row[1].toString()),
                    "ORDER_DATE", AttributeValue.fromN(row[2].toString()),
                    "SHIP_MODE", AttributeValue.fromS((String) row[3]),
                    "AMOUNT", AttributeValue.fromN(((BigDecimal) row[4]).toPlainString()));
            client.putItem(builder -> builder.tableName(table).item(item));
        }
        return ROWS / ((System.nanoTime() - start) / 1e9);
    }

    private static Object[] row(int id) {
        return new Object[] {id, 1000 + id % 2000, 1_655_279_536_000L - id * 60_000L,
            id % 3 == 0 ? "STANDARD" : "ONE-DAY", new BigDecimal(id % 997 + ".25")};
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String format(double[] values) {
        return String.join(", ", Arrays.stream(values).mapToObj(v -> String.format(Locale.ROOT, "%,.0f", v)).toList());
    }
}
