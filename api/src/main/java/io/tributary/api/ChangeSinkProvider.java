package io.tributary.api;

import java.util.List;
import java.util.Map;

import io.tributary.api.config.ConfigProblem;

/** Makes sinks of one type; found with {@link java.util.ServiceLoader}. */
public interface ChangeSinkProvider {
    /** The name pipelines select this sink by: {@code kafka}, {@code file}, ... */
    String type();

    /** Every problem with a sink configuration, without connecting anywhere. */
    List<ConfigProblem> validate(Map<String, String> config);

    ChangeSink create();

    /**
     * Whether a sink of this configuration keeps the source's offsets itself ({@link ChangeSink#transactionalOffsets}),
     * so that the pipeline's own offset store is not used. Decided from the configuration alone.
     */
    default boolean keepsOffsets(Map<String, String> config) {
        return false;
    }
}
