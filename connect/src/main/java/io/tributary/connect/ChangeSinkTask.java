package io.tributary.connect;

import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import io.tributary.api.ChangeRecord;
import io.tributary.api.ChangeSink;
import io.tributary.api.ChangeSinkProvider;
import io.tributary.api.SinkException;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;

/**
 * A Tributary sink as a Kafka Connect sink task: records are handed to the sink as they arrive, and Connect's
 * offset commit waits for the sink's flush, so a committed Kafka offset always means delivered rows.
 */
public abstract class ChangeSinkTask extends SinkTask {
    private ChangeSink sink;
    private ConnectRecords records;
    /** The Connect records of the batch being written, so that a rejected record is reported as itself. */
    private final Map<ChangeRecord, SinkRecord> batchOrigins = new IdentityHashMap<>();

    /** The sink type this task runs. */
    protected abstract ChangeSinkProvider provider();

    @Override
    public String version() {
        return Versions.TRIBUTARY;
    }

    @Override
    public void start(Map<String, String> properties) {
        records = new ConnectRecords();
        sink = provider().create();
        ErrantRecordReporter reporter = errantRecordReporter();
        if (reporter != null) {
            // Connect's dead-letter queue (errors.tolerance=all): the record, its topic, partition and offset
            sink.routeRejectedTo((record, reason) -> reporter.report(batchOrigins.get(record), reason));
        }
        try {
            sink.start(properties.getOrDefault("name", provider().type()), properties);
        } catch (RuntimeException e) {
            throw new ConnectException(e.getMessage(), e);
        }
    }

    @Override
    public void put(Collection<SinkRecord> sinkRecords) {
        List<ChangeRecord> batch = new ArrayList<>(sinkRecords.size());
        for (SinkRecord record : sinkRecords) {
            ChangeRecord converted = records.toChangeRecord(record);
            batch.add(converted);
            batchOrigins.put(converted, record);
        }
        try {
            sink.write(batch);
        } catch (SinkException | IllegalArgumentException e) {
            throw new ConnectException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetriableException("interrupted", e);
        } finally {
            batchOrigins.clear();
        }
    }

    /** The worker's reporter when the connector tolerates errors; null otherwise, or on workers older than 2.6. */
    private ErrantRecordReporter errantRecordReporter() {
        try {
            return context.errantRecordReporter();
        } catch (NoSuchMethodError | NoClassDefFoundError e) {
            return null;
        }
    }

    @Override
    public void flush(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
        try {
            sink.flush();
        } catch (SinkException e) {
            throw new ConnectException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetriableException("interrupted", e);
        }
    }

    @Override
    public void stop() {
        if (sink != null) {
            sink.close();
        }
    }
}
