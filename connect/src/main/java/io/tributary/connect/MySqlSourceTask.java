package io.tributary.connect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tributary.api.ChangeRecord;
import io.tributary.api.SourceException;
import io.tributary.api.config.ConfigException;
import io.tributary.source.mysql.MySqlSource;
import io.tributary.source.mysql.MySqlSourceConfig;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;

/** Runs a {@link MySqlSource} inside a Connect worker; offsets live in the worker's offset topic. */
public final class MySqlSourceTask extends SourceTask {
    private final ConnectSchemas schemas = new ConnectSchemas();
    private MySqlSource source;

    @Override
    public String version() {
        return Versions.TRIBUTARY;
    }

    @Override
    public void start(Map<String, String> properties) {
        String server;
        try {
            server = MySqlSourceConfig.parse(properties).topicPrefix();
        } catch (ConfigException e) {
            throw new org.apache.kafka.common.config.ConfigException(e.getMessage());
        }
        Map<String, Object> stored = context.offsetStorageReader().offset(Map.of("server", server));
        source = new MySqlSource();
        try {
            source.start(properties, Optional.ofNullable(stored));
        } catch (SourceException e) {
            throw e.isRetriable() ? new RetriableException(e.getMessage(), e) : new ConnectException(e.getMessage(), e);
        }
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        List<ChangeRecord> changes;
        try {
            changes = source.poll();
        } catch (SourceException e) {
            throw new ConnectException(e.getMessage(), e);
        }
        List<SourceRecord> records = new ArrayList<>(changes.size());
        for (ChangeRecord change : changes) {
            ConnectHeaders headers = new ConnectHeaders();
            for (ChangeRecord.Header header : change.headers()) {
                headers.add(header.key(), schemas.value(header.schema(), header.value()),
                        schemas.schema(header.schema()));
            }
            records.add(new SourceRecord(change.partition(), change.offset(), change.topic(), null,
                    schemas.schema(change.keySchema()), schemas.value(change.keySchema(), change.key()),
                    schemas.schema(change.valueSchema()), schemas.value(change.valueSchema(), change.value()),
                    null, headers));
        }
        return records;
    }

    @Override
    public void stop() {
        if (source != null) {
            source.close();
        }
    }
}
