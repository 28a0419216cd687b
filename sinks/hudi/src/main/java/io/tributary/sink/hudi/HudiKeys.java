package io.tributary.sink.hudi;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import io.tributary.api.config.UndeclaredKeys;
import org.apache.hudi.common.config.ConfigProperty;

/**
 * The {@code hoodie.*} keys Hudi's write client declares (its {@code ConfigProperty} constants, with their older
 * spellings), read from Hudi's own config classes: those the sink hands on; a key Hudi does not declare is refused
 * with a did-you-mean rather than ignored, and the keys the sink decides itself (ordering, merging, the schema, the
 * timeline server) are refused with the reason.
 */
final class HudiKeys {
    private static final String[] CONFIG_CLASSES = {
        "org.apache.hudi.config.HoodieWriteConfig", "org.apache.hudi.config.HoodieCompactionConfig",
        "org.apache.hudi.config.HoodieCleanConfig", "org.apache.hudi.config.HoodieArchivalConfig",
        "org.apache.hudi.config.HoodieIndexConfig", "org.apache.hudi.config.HoodieStorageConfig",
        "org.apache.hudi.config.HoodieMemoryConfig", "org.apache.hudi.config.HoodieLockConfig",
        "org.apache.hudi.config.HoodieClusteringConfig", "org.apache.hudi.config.HoodiePayloadConfig",
        "org.apache.hudi.config.HoodieLayoutConfig", "org.apache.hudi.config.HoodieBootstrapConfig",
        "org.apache.hudi.common.config.HoodieMetadataConfig", "org.apache.hudi.common.config.HoodieCommonConfig",
        "org.apache.hudi.common.config.HoodieStorageConfig", "org.apache.hudi.common.config.HoodieMemoryConfig",
        "org.apache.hudi.common.table.HoodieTableConfig", "org.apache.hudi.common.config.HoodieReaderConfig",
    };

    /** Keys the sink sets itself, and why. */
    private static final Map<String, String> DECIDED = Map.of(
            "hoodie.table.ordering.fields", "the sink orders changes by binlog position (_event_bin_file, _event_pos)",
            "hoodie.datasource.write.precombine.field", "the sink orders changes by binlog position "
                    + "(_event_bin_file, _event_pos)",
            "hoodie.table.precombine.field", "the sink orders changes by binlog position (_event_bin_file, _event_pos)",
            "hoodie.record.merge.mode", "the sink merges by event time (EVENT_TIME_ORDERING)",
            "hoodie.avro.schema", "the sink takes the schema from the change events",
            "hoodie.embed.timeline.server", "the embedded timeline server is not shipped (one writer a table)",
            "hoodie.datasource.write.payload.class", "deletes are marked by _change_operation_type = 'd'",
            "hoodie.compaction.payload.class", "deletes are marked by _change_operation_type = 'd'");

    private static final Set<String> KNOWN = known();

    static final UndeclaredKeys POLICY = new UndeclaredKeys() {
        @Override
        public Optional<String> check(String key, Map<String, String> config, Optional<String> suggestion) {
            if (DECIDED.containsKey(key)) {
                return Optional.of("is decided by the Hudi sink: " + DECIDED.get(key) + "; remove it");
            }
            if (KNOWN.contains(key)) {
                return Optional.empty();
            }
            return Optional.of("is not a key of the Hudi sink nor one Hudi " + hudiVersion() + " declares"
                    + suggestion.map(known -> "; did you mean " + known + "?").orElse("; remove it"));
        }

        @Override
        public java.util.Collection<String> knownKeys() {
            return KNOWN;
        }
    };

    private HudiKeys() {
    }

    /** Whether {@code key} is one of Hudi's, to be handed to the write client. */
    static boolean isHandedOn(String key) {
        return KNOWN.contains(key) && !DECIDED.containsKey(key) && !HudiSinkConfig.DEFINITION.options().stream()
                .anyMatch(option -> option.key().equals(key));
    }

    private static Set<String> known() {
        Set<String> keys = new TreeSet<>();
        for (String name : CONFIG_CLASSES) {
            Class<?> type;
            try {
                type = Class.forName(name);
            } catch (ClassNotFoundException e) {
                continue; // not in this Hudi release
            }
            for (Field field : type.getFields()) {
                if (Modifier.isStatic(field.getModifiers()) && ConfigProperty.class.isAssignableFrom(field.getType())) {
                    try {
                        ConfigProperty<?> property = (ConfigProperty<?>) field.get(null);
                        keys.add(property.key());
                        keys.addAll(property.getAlternatives());
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        return keys;
    }

    private static String hudiVersion() {
        return Optional.ofNullable(ConfigProperty.class.getPackage().getImplementationVersion()).orElse("");
    }
}
