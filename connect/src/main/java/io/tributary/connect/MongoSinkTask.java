package io.tributary.connect;

import io.tributary.api.ChangeSinkProvider;
import io.tributary.sink.mongodb.MongoSinkProvider;

/** The task of {@link MongoSinkConnector}. */
public final class MongoSinkTask extends ChangeSinkTask {
    @Override
    protected ChangeSinkProvider provider() {
        return new MongoSinkProvider();
    }
}
