package io.tributary.sink.dynamodb;

import java.util.List;
import java.util.Map;

import io.tributary.api.ChangeSink;
import io.tributary.api.ChangeSinkProvider;
import io.tributary.api.config.ConfigProblem;

/** The {@code dynamodb} sink type. */
public final class DynamoDbSinkProvider implements ChangeSinkProvider {
    @Override
    public String type() {
        return "dynamodb";
    }

    @Override
    public List<ConfigProblem> validate(Map<String, String> config) {
        return DynamoDbSinkConfig.DEFINITION.validate(DynamoDbSinkConfig.normalized(config));
    }

    @Override
    public ChangeSink create() {
        return new DynamoDbSink();
    }
}
