package io.tributary.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
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
 * The pipelines' figures and the JVM's in Micrometer's Prometheus registry, for {@code GET /metrics}, each pipeline's
 * tagged with its name. The meters read the pipelines' counters when scraped; a pipeline's thread pays nothing per
 * event for them. A pipeline created or removed through the API gains or loses its meters at the next scrape. The
 * registry is made at the first scrape, so that a run nobody scrapes does not load it at start (as Jersey waits for
 * the first request).
 */
final class PrometheusMetrics implements AutoCloseable {
    /** Prometheus' text exposition format, as the registry writes it. */
    static final String MEDIA_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final Pipelines pipelines;
    private Meters meters;

    PrometheusMetrics(Pipelines pipelines) {
        this.pipelines = pipelines;
    }

    /** Every meter in the text format; the pipelines and the snapshots' tables as they are now. */
    synchronized String scrape() {
        if (meters == null) {
            meters = new Meters();
        }
        return meters.scrape(pipelines.all());
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
        /** By pipeline object: a pipeline replaced under the same name is another one. */
        private final Map<Pipeline, PipelineMeters> pipelines = new LinkedHashMap<>();

        Meters() {
            new JvmMemoryMetrics().bindTo(registry);
            gc.bindTo(registry);
            new JvmThreadMetrics().bindTo(registry);
            new ClassLoaderMetrics().bindTo(registry);
            new ProcessorMetrics().bindTo(registry);
            new UptimeMetrics().bindTo(registry);
        }

        String scrape(List<Pipeline> running) {
            // the meters of pipelines gone first: a pipeline replaced under the same name takes their names
            pipelines.entrySet().removeIf(entry -> {
                boolean gone = !running.contains(entry.getKey());
                if (gone) {
                    entry.getValue().remove();
                }
                return gone;
            });
            for (Pipeline pipeline : running) {
                pipelines.computeIfAbsent(pipeline, this::register).updateTables();
            }
            return registry.scrape();
        }

        private PipelineMeters register(Pipeline pipeline) {
            Tags tags = Tags.of("pipeline", pipeline.config().name());
            PipelineMetrics metrics = pipeline.metrics();
            List<Meter> meters = new ArrayList<>();
            meters.add(FunctionCounter.builder("tributary.events.captured", metrics, PipelineMetrics::captured)
                    .tags(tags).description("Records the source gave: change events, tombstones, schema changes")
                    .register(registry));
            meters.add(FunctionCounter.builder("tributary.events.delivered", metrics, PipelineMetrics::events)
                    .tags(tags).description("Records written to every sink, after transforms").register(registry));
            meters.add(FunctionCounter.builder("tributary.transactions.committed", pipeline,
                    p -> p.captureStatus().committedTransactions())
                    .tags(tags).description("Transaction commits read from the binlog").register(registry));
            meters.add(Gauge.builder("tributary.lag", metrics, PipelineMetrics::lagMs).tags(tags)
                    .baseUnit("milliseconds")
                    .description("Between the source committing the last delivered change and its delivery; 0 once "
                            + "the source has nothing more; -1 before it was asked").strongReference(true)
                    .register(registry));
            meters.add(Gauge.builder("tributary.source.connected", pipeline,
                    p -> p.captureStatus().connected() ? 1 : 0).tags(tags)
                    .description("1 while the binlog connection is open").strongReference(true).register(registry));
            meters.add(Gauge.builder("tributary.source.queue.remaining", pipeline,
                    p -> p.captureStatus().queueRemainingCapacity()).tags(tags)
                    .description("Records that still fit in the source's queue (of tributary_source_queue_capacity)")
                    .strongReference(true).register(registry));
            meters.add(Gauge.builder("tributary.source.queue.capacity", pipeline,
                    p -> p.captureStatus().queueCapacity())
                    .tags(tags).description("Records the source's queue holds when full").strongReference(true)
                    .register(registry));
            meters.add(Gauge.builder("tributary.up", pipeline, p -> p.state() == Pipeline.State.FAILED ? 0 : 1)
                    .tags(tags).description("1 unless the pipeline failed").strongReference(true).register(registry));
            MultiGauge rowsRead = MultiGauge.builder("tributary.snapshot.rows.read").tags(tags)
                    .description("Rows the snapshot read, per table").register(registry);
            MultiGauge rowsEstimated = MultiGauge.builder("tributary.snapshot.rows.estimated").tags(tags)
                    .description("Rows the server estimates per table").register(registry);
            return new PipelineMeters(registry, pipeline, meters, rowsRead, rowsEstimated);
        }

        @Override
        public void close() {
            gc.close();
            registry.close();
        }
    }

    /** One pipeline's meters. */
    private record PipelineMeters(PrometheusMeterRegistry registry, Pipeline pipeline, List<Meter> meters,
            MultiGauge rowsRead, MultiGauge rowsEstimated) {
        /** The snapshot's tables as they are now. */
        void updateTables() {
            List<MultiGauge.Row<?>> read = new ArrayList<>();
            List<MultiGauge.Row<?>> estimated = new ArrayList<>();
            pipeline.snapshotProgress().forEach((table, progress) -> {
                read.add(MultiGauge.Row.of(Tags.of("table", table), progress.rowsRead()));
                estimated.add(MultiGauge.Row.of(Tags.of("table", table), progress.rowsEstimated()));
            });
            rowsRead.register(read, true);
            rowsEstimated.register(estimated, true);
        }

        void remove() {
            rowsRead.register(List.of(), true);
            rowsEstimated.register(List.of(), true);
            meters.forEach(registry::remove);
        }
    }
}
