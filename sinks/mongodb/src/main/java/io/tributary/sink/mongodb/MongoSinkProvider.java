package io.tributary.sink.mongodb;

import java.util.List;
import java.util.Map;

import io.tributary.api.ChangeSink;
import io.tributary.api.ChangeSinkProvider;
import io.tributary.api.config.ConfigProblem;

/** The {@code mongodb} sink type. */
public final class MongoSinkProvider implements ChangeSinkProvider {
    @Override
    public String type() {
        return "mongodb";
    }

    @Override
    public List<ConfigProblem> validate(Map<String, String> config) {
        return MongoSinkConfig.DEFINITION.validate(config);
    }

    @Override
    public ChangeSink create() {
        return new MongoSink();
    }
}
