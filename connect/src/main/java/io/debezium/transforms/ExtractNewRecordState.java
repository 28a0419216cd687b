package io.debezium.transforms;

import java.util.Map;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.transforms.Transformation;

/**
 * Debezium's class name for Tributary's unwrap ({@link io.tributary.connect.transforms.ExtractNewRecordState}), so
 * that a configuration naming {@code io.debezium.transforms.ExtractNewRecordState} (seed 003's) runs unchanged on a
 * Connect worker without Debezium's jars. Shipped in its own jar ({@code tributary-connect-*-debezium-aliases.jar}),
 * to be added to Tributary's plugin directory only on such workers, so that it never competes with Debezium's own.
 */
public final class ExtractNewRecordState<R extends ConnectRecord<R>> implements Transformation<R> {
    private final io.tributary.connect.transforms.ExtractNewRecordState<R> unwrap =
            new io.tributary.connect.transforms.ExtractNewRecordState<>();

    @Override
    public void configure(Map<String, ?> configs) {
        unwrap.configure(configs);
    }

    @Override
    public R apply(R record) {
        return unwrap.apply(record);
    }

    @Override
    public ConfigDef config() {
        return unwrap.config();
    }

    @Override
    public void close() {
        unwrap.close();
    }
}
