package io.tributary.connect;

import io.tributary.source.mongodb.MongoSourceProvider;
import org.apache.kafka.connect.connector.Task;

/** Tributary's MongoDB / DocumentDB source on Kafka Connect: a drop-in for Debezium's {@code MongoDbConnector}. */
public final class MongoSourceConnector extends ChangeSourceConnector {
    public MongoSourceConnector() {
        super(new MongoSourceProvider());
    }

    @Override
    public Class<? extends Task> taskClass() {
        return MongoSourceTask.class;
    }
}
