package io.tributary.server;

import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The pipeline's figures and the JVM's in Micrometer's Prometheus registry, for {@code GET /metrics}. The meters read
 * the pipeline's counters when scraped; the pipeline's thread pays nothing per event for them. The registry is made
 * at the first scrape, so that a run nobody scrapes does not load it at start (as Jersey waits for the first request).
 */
final class PrometheusMetrics implements AutoCloseable {
    /** Prometheus' text exposition format, as the registry writes it. */
    static final String MEDIA_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final Pipeline pipeline;
    private Meters meters;

    PrometheusMetrics(Pipeline pipeline) {
        this.pipeline = pipeline;
    }

    /** Every meter in the text format; the snapshot's tables as they are now. */
    synchronized String scrape() {
        if (meters == null) {
            meters = new Meters(pipeline);
        }
        return meters.scrape();
    }

    @Override
    public synchronized void close() {
        if (meters != null) {
            meters.close();
        }
    }

    private static final class Meters implements AutoCloseable {
        private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        private final JvmGcMetrics gc = new JvmGcMetrics();
        private final Pipeline pipeline;
        private final MultiGauge rowsRead;
        private final MultiGauge rowsEstimated;

        Meters(Pipeline pipeline) {
            this.pipeline = pipeline;
            Tags tags = Tags.of("pipeline", pipeline.config().name());
            PipelineMetrics metrics = pipeline.metrics();
            FunctionCounter.builder("tributary.events.captured", metrics, PipelineMetrics::captured).tags(tags)
                    .description("Records the source gave: change events, tombstones, schema changes")
                    .register(registry);
            FunctionCounter.builder("tributary.events.delivered", metrics, PipelineMetrics::events).tags(tags)
                    .description("Records written to every sink, after transforms").register(registry);
            FunctionCounter.builder("tributary.transactions.committed", pipeline,
                    p -> p.captureStatus().committedTransactions())
                    .tags(tags).description("Transaction commits read from the binlog").register(registry);
            Gauge.builder("tributary.lag", metrics, PipelineMetrics::lagMs).tags(tags).baseUnit("milliseconds")
                    .description("Between the source committing the last delivered change and its delivery; 0 once "
                            + "the source has nothing more; -1 before it was asked").strongReference(true)
                    .register(registry);
            Gauge.builder("tributary.source.connected", pipeline, p -> p.captureStatus().connected() ? 1 : 0).tags(tags)
                    .description("1 while the binlog connection is open").strongReference(true).register(registry);
            Gauge.builder("tributary.source.queue.remaining", pipeline,
                    p -> p.captureStatus().queueRemainingCapacity()).tags(tags)
                    .description("Records that still fit in the source's queue (of tributary_source_queue_capacity)")
                    .strongReference(true).register(registry);
            Gauge.builder("tributary.source.queue.capacity", pipeline, p -> p.captureStatus().queueCapacity())
                    .tags(tags).description("Records the source's queue holds when full").strongReference(true)
                    .register(registry);
            Gauge.builder("tributary.up", pipeline, p -> p.state() == Pipeline.State.FAILED ? 0 : 1).tags(tags)
                    .description("1 unless the pipeline failed").strongReference(true).register(registry);
            rowsRead = MultiGauge.builder("tributary.snapshot.rows.read").tags(tags)
                    .description("Rows the snapshot read, per table").register(registry);
            rowsEstimated = MultiGauge.builder("tributary.snapshot.rows.estimated").tags(tags)
                    .description("Rows the server estimates per table").register(registry);
            new JvmMemoryMetrics().bindTo(registry);
            gc.bindTo(registry);
            new JvmThreadMetrics().bindTo(registry);
            new ClassLoaderMetrics().bindTo(registry);
            new ProcessorMetrics().bindTo(registry);
            new UptimeMetrics().bindTo(registry);
        }

        String scrape() {
            List<MultiGauge.Row<?>> read = new ArrayList<>();
            List<MultiGauge.Row<?>> estimated = new ArrayList<>();
            pipeline.snapshotProgress().forEach((table, progress) -> {
                read.add(MultiGauge.Row.of(Tags.of("table", table), progress.rowsRead()));
                estimated.add(MultiGauge.Row.of(Tags.of("table", table), progress.rowsEstimated()));
            });
            rowsRead.register(read, true);
            rowsEstimated.register(estimated, true);
            return registry.scrape();
        }

        @Override
        public void close() {
            gc.close();
            registry.close();
        }
    }
}
