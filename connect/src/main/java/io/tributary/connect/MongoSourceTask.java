package io.tributary.connect;

import java.util.Map;

import io.tributary.core.retry.Retry;
import io.tributary.source.mongodb.MongoSourceProvider;

/** Runs the MongoDB source inside a Connect worker. */
public final class MongoSourceTask extends ChangeSourceTask {
    public MongoSourceTask() {
        super(new MongoSourceProvider());
    }

    @Override
    protected Retry prepare(Map<String, String> properties) {
        return MongoSourceProvider.retry(properties);
    }
}
