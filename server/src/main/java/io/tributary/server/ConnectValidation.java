package io.tributary.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tributary.api.ChangeSourceProvider;
import io.tributary.api.config.ConfigProblem;
import io.tributary.connect.ConnectConfigs;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;

/**
 * A pipeline's configuration checked as Kafka Connect's {@code PUT /connector-plugins/<plugin>/config/validate}
 * answers: the source connector's own validation (every option it defines, with its definition and the value given),
 * and the pipeline's problems (the runtime's keys, the sinks') under their keys, in Connect's {@code ConfigInfos}
 * shape.
 */
final class ConnectValidation {
    private ConnectValidation() {
    }

    /** {@code GET /connector-plugins/<plugin>/config}: each option's definition. */
    static List<Map<String, Object>> definitions(ChangeSourceProvider source) {
        ConfigDef configDef = ConnectConfigs.configDef(source.definition());
        List<Map<String, Object>> definitions = new ArrayList<>();
        configDef.configKeys().values().forEach(key -> definitions.add(definition(key)));
        return definitions;
    }

    /**
     * @param source the source the plugin names
     * @param properties the pipeline's configuration as given
     * @param problems every problem the pipeline's validation found, the source's among them
     */
    static Map<String, Object> validate(ChangeSourceProvider source, Map<String, String> properties,
            List<ConfigProblem> problems) {
        ConfigDef configDef = ConnectConfigs.configDef(source.definition());
        Map<String, String> sourceProperties = PipelineConfig.sourceProperties(properties);
        Config validated = ConnectConfigs.validate(configDef, source.definition(), sourceProperties,
                source.validate(sourceProperties, Set.of()));
        Map<String, ConfigValue> values = new LinkedHashMap<>();
        validated.configValues().forEach(value -> values.put(value.name(), value));
        for (ConfigProblem problem : problems) {
            ConfigValue value = values.computeIfAbsent(problem.key(), ConfigValue::new);
            if (!value.errorMessages().contains(problem.message())) {
                value.addErrorMessage(problem.message());
            }
        }
        List<Map<String, Object>> configs = new ArrayList<>();
        int errors = 0;
        for (ConfigValue value : values.values()) {
            ConfigDef.ConfigKey key = configDef.configKeys().get(value.name());
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("definition", key == null ? undefined(value.name()) : definition(key));
            config.put("value", value(value, key));
            configs.add(config);
            errors += value.errorMessages().isEmpty() ? 0 : 1;
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("name", source.connectorClasses().get(0));
        answer.put("error_count", errors);
        answer.put("groups", configDef.groups());
        answer.put("configs", configs);
        return answer;
    }

    /** Connect's {@code ConfigKeyInfo}. */
    private static Map<String, Object> definition(ConfigDef.ConfigKey key) {
        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("name", key.name);
        definition.put("type", key.type.name());
        definition.put("required", !key.hasDefault());
        definition.put("default_value", key.hasDefault() ? ConfigDef.convertToString(key.defaultValue, key.type)
                : null);
        definition.put("importance", key.importance.name());
        definition.put("documentation", key.documentation);
        definition.put("group", key.group);
        definition.put("order_in_group", key.orderInGroup);
        definition.put("width", key.width.name());
        definition.put("display_name", key.displayName);
        definition.put("dependents", key.dependents);
        return definition;
    }

    /** A key the source does not define (a pipeline's, a sink's): a string, as Connect shows keys it does not know. */
    private static Map<String, Object> undefined(String name) {
        return definition(new ConfigDef().define(name, ConfigDef.Type.STRING, "", ConfigDef.Importance.LOW,
                "a key of the pipeline (its runtime's or a sink's), not of the source").configKeys().get(name));
    }

    /** Connect's {@code ConfigValueInfo}: a password shown as [hidden]. */
    private static Map<String, Object> value(ConfigValue value, ConfigDef.ConfigKey key) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("name", value.name());
        Object given = value.value();
        info.put("value", given == null ? null : key == null ? String.valueOf(given)
                : ConfigDef.convertToString(given, key.type));
        info.put("recommended_values", value.recommendedValues().stream().map(String::valueOf).toList());
        info.put("errors", value.errorMessages());
        info.put("visible", value.visible());
        return info;
    }
}
