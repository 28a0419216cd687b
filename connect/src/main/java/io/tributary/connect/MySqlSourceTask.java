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
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs a {@link MySqlSource} inside a Connect worker; offsets live in the worker's offset topic. */
public final class MySqlSourceTask extends SourceTask {
    private static final Logger LOG = LoggerFactory.getLogger(MySqlSourceTask.class);

    private final ConnectSchemas schemas = new ConnectSchemas();
    private MySqlSource source;
    /** Set while the source could not start for a reason that may pass (the server down): poll() tries again. */
    private PendingStart pending;
    /** Where the schema history is kept, unless tributary.schema.history.file names a file. */
    private Optional<MySqlSourceConfig.HistoryTopic> historyTopic = Optional.empty();

    /** A start to try again, as errors.max.retries and its waits allow: Connect itself never retries start(). */
    private record PendingStart(Map<String, String> properties, Optional<Map<String, ?>> offset,
            MySqlSourceConfig.Retry retry, int attempt, long notBeforeMs) {
    }

    @Override
    public String version() {
        return Versions.TRIBUTARY;
    }

    @Override
    public void start(Map<String, String> properties) {
        MySqlSourceConfig config;
        try {
            config = MySqlSourceConfig.parse(properties);
        } catch (ConfigException e) {
            throw new org.apache.kafka.common.config.ConfigException(e.getMessage());
        }
        historyTopic = config.schemaHistoryFile().isPresent() ? Optional.empty() : config.schemaHistoryTopic();
        Map<String, Object> stored = context.offsetStorageReader().offset(Map.of("server", config.topicPrefix()));
        tryStart(new PendingStart(properties, Optional.ofNullable(stored), config.retry(), 0, 0));
    }

    /** Starts the source, or, when what failed may pass, leaves the start pending for poll(). */
    private void tryStart(PendingStart start) {
        MySqlSource starting = new MySqlSource();
        historyTopic.ifPresent(topic -> starting.useSchemaHistoryStore(new KafkaSchemaHistoryStore(topic)));
        try {
            starting.start(start.properties(), start.offset());
            source = starting;
            pending = null;
        } catch (SourceException e) {
            int attempt = start.attempt() + 1;
            if (!e.isRetriable() || !start.retry().allows(attempt)) {
                String retried = attempt > 1 ? " (gave up after " + (attempt - 1) + " retries)" : "";
                throw new ConnectException(e.getMessage() + retried, e);
            }
            long delay = start.retry().delayMs(attempt);
            LOG.warn("{}; retry {} in {} ms", e.getMessage(), attempt, delay);
            pending = new PendingStart(start.properties(), start.offset(), start.retry(), attempt,
                    System.currentTimeMillis() + delay);
        }
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        if (pending != null) {
            long wait = pending.notBeforeMs() - System.currentTimeMillis();
            if (wait > 0) {
                Thread.sleep(Math.min(wait, 500)); // poll is called again at once: wait here, a little at a time
                return null;
            }
            tryStart(pending);
            if (source == null) {
                return null;
            }
        }
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
