package io.tributary.server;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

import io.tributary.api.ChangeSource;
import io.tributary.api.ChangeSourceProvider;
import io.tributary.api.SourceIdentity;
import io.tributary.api.config.ConfigException;
import io.tributary.api.config.ConfigProblem;

/**
 * The sources on the class path, found with {@link ServiceLoader}, each selected by the {@code connector.class}
 * values it names. A pipeline without {@code connector.class} gets the first source's first class (the MySQL source's
 * when it is there), as pipelines written before there were several sources expect.
 */
public final class SourceRegistry {
    private static final class Installed {
        static final SourceRegistry SOURCES = new SourceRegistry();
    }

    private final Map<String, ChangeSourceProvider> byClass = new LinkedHashMap<>();
    private final List<ChangeSourceProvider> providers = new ArrayList<>();

    private SourceRegistry() {
        this(ServiceLoader.load(ChangeSourceProvider.class));
    }

    /** The sources on this class path, found once. */
    public static SourceRegistry installed() {
        return Installed.SOURCES;
    }

    SourceRegistry(Iterable<? extends ChangeSourceProvider> available) {
        available.forEach(providers::add);
        // the source a configuration without connector.class selects first, then by connector class
        providers.sort(Comparator.comparing((ChangeSourceProvider provider) -> !provider
                .selectedWithoutConnectorClass()).thenComparing(provider -> provider.connectorClasses().get(0)));
        providers.forEach(provider -> provider.connectorClasses().forEach(name -> byClass.putIfAbsent(name,
                provider)));
    }

    /** Every source, each named by its first connector class. */
    public List<ChangeSourceProvider> providers() {
        return List.copyOf(providers);
    }

    /** The source a configuration's {@code connector.class} selects, or empty when it names none here. */
    public Optional<ChangeSourceProvider> find(Map<String, String> sourceConfig) {
        return Optional.ofNullable(byClass.get(connectorClass(sourceConfig)));
    }

    /**
     * The source a configuration's {@code connector.class} selects.
     *
     * @throws ConfigException naming the known classes when it names none here
     */
    public ChangeSourceProvider require(Map<String, String> sourceConfig) {
        return find(sourceConfig).orElseThrow(() -> new ConfigException(List.of(new ConfigProblem("connector.class",
                "unknown source '" + connectorClass(sourceConfig) + "': expected one of " + byClass.keySet()))));
    }

    /** A new source of the kind the configuration selects. */
    public ChangeSource create(Map<String, String> sourceConfig) {
        return require(sourceConfig).create();
    }

    /** What a valid configuration's capture is known by. */
    public SourceIdentity identify(Map<String, String> sourceConfig) {
        return require(sourceConfig).identify(sourceConfig);
    }

    private String connectorClass(Map<String, String> sourceConfig) {
        String given = sourceConfig.get("connector.class");
        return given != null ? given.strip() : providers.isEmpty() ? "" : providers.get(0).connectorClasses().get(0);
    }
}
