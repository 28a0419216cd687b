package io.tributary.connect;

import io.tributary.api.ChangeSinkProvider;
import io.tributary.sink.dynamodb.DynamoDbSinkProvider;

/** The task of {@link DynamoDbSinkConnector}. */
public final class DynamoDbSinkTask extends ChangeSinkTask {
    @Override
    protected ChangeSinkProvider provider() {
        return new DynamoDbSinkProvider();
    }
}
