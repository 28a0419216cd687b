package io.tributary.bench.jmh;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.tributary.core.json.ConnectJsonEncoder;
import org.apache.kafka.connect.json.JsonConverter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Encoding one {@code orders} change event to JSON: Tributary's encoder against Kafka Connect's JsonConverter (what
 * Debezium uses), with and without schemas. Both produce the same bytes (asserted in the setup).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class JsonEncodingBenchmark {
    @Param({"true", "false"})
    public boolean schemas;

    private OrdersEvent event;
    private ConnectJsonEncoder encoder;
    private JsonConverter converter;

    @Setup
    public void setUp() {
        event = new OrdersEvent();
        encoder = new ConnectJsonEncoder(schemas);
        converter = new JsonConverter();
        converter.configure(Map.of("schemas.enable", String.valueOf(schemas)), false);
        if (!java.util.Arrays.equals(tributary(), jsonConverter())) {
            throw new IllegalStateException("the encoders disagree:\n" + new String(tributary()) + "\n"
                    + new String(jsonConverter()));
        }
    }

    @Benchmark
    public byte[] tributary() {
        return encoder.encode(event.schema, event.value);
    }

    @Benchmark
    public byte[] jsonConverter() {
        return converter.fromConnectData("bench.stream.orders", event.connectSchema, event.connectValue);
    }
}
