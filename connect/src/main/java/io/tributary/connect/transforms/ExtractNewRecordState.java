package io.tributary.connect.transforms;

import org.apache.kafka.connect.connector.ConnectRecord;

/**
 * Tributary's unwrap ({@link io.tributary.transforms.ExtractNewRecordState}, Debezium 3.5's semantics) as a Kafka
 * Connect transformation, for workers without Debezium's jars: {@code transforms.unwrap.type=} this class.
 */
public final class ExtractNewRecordState<R extends ConnectRecord<R>> extends TributaryTransformation<R> {
    public ExtractNewRecordState() {
        super(new io.tributary.transforms.ExtractNewRecordState(),
                io.tributary.transforms.ExtractNewRecordState.DEFINITION, false);
    }
}
