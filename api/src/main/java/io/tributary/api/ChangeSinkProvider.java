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
}
