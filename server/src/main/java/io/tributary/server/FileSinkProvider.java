package io.tributary.server;

import java.util.List;
import java.util.Map;

import io.tributary.api.ChangeSink;
import io.tributary.api.ChangeSinkProvider;
import io.tributary.api.config.ConfigProblem;

/** The {@code file} sink type. */
public final class FileSinkProvider implements ChangeSinkProvider {
    @Override
    public String type() {
        return "file";
    }

    @Override
    public List<ConfigProblem> validate(Map<String, String> config) {
        return FileSink.DEFINITION.validate(config);
    }

    @Override
    public ChangeSink create() {
        return new FileSink();
    }
}
