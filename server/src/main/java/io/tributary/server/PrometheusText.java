package io.tributary.server;

import java.util.Map;

import io.tributary.api.TableProgress;

/** The pipeline's figures in Prometheus' text exposition format (version 0.0.4), for {@code GET /metrics}. */
final class PrometheusText {
    static final String MEDIA_TYPE = "text/plain; version=0.0.4";

    private PrometheusText() {
    }

    static String of(Pipeline pipeline) {
        PipelineMetrics metrics = pipeline.metrics();
        String name = pipeline.config().name();
        String label = "{pipeline=\"" + name + "\"}";
        StringBuilder text = new StringBuilder();
        metric(text, "tributary_events_total", "counter", "Events delivered to every sink", label, metrics.events());
        metric(text, "tributary_events_per_second", "gauge", "Events delivered per second, last full second",
                label, metrics.eventsPerSecond());
        metric(text, "tributary_lag_milliseconds", "gauge",
                "Time between the source committing the last delivered change and its delivery", label,
                metrics.lagMs());
        metric(text, "tributary_up", "gauge", "1 unless the pipeline failed", label,
                pipeline.state() == Pipeline.State.FAILED ? 0 : 1);
        Map<String, TableProgress> tables = pipeline.snapshotProgress();
        header(text, "tributary_snapshot_rows_read", "gauge", "Rows read by the snapshot");
        tables.forEach((table, progress) -> sample(text, "tributary_snapshot_rows_read", name, table,
                progress.rowsRead()));
        header(text, "tributary_snapshot_rows_estimated", "gauge", "Rows the server estimates per table");
        tables.forEach((table, progress) -> sample(text, "tributary_snapshot_rows_estimated", name, table,
                progress.rowsEstimated()));
        return text.toString();
    }

    private static void metric(StringBuilder text, String name, String type, String help, String label,
            Number value) {
        header(text, name, type, help);
        text.append(name).append(label).append(' ').append(value).append('\n');
    }

    private static void header(StringBuilder text, String name, String type, String help) {
        text.append("# HELP ").append(name).append(' ').append(help).append('\n')
                .append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static void sample(StringBuilder text, String name, String pipeline, String table, long value) {
        text.append(name).append("{pipeline=\"").append(pipeline).append("\",table=\"").append(table).append("\"} ")
                .append(value).append('\n');
    }
}
