package io.tributary.bench.capture;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The runs of one benchmark, and the Markdown page of medians and ratios they make. */
final class Results {
    private final BenchServer server;
    private final int rows;
    private final int runs;
    private final String heap;
    private final List<String> tributaryJvm;
    private final Map<Phase, List<Measurement>> throughput = new LinkedHashMap<>();
    private final Map<Phase.Engine, List<long[]>> latencies = new EnumMap<>(Phase.Engine.class);
    private final Map<RawRun.Limit, List<Measurement>> raw = new EnumMap<>(RawRun.Limit.class);

    Results(BenchServer server, int rows, int runs, String heap, List<String> tributaryJvm) {
        this.server = server;
        this.rows = rows;
        this.runs = runs;
        this.heap = heap;
        this.tributaryJvm = tributaryJvm;
    }

    void throughput(Phase phase, Measurement measurement) {
        throughput.computeIfAbsent(phase, ignored -> new ArrayList<>()).add(measurement);
    }

    void latency(Phase.Engine engine, long[] sorted) {
        latencies.computeIfAbsent(engine, ignored -> new ArrayList<>()).add(sorted);
    }

    void raw(RawRun.Limit limit, Measurement measurement) {
        raw.computeIfAbsent(limit, ignored -> new ArrayList<>()).add(measurement);
    }

    /** The value below which {@code percent} % of the sorted values lie (nearest rank). */
    static long percentile(long[] sorted, double percent) {
        int rank = (int) Math.ceil(percent / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    String markdown(LocalDate date, String commit, String machine) {
        StringBuilder out = new StringBuilder();
        out.append("# Capture: ").append(server.debezium).append(" embedded vs Tributary on ").append(server.product)
                .append("\n\nWritten by `bench/run.sh capture.CaptureBench")
                .append(server == BenchServer.MARIADB ? "" : " --server " + server.name().toLowerCase(Locale.ROOT))
                .append("` on ").append(date).append(" at commit ")
                .append(commit).append(", ").append(machine).append(".\n\n")
                .append(String.format("%,d", rows)).append(" rows snapshot / ").append(String.format("%,d", rows))
                .append(" binlog row events (70/20/10 % inserts/updates/deletes, transactions of 100) of the 8-column ")
                .append("`orders` table on ").append(server.product)
                .append(". Each engine encodes every event as JsonConverter does (Debezium: its `JsonByteArray` ")
                .append("format; Tributary: its byte-identical encoder) and delivers ")
                .append("it to a counter, or to a local Kafka broker with `acks=all` (Tributary's Kafka sink; ")
                .append("Debezium's batches sent by a KafkaProducer with the sink's producer settings — `acks=all`, ")
                .append("`linger.ms=5`, `compression.type=lz4`, `batch.size=262144`, one request in flight — and ")
                .append("flushed before the ")
                .append("batch is marked processed, as Kafka Connect does); `kafka avro` encodes in Avro with a ")
                .append("schema registry instead (Apicurio Registry 3.3.3, its Confluent-compatible API, in memory): ")
                .append("Tributary's Kafka sink with `io.confluent.connect.avro.AvroConverter`'s settings, Debezium's ")
                .append("records (its `Connect` format) through Apicurio Registry 2.6's `AvroConverter` in Confluent's ")
                .append("wire format, as a Connect worker converts them, then the same producer. Each run is a JVM of its own with `-Xmx")
                .append(heap).append("`; Tributary's also with the options of its launcher (`jvm.options`: `")
                .append(String.join(" ", tributaryJvm)).append("`) and the class path it runs with (the CLI's jar and ")
                .append("the libraries its manifest names), Debezium's with the JVM's defaults and a class path of ")
                .append(server.debezium).append(" embedded and ").append(server.connector)
                .append(" with their dependencies. Medians of ")
                .append(runs).append(" runs, engines alternating. CPU is the capturing JVM's own; \"other CPU\" is ")
                .append("what every other process (the database server and Kafka serving the run included) used ")
                .append("meanwhile.\n\n");
        throughputTables(out);
        latencyTable(out);
        rawTable(out);
        return out.toString();
    }

    private void throughputTables(StringBuilder out) {
        out.append("## Throughput\n\n| delivery | workload | encoding | engine | events/s | CPU-s per 1M events | ")
                .append("events per CPU-s | peak RSS MiB | GC s | other CPU-s |\n")
                .append("|---|---|---|---|---:|---:|---:|---:|---:|---:|\n");
        StringBuilder ratios = new StringBuilder("\nTributary against Debezium (medians; higher is better for "
                + "Tributary):\n\n| delivery | workload | encoding | throughput × | events per CPU-s × | peak RSS ÷ |\n"
                + "|---|---|---|---:|---:|---:|\n");
        StringBuilder threads = new StringBuilder("\nWhere each engine's CPU went (the run with the median CPU "
                + "time; thread groups read from `/proc`: `jit` the compilers, `gc+vm` the collector and VM thread):"
                + "\n\n| delivery | workload | encoding | engine | CPU-s by thread group |\n|---|---|---|---|---|\n");
        for (Phase.Delivery delivery : Phase.Delivery.values()) {
            for (Phase.Workload workload : Phase.Workload.values()) {
                for (boolean schemas : delivery.schemaModes()) {
                    Map<Phase.Engine, double[]> medians = new EnumMap<>(Phase.Engine.class);
                    String row = "| " + Phase.lower(delivery).replace('_', ' ') + " | " + Phase.lower(workload)
                            + " | " + delivery.encoding(schemas) + " | ";
                    for (Phase.Engine engine : Phase.Engine.values()) {
                        List<Measurement> of = throughput.get(new Phase(engine, workload, schemas, delivery));
                        if (of == null) {
                            continue;
                        }
                        double[] values = {Medians.of(of, Measurement::eventsPerSecond),
                            Medians.of(of, Measurement::cpuSecondsPerMillion), Medians.of(of, Measurement::eventsPerCpuSecond),
                            Medians.of(of, m -> m.peakRssKib() / 1024.0), Medians.of(of, m -> m.gcMillis() / 1000.0),
                            Medians.of(of, m -> m.otherCpuNanos() / 1e9)};
                        medians.put(engine, values);
                        String name = engine.name().charAt(0) + Phase.lower(engine).substring(1);
                        out.append(row).append(String.format("%s | %,.0f | %.1f | %,.0f | %.0f | %.2f | %.1f |%n",
                                name, values[0], values[1], values[2], values[3], values[4], values[5]));
                        Measurement typical = of.stream().sorted(Comparator.comparingLong(Measurement::cpuNanos))
                                .toList().get(of.size() / 2);
                        threads.append(row).append(name).append(" | ").append(typical.threadCpuSummary())
                                .append(" |\n");
                    }
                    double[] debezium = medians.get(Phase.Engine.DEBEZIUM);
                    double[] tributary = medians.get(Phase.Engine.TRIBUTARY);
                    if (debezium != null && tributary != null) {
                        ratios.append(row).append(String.format(Locale.ROOT, "%.1f× | %.1f× | %.1f× |%n",
                                tributary[0] / debezium[0], tributary[2] / debezium[2], debezium[3] / tributary[3]));
                    }
                }
            }
        }
        out.append(ratios).append(threads);
    }

    private void latencyTable(StringBuilder out) {
        if (latencies.isEmpty()) {
            return;
        }
        out.append("\n## Latency\n\nRows inserted at 200 per second, each committed on its own and stamped with the ")
                .append("client's clock; latency is from that stamp to the event's JSON reaching the consumer, each ")
                .append("engine with its default settings (same machine, same clock). Percentiles of each run, then ")
                .append("the median over runs:\n\n| engine | events per run | p50 ms | p90 ms | p99 ms | max ms |\n")
                .append("|---|---:|---:|---:|---:|---:|\n");
        latencies.forEach((engine, runsOf) -> out.append(String.format("| %s | %,d | %.0f | %.0f | %.0f | %.0f |%n",
                engine.name().charAt(0) + Phase.lower(engine).substring(1), runsOf.get(0).length,
                Medians.of(runsOf, sorted -> percentile(sorted, 50)), Medians.of(runsOf, sorted -> percentile(sorted, 90)),
                Medians.of(runsOf, sorted -> percentile(sorted, 99)), Medians.of(runsOf, sorted -> sorted[sorted.length - 1]))));
    }

    private void rawTable(StringBuilder out) {
        if (raw.isEmpty()) {
            return;
        }
        out.append("\n## Raw limits\n\nThe bare tools with no CDC engine around them, same JVM settings as ")
                .append("Debezium's runs: the binlog client (mysql-binlog-connector-java, its default row ")
                .append("deserializers) reading the streaming workload; a streamed `SELECT *` of the snapshot table ")
                .append("with every column read; the same with each row written as JSON by Jackson.\n\n")
                .append("| limit | rows/s | CPU-s per 1M rows | rows per CPU-s | peak RSS MiB |\n")
                .append("|---|---:|---:|---:|---:|\n");
        raw.forEach((limit, of) -> out.append(String.format("| %s | %,.0f | %.1f | %,.0f | %.0f |%n", limit.label,
                Medians.of(of, Measurement::eventsPerSecond), Medians.of(of, Measurement::cpuSecondsPerMillion),
                Medians.of(of, Measurement::eventsPerCpuSecond), Medians.of(of, m -> m.peakRssKib() / 1024.0))));
    }

    /**
     * The commit the results were measured at, marked when tracked files other than the results themselves differ
     * from it (a benchmark writing one results file before another would otherwise mark its own output).
     */
    static String commit() throws Exception {
        Process git = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").redirectErrorStream(true).start();
        String hash = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        Process status = new ProcessBuilder("git", "status", "--porcelain", "--untracked-files=no", "--", ".",
                ":(exclude)bench/results").redirectErrorStream(true).start();
        boolean dirty = !new String(status.getInputStream().readAllBytes(), StandardCharsets.UTF_8).isBlank();
        return "`" + hash + "`" + (dirty ? " (with uncommitted changes)" : "");
    }
}
