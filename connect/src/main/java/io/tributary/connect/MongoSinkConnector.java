package io.tributary.connect;

import io.tributary.api.ChangeSinkProvider;
import io.tributary.sink.mongodb.MongoSinkProvider;
import org.apache.kafka.connect.connector.Task;

/** Tributary's Mongo sink on Kafka Connect (the settings of the standalone sink; README). */
public final class MongoSinkConnector extends ChangeSinkConnector {
    @Override
    protected ChangeSinkProvider provider() {
        return new MongoSinkProvider();
    }

    @Override
    public Class<? extends Task> taskClass() {
        return MongoSinkTask.class;
    }
}
