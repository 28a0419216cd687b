package io.tributary.connect;

import io.tributary.api.ChangeRecord;
import io.tributary.api.EventSchema;
import io.tributary.api.config.ConfigDefinition;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Schema;

/**
 * Both directions between Kafka Connect's records and Tributary's, for adapters outside this package (the
 * transformations). Not thread-safe: one instance per transformation or task.
 */
public final class ConnectBridge {
    private final ConnectRecords in = new ConnectRecords();
    private final ConnectSchemas out = new ConnectSchemas();

    public ChangeRecord toChangeRecord(ConnectRecord<?> record) {
        return in.toChangeRecord(record);
    }

    public Schema connectSchema(EventSchema schema) {
        return out.schema(schema);
    }

    public Object connectValue(EventSchema schema, Object value) {
        return schema == null ? null : out.value(schema, value);
    }

    public ConfigDef configDef(ConfigDefinition definition) {
        return ConnectConfigs.configDef(definition);
    }
}
