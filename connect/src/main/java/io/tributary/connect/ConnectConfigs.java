package io.tributary.connect;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tributary.api.ChangeSourceProvider;
import io.tributary.api.config.ConfigDefinition;
import io.tributary.api.config.ConfigException;
import io.tributary.api.config.ConfigOption;
import io.tributary.api.config.ConfigProblem;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;

/**
 * Kafka Connect's view of a Tributary {@link ConfigDefinition}: a {@link ConfigDef} that lists every option
 * (secrets as passwords, so Connect masks them), and validation that reports every problem under its key, as the
 * worker's {@code /connector-plugins/{name}/config/validate} endpoint shows it.
 */
public final class ConnectConfigs {
    private ConnectConfigs() {
    }

    /**
     * Refuses a source configuration with problems, every one listed, as Connect's own {@code ConfigException} (which
     * the worker reports as a failed connector or task).
     */
    static void requireValid(ChangeSourceProvider provider, Map<String, String> properties) {
        List<ConfigProblem> problems = provider.validate(properties, Set.of());
        if (!problems.isEmpty()) {
            throw new org.apache.kafka.common.config.ConfigException(new ConfigException(problems).getMessage());
        }
    }

    public static ConfigDef configDef(ConfigDefinition definition) {
        ConfigDef configDef = new ConfigDef();
        for (ConfigOption<?> option : definition.options()) {
            ConfigDef.Type type = option.sensitive() ? ConfigDef.Type.PASSWORD : ConfigDef.Type.STRING;
            Object defaultValue = option.defaultValue().map(ConnectConfigs::text).orElse(null);
            ConfigDef.Importance importance = option.required() ? ConfigDef.Importance.HIGH : ConfigDef.Importance.MEDIUM;
            String doc = option.doc() + " Expected: " + option.expected() + "."
                    + (option.legacyKeys().isEmpty() ? "" : " Also accepted as " + option.legacyKeys() + ".");
            if (option.required()) {
                configDef.define(option.key(), type, ConfigDef.NO_DEFAULT_VALUE, importance, doc);
            } else {
                configDef.define(option.key(), type, defaultValue, importance, doc);
            }
        }
        return configDef;
    }

    /**
     * Connect's validation result with Tributary's problems attached to their keys.
     *
     * @param problems every problem Tributary finds in {@code properties}
     */
    public static Config validate(ConfigDef configDef, ConfigDefinition definition, Map<String, String> properties,
            List<ConfigProblem> problems) {
        List<ConfigValue> values = configDef.validate(withLegacyKeys(definition, properties));
        for (ConfigProblem problem : problems) {
            ConfigValue value = values.stream().filter(candidate -> candidate.name().equals(problem.key()))
                    .findFirst()
                    .orElseGet(() -> {
                        ConfigValue added = new ConfigValue(problem.key());
                        values.add(added);
                        return added;
                    });
            if (!value.errorMessages().contains(problem.message())) {
                value.addErrorMessage(problem.message());
            }
        }
        return new Config(values);
    }

    /** A key given in an older spelling satisfies Connect's required-key check of the current one. */
    private static Map<String, String> withLegacyKeys(ConfigDefinition definition, Map<String, String> properties) {
        Map<String, String> copy = new java.util.HashMap<>(properties);
        for (ConfigOption<?> option : definition.options()) {
            for (String legacy : option.legacyKeys()) {
                if (!copy.containsKey(option.key()) && copy.containsKey(legacy)) {
                    copy.put(option.key(), copy.get(legacy));
                }
            }
        }
        return copy;
    }

    private static String text(Object value) {
        if (value instanceof List<?> list) {
            return String.join(",", list.stream().map(String::valueOf).toList());
        }
        if (value instanceof Enum<?> constant) {
            return ConfigOption.spelling(constant);
        }
        return String.valueOf(value);
    }
}
