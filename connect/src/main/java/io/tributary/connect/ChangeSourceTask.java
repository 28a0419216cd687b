package io.tributary.connect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.tributary.api.ChangeRecord;
import io.tributary.api.ChangeSource;
import io.tributary.api.ChangeSourceProvider;
import io.tributary.api.SourceException;
import io.tributary.core.retry.Retry;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a Tributary source inside a Connect worker: offsets live in the worker's offset topic, under the partition the
 * source names ({@link io.tributary.api.SourceIdentity#partition}); a start that fails for a reason that may pass is
 * tried again from {@link #poll()} as the source's retry settings allow (Connect itself never retries
 * {@code start()}).
 */
public abstract class ChangeSourceTask extends SourceTask {
    private static final Logger LOG = LoggerFactory.getLogger(ChangeSourceTask.class);

    private final ChangeSourceProvider provider;
    private final ConnectSchemas schemas = new ConnectSchemas();
    private ChangeSource source;
    /** Set while the source could not start for a reason that may pass (the server down): poll() tries again. */
    private PendingStart pending;

    private record PendingStart(Map<String, String> properties, Optional<Map<String, ?>> offset, Retry retry,
            int attempt, long notBeforeMs) {
    }

    protected ChangeSourceTask(ChangeSourceProvider provider) {
        this.provider = provider;
    }

    /**
     * Prepares the task for a valid configuration, before the first start: where the source keeps what it must find
     * again (say, a schema history topic). Returns how a failed start is retried.
     */
    protected abstract Retry prepare(Map<String, String> properties);

    /** A new source, ready to start. */
    protected ChangeSource newSource() {
        return provider.create();
    }

    @Override
    public String version() {
        return Versions.TRIBUTARY;
    }

    @Override
    public void start(Map<String, String> properties) {
        ConnectConfigs.requireValid(provider, properties);
        Retry retry = prepare(properties);
        Map<String, ?> partition = provider.identify(properties).partition();
        Map<String, Object> stored = context.offsetStorageReader().offset(partition);
        tryStart(new PendingStart(properties, Optional.ofNullable(stored), retry, 0, 0));
    }

    /** Starts the source, or, when what failed may pass, leaves the start pending for poll(). */
    private void tryStart(PendingStart start) {
        ChangeSource starting = newSource();
        try {
            starting.start(start.properties(), start.offset());
            source = starting;
            pending = null;
        } catch (SourceException e) {
            starting.close();
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
