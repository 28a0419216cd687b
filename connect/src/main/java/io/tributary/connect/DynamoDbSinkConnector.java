package io.tributary.connect;

import io.tributary.api.ChangeSinkProvider;
import io.tributary.sink.dynamodb.DynamoDbSinkProvider;
import org.apache.kafka.connect.connector.Task;

/** Tributary's DynamoDb sink on Kafka Connect (the settings of the standalone sink; README). */
public final class DynamoDbSinkConnector extends ChangeSinkConnector {
    @Override
    protected ChangeSinkProvider provider() {
        return new DynamoDbSinkProvider();
    }

    @Override
    public Class<? extends Task> taskClass() {
        return DynamoDbSinkTask.class;
    }
}
