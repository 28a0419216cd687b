package io.tributary.connect.transforms;

import org.apache.kafka.connect.connector.ConnectRecord;

/**
 * Tributary's MongoDB unwrap ({@link io.tributary.transforms.ExtractNewDocumentState}, Debezium's
 * {@code io.debezium.connector.mongodb.transforms.ExtractNewDocumentState}) as a Kafka Connect transformation, for
 * workers without Debezium's jars: {@code transforms.unwrap.type=} this class. It writes the key as well (the
 * document key becomes a struct of the _id's value).
 */
public final class ExtractNewDocumentState<R extends ConnectRecord<R>> extends TributaryTransformation<R> {
    public ExtractNewDocumentState() {
        super(new io.tributary.transforms.ExtractNewDocumentState(),
                io.tributary.transforms.ExtractNewDocumentState.DEFINITION, true);
    }
}
