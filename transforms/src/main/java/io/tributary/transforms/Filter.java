package io.tributary.transforms;

import java.util.Map;

import io.tributary.api.ChangeRecord;
import io.tributary.api.ChangeTransform;

/** Kafka Connect's {@code Filter}: drops every record it applies to; used with a predicate. */
public final class Filter implements ChangeTransform {
    @Override
    public void configure(Map<String, String> config) {
    }

    @Override
    public ChangeRecord apply(ChangeRecord record) {
        return null;
    }
}
