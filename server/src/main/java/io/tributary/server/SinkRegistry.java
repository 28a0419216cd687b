package io.tributary.server;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;

import io.tributary.api.ChangeSink;
import io.tributary.api.ChangeSinkProvider;
import io.tributary.api.config.ConfigProblem;

/** The sink types on the class path, found with {@link ServiceLoader}. */
public final class SinkRegistry {
    private final Map<String, ChangeSinkProvider> providers = new TreeMap<>();

    public SinkRegistry() {
        this(ServiceLoader.load(ChangeSinkProvider.class));
    }

    /** These sink types only (tests: in-memory sinks, sinks that fail on command). */
    SinkRegistry(Iterable<? extends ChangeSinkProvider> available) {
        available.forEach(provider -> providers.put(provider.type(), provider));
    }

    public Set<String> types() {
        return providers.keySet();
    }

    List<ConfigProblem> validate(String type, Map<String, String> config) {
        return providers.get(type).validate(config);
    }

    /** Whether a sink of this type and configuration keeps the source's offsets itself. */
    boolean keepsOffsets(String type, Map<String, String> config) {
        ChangeSinkProvider provider = providers.get(type);
        return provider != null && provider.keepsOffsets(config);
    }

    ChangeSink create(String type) {
        ChangeSinkProvider provider = providers.get(type);
        if (provider == null) {
            throw new IllegalArgumentException("unknown sink type " + type + "; known: " + types());
        }
        return provider.create();
    }
}
