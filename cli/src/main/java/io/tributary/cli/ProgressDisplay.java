package io.tributary.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;

import io.tributary.api.TableProgress;
import io.tributary.server.Pipeline;
import io.tributary.server.PipelineMetrics;

/** What a running pipeline is doing, in a few terminal lines: snapshot bars per table, then rate and lag. */
final class ProgressDisplay {
    private static final int BAR = 30;

    private ProgressDisplay() {
    }

    static void print(PrintWriter out, Pipeline pipeline) {
        Map<String, TableProgress> tables = pipeline.snapshotProgress();
        tables.forEach((table, progress) -> {
            if (!progress.done()) {
                out.println("  snapshot " + bar(progress) + " " + table);
            }
        });
        PipelineMetrics metrics = pipeline.metrics();
        out.println(String.format(Locale.ROOT, "  %-8s %,d events delivered, %,.0f events/s, lag %s",
                pipeline.state(), metrics.events(), metrics.eventsPerSecond(),
                metrics.lagMs() < 0 ? "-" : metrics.lagMs() + " ms"));
        pipeline.error().ifPresent(error -> out.println("  error: " + error));
        out.flush();
    }

    static String bar(TableProgress progress) {
        long estimated = progress.done() ? progress.rowsRead() : Math.max(progress.rowsEstimated(), progress.rowsRead());
        int filled = estimated == 0 ? BAR : (int) (BAR * progress.rowsRead() / estimated);
        return "[" + "#".repeat(filled) + ".".repeat(BAR - filled) + "] "
                + String.format(Locale.ROOT, "%,d/%,d rows", progress.rowsRead(), estimated);
    }
}
