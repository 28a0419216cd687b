package io.tributary.connect.transforms;

import java.util.HashMap;
import java.util.Map;

import io.tributary.api.ChangeRecord;
import io.tributary.connect.ConnectBridge;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.header.Headers;
import org.apache.kafka.connect.transforms.Transformation;

/**
 * Tributary's unwrap ({@link io.tributary.transforms.ExtractNewRecordState}, Debezium 3.5's semantics) as a Kafka
 * Connect transformation, for workers without Debezium's jars: {@code transforms.unwrap.type=} this class.
 */
public final class ExtractNewRecordState<R extends ConnectRecord<R>> implements Transformation<R> {
    private final io.tributary.transforms.ExtractNewRecordState unwrap =
            new io.tributary.transforms.ExtractNewRecordState();
    private final ConnectBridge bridge = new ConnectBridge();

    @Override
    public void configure(Map<String, ?> configs) {
        Map<String, String> config = new HashMap<>();
        configs.forEach((key, value) -> config.put(key, value == null ? null : String.valueOf(value)));
        unwrap.configure(config);
    }

    @Override
    public R apply(R record) {
        ChangeRecord result = unwrap.apply(bridge.toChangeRecord(record));
        if (result == null) {
            return null;
        }
        Headers headers = record.headers().duplicate();
        for (ChangeRecord.Header header : result.headers()) {
            headers.add(header.key(), bridge.connectValue(header.schema(), header.value()),
                    bridge.connectSchema(header.schema()));
        }
        return record.newRecord(result.topic(), record.kafkaPartition(), record.keySchema(), record.key(),
                bridge.connectSchema(result.valueSchema()), bridge.connectValue(result.valueSchema(), result.value()),
                record.timestamp(), headers);
    }

    @Override
    public ConfigDef config() {
        return bridge.configDef(io.tributary.transforms.ExtractNewRecordState.DEFINITION);
    }

    @Override
    public void close() {
    }
}
