package io.tributary.connect.transforms;

import java.util.HashMap;
import java.util.Map;

import io.tributary.api.ChangeRecord;
import io.tributary.api.ChangeTransform;
import io.tributary.api.config.ConfigDefinition;
import io.tributary.connect.ConnectBridge;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.header.Headers;
import org.apache.kafka.connect.transforms.Transformation;

/**
 * One of Tributary's transforms as a Kafka Connect transformation: each record made Tributary's, transformed, and made
 * Kafka Connect's again — the topic, value and added headers the transform's, the key the transform's or the
 * record's own (for transforms that leave keys alone, so that they pass exactly as they came).
 */
abstract class TributaryTransformation<R extends ConnectRecord<R>> implements Transformation<R> {
    private final ChangeTransform transform;
    private final ConfigDefinition definition;
    private final boolean changesKeys;
    private final ConnectBridge bridge = new ConnectBridge();

    TributaryTransformation(ChangeTransform transform, ConfigDefinition definition, boolean changesKeys) {
        this.transform = transform;
        this.definition = definition;
        this.changesKeys = changesKeys;
    }

    @Override
    public void configure(Map<String, ?> configs) {
        Map<String, String> config = new HashMap<>();
        configs.forEach((key, value) -> config.put(key, value == null ? null : String.valueOf(value)));
        transform.configure(config);
    }

    @Override
    public R apply(R record) {
        ChangeRecord result = transform.apply(bridge.toChangeRecord(record));
        if (result == null) {
            return null;
        }
        Headers headers = record.headers().duplicate();
        for (ChangeRecord.Header header : result.headers()) {
            headers.add(header.key(), bridge.connectValue(header.schema(), header.value()),
                    bridge.connectSchema(header.schema()));
        }
        Schema keySchema = changesKeys ? bridge.connectSchema(result.keySchema()) : record.keySchema();
        Object key = changesKeys ? bridge.connectValue(result.keySchema(), result.key()) : record.key();
        return record.newRecord(result.topic(), record.kafkaPartition(), keySchema, key,
                bridge.connectSchema(result.valueSchema()), bridge.connectValue(result.valueSchema(), result.value()),
                record.timestamp(), headers);
    }

    @Override
    public ConfigDef config() {
        return bridge.configDef(definition);
    }

    @Override
    public void close() {
        transform.close();
    }
}
