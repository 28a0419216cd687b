package io.tributary.server;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.stream.Collectors;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigTransformer;
import org.apache.kafka.common.config.provider.ConfigProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.api.config.ConfigException;
import io.tributary.api.config.ConfigProblem;

/**
 * Resolves Kafka config provider references ({@code ${provider:path:key}}, {@code ${provider:key}}) in a pipeline
 * file, with the providers the file declares as a Kafka client or Connect worker declares them:
 *
 * <pre>
 * config.providers=file,env
 * config.providers.file.class=org.apache.kafka.common.config.provider.FileConfigProvider
 * config.providers.file.param.allowed.paths=/etc/tributary   # each param.* is given to the provider's configure
 * config.providers.env.class=org.apache.kafka.common.config.provider.EnvVarConfigProvider
 * database.password=${file:/etc/tributary/db.properties:password}
 * </pre>
 *
 * Kafka's {@link ConfigTransformer} substitutes; this class instantiates the providers, honours the JVM's
 * {@value AbstractConfig#AUTOMATIC_CONFIG_PROVIDERS_PROPERTY} allow-list as Kafka clients do (unset: every class is
 * allowed), and turns every reference that does not resolve into a problem naming the key and the reference. Resolved
 * values never appear in a problem. The {@code config.providers*} keys themselves are taken literally.
 */
final class ConfigProviders {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigProviders.class);
    static final String PROVIDERS = AbstractConfig.CONFIG_PROVIDERS_CONFIG;

    /** Class names written in Connect configurations that Tributary serves with a provider of its own. */
    private static final Map<String, String> ALIASES = Map.of(SecretsManagerConfigProvider.CONNECT_CLASS_NAME,
            SecretsManagerConfigProvider.class.getName());

    private ConfigProviders() {
    }

    /**
     * The properties with every reference replaced by its value; the map itself when nothing refers to a provider.
     *
     * @throws ConfigException listing every undeclared, unloadable or unresolved provider and reference
     */
    static Map<String, String> resolve(Map<String, String> written) {
        return resolveWithTtl(written).values();
    }

    /**
     * Properties with their references resolved, and how long the shortest-lived value may be used (a provider's
     * time to live), if any provider gave one.
     */
    record Resolved(Map<String, String> values, OptionalLong ttlMs) {
    }

    /** As {@link #resolve}, with the providers' shortest time to live. */
    static Resolved resolveWithTtl(Map<String, String> written) {
        Map<String, List<String>> references = references(written);
        List<String> names = declaredNames(written);
        if (references.isEmpty() && names.isEmpty()) {
            return new Resolved(written, OptionalLong.empty());
        }
        List<Long> ttls = new ArrayList<>();
        List<ConfigProblem> problems = new ArrayList<>();
        references.forEach((key, refs) -> refs.stream().map(ConfigProviders::providerOf)
                .filter(provider -> !names.contains(provider)).distinct().forEach(provider -> problems.add(
                        new ConfigProblem(key, "refers to config provider '" + provider + "', which is not declared: "
                                + "add it to " + PROVIDERS + "= and set " + classKey(provider)))));
        undeclaredSettings(written, names).forEach(name -> problems.add(new ConfigProblem(PROVIDERS + "." + name,
                "configures provider '" + name + "', which " + PROVIDERS + "=" + String.join(",", names)
                        + " does not list; add it there or remove its keys")));
        Map<String, ConfigProvider> providers = new LinkedHashMap<>();
        try {
            names.forEach(name -> instantiate(name, written, problems).ifPresent(p -> providers.put(name, p)));
            Map<String, String> resolved = new LinkedHashMap<>(written);
            ConfigTransformer transformer = new ConfigTransformer(providers);
            references.forEach((key, refs) -> {
                // a key whose provider is undeclared or failed to load already has its problem
                if (refs.stream().map(ConfigProviders::providerOf).allMatch(providers::containsKey)) {
                    substitute(transformer, key, written.get(key), refs, problems, ttls)
                            .ifPresent(value -> resolved.put(key, value));
                }
            });
            if (!problems.isEmpty()) {
                throw new ConfigException(problems);
            }
            return new Resolved(resolved, ttls.stream().mapToLong(Long::longValue).min());
        } finally {
            providers.values().forEach(ConfigProviders::close);
        }
    }

    /** Each key's provider references, in the order written; the provider keys themselves are literal. */
    static Map<String, List<String>> references(Map<String, String> properties) {
        Map<String, List<String>> references = new LinkedHashMap<>();
        properties.forEach((key, value) -> {
            if (!key.equals(PROVIDERS) && !key.startsWith(PROVIDERS + ".") && value != null) {
                Matcher matcher = ConfigTransformer.DEFAULT_PATTERN.matcher(value);
                while (matcher.find()) {
                    references.computeIfAbsent(key, ignored -> new ArrayList<>()).add(matcher.group());
                }
            }
        });
        return references;
    }

    private static List<String> declaredNames(Map<String, String> properties) {
        String list = properties.getOrDefault(PROVIDERS, "");
        return Arrays.stream(list.split(",")).map(String::strip).filter(name -> !name.isEmpty()).distinct().toList();
    }

    /** Names under {@code config.providers.<name>.} that the list does not declare (a misspelling, a leftover). */
    private static Set<String> undeclaredSettings(Map<String, String> properties, List<String> names) {
        String prefix = PROVIDERS + ".";
        return properties.keySet().stream()
                .filter(key -> key.startsWith(prefix) && key.indexOf('.', prefix.length()) > 0)
                .map(key -> key.substring(prefix.length(), key.indexOf('.', prefix.length())))
                .filter(name -> !names.contains(name)).collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    private static String providerOf(String reference) {
        Matcher matcher = ConfigTransformer.DEFAULT_PATTERN.matcher(reference);
        return matcher.matches() ? matcher.group(1) : reference;
    }

    private static String classKey(String name) {
        return PROVIDERS + "." + name + ".class";
    }

    private static Optional<ConfigProvider> instantiate(String name, Map<String, String> properties,
            List<ConfigProblem> problems) {
        String key = classKey(name);
        String written = properties.get(key);
        if (written == null || written.isBlank()) {
            problems.add(new ConfigProblem(key, "missing: " + PROVIDERS + " lists '" + name + "', so name its class, "
                    + "such as org.apache.kafka.common.config.provider.FileConfigProvider"));
            return Optional.empty();
        }
        String className = ALIASES.getOrDefault(written.strip(), written.strip());
        Set<String> allowed = allowedClasses();
        if (allowed != null && !allowed.contains(written.strip()) && !allowed.contains(className)) {
            problems.add(new ConfigProblem(key, "'" + written.strip() + "' is not allowed by the JVM's -D"
                    + AbstractConfig.AUTOMATIC_CONFIG_PROVIDERS_PROPERTY + "=" + String.join(",", allowed)
                    + "; add it there (comma separated class names) or remove that system property"));
            return Optional.empty();
        }
        try {
            Class<?> type = Class.forName(className, true, ConfigProviders.class.getClassLoader());
            if (!ConfigProvider.class.isAssignableFrom(type)) {
                problems.add(new ConfigProblem(key, "'" + className + "' is not a " + ConfigProvider.class.getName()));
                return Optional.empty();
            }
            ConfigProvider provider = (ConfigProvider) type.getConstructor().newInstance();
            try {
                provider.configure(params(name, properties));
            } catch (RuntimeException e) {
                close(provider);
                problems.add(new ConfigProblem(PROVIDERS + "." + name + ".param", "provider '" + name
                        + "' refused its parameters: " + e.getMessage()));
                return Optional.empty();
            }
            return Optional.of(provider);
        } catch (ClassNotFoundException e) {
            problems.add(new ConfigProblem(key, "class '" + className + "' is not on the class path; use a Kafka "
                    + "provider (FileConfigProvider, DirectoryConfigProvider, EnvVarConfigProvider in "
                    + "org.apache.kafka.common.config.provider) or add the provider's jar"));
        } catch (ReflectiveOperationException | LinkageError e) {
            problems.add(new ConfigProblem(key, "cannot create '" + className + "' (a public no-argument constructor "
                    + "is needed): " + e));
        }
        return Optional.empty();
    }

    /** Kafka's allow-list of provider classes, or null when the property is unset and every class is allowed. */
    private static Set<String> allowedClasses() {
        String property = System.getProperty(AbstractConfig.AUTOMATIC_CONFIG_PROVIDERS_PROPERTY);
        return property == null ? null : Arrays.stream(property.split(",")).map(String::strip)
                .collect(Collectors.toSet());
    }

    private static Map<String, String> params(String name, Map<String, String> properties) {
        String prefix = PROVIDERS + "." + name + ".param.";
        Map<String, String> params = new LinkedHashMap<>();
        properties.forEach((key, value) -> {
            if (key.startsWith(prefix)) {
                params.put(key.substring(prefix.length()), value);
            }
        });
        return params;
    }

    /**
     * One key's value with its references substituted; a reference left as it was (no such key, variable or file
     * entry) or a provider's failure is a problem that names the reference but not what it resolves to.
     */
    private static Optional<String> substitute(ConfigTransformer transformer, String key, String value,
            List<String> refs, List<ConfigProblem> problems, List<Long> ttls) {
        String resolved;
        try {
            org.apache.kafka.common.config.ConfigTransformerResult result = transformer.transform(Map.of(key, value));
            resolved = result.data().get(key);
            ttls.addAll(result.ttls().values());
        } catch (RuntimeException e) {
            problems.add(new ConfigProblem(key, "cannot resolve " + String.join(", ", refs) + ": " + e.getMessage()));
            return Optional.empty();
        }
        List<String> unresolved = refs.stream().filter(resolved::contains).distinct().toList();
        if (!unresolved.isEmpty()) {
            problems.add(new ConfigProblem(key, String.join(", ", unresolved) + " did not resolve: its provider has "
                    + "no such key (a missing file entry, environment variable or file in the directory) or its "
                    + "allowed.paths param excludes the path; check the reference or add the value"));
            return Optional.empty();
        }
        return Optional.of(resolved);
    }

    private static void close(ConfigProvider provider) {
        try {
            provider.close();
        } catch (IOException | RuntimeException e) {
            LOG.warn("closing config provider {} failed: {}", provider.getClass().getName(), e.toString());
        }
    }
}
