package io.tributary.sink.hudi;

import java.util.List;
import java.util.Map;

import io.tributary.api.ChangeSink;
import io.tributary.api.ChangeSinkProvider;
import io.tributary.api.config.ConfigProblem;

/** The {@code hudi} sink type. */
public final class HudiSinkProvider implements ChangeSinkProvider {
    @Override
    public String type() {
        return "hudi";
    }

    @Override
    public List<ConfigProblem> validate(Map<String, String> config) {
        return HudiSinkConfig.DEFINITION.validate(config);
    }

    @Override
    public ChangeSink create() {
        return new HudiSink();
    }

    @Override
    public boolean keepsOffsets(Map<String, String> config) {
        return true;
    }
}
