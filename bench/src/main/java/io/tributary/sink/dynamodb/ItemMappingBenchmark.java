package io.tributary.sink.dynamodb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.tributary.api.ChangeRecord;
import io.tributary.bench.jmh.OrdersEvent;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The DynamoDB sink's own work per record before any network call, over a batch of 500 change events of the
 * {@code orders} table where every tenth key repeats: mapping each to an item (exact decimal, strings, nulls),
 * measuring its size against the 400 KB limit, and grouping the writes into BatchWriteItem calls
 * ({@link WriteBatches}: the last write per key, 25 per call). (In the sink's package, for its package-private
 * steps.)
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ItemMappingBenchmark {
    private static final int RECORDS = 500;

    private ItemMapper mapper;
    private final List<ChangeRecord> batch = new ArrayList<>();

    @Setup
    public void setUp() {
        mapper = new ItemMapper(DynamoDbSinkConfig.parse(Map.of("aws.dynamodb.region", "us-east-1",
                "aws.dynamodb.pk.hash", "value.id", "table.name.format", "orders"), false));
        OrdersEvent event = new OrdersEvent();
        for (int i = 0; i < RECORDS; i++) {
            long id = i % 10 == 9 ? i - 1 : i;
            Object[] after = ((Object[]) event.value[1]).clone();
            after[0] = id;
            Object[] envelope = event.value.clone();
            envelope[1] = after;
            batch.add(new ChangeRecord("bench.stream.orders", event.keySchema, new Object[] {id}, event.schema,
                    envelope, Map.of("server", "bench"), Map.of("pos", (long) i)));
        }
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public int mapSizeAndBatch() {
        List<Write> writes = new ArrayList<>(batch.size());
        long bytes = 0;
        for (ChangeRecord record : batch) {
            Write write = mapper.map(record).orElseThrow();
            bytes += ItemSizes.of(write.item());
            writes.add(write);
        }
        return (int) bytes + WriteBatches.of(writes).get("orders").size();
    }
}
