package io.tributary.sink.kafka;

import java.util.List;
import java.util.Map;

import io.tributary.api.ChangeSink;
import io.tributary.api.ChangeSinkProvider;
import io.tributary.api.config.ConfigProblem;

/** The {@code kafka} sink type. */
public final class KafkaSinkProvider implements ChangeSinkProvider {
    @Override
    public String type() {
        return "kafka";
    }

    @Override
    public List<ConfigProblem> validate(Map<String, String> config) {
        return KafkaSinkConfig.validate(config);
    }

    @Override
    public ChangeSink create() {
        return new KafkaSink();
    }

    /** Under {@code exactly.once}, the offsets go to Kafka in the events' transactions. */
    @Override
    public boolean keepsOffsets(Map<String, String> config) {
        return KafkaSinkConfig.DEFINITION.parse(config).get(KafkaSinkConfig.EXACTLY_ONCE);
    }
}
