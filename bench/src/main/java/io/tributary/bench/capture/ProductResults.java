package io.tributary.bench.capture;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The product benchmark's samples, and its table of medians. */
final class ProductResults {
    /** One line of the table: a sink, a workload, a JSON mode. */
    record Row(ProductBench.Sink sink, Phase.Workload workload, boolean schemas) {
        @Override
        public String toString() {
            return sink.label + " " + Phase.lower(workload)
                    + (!sink.json() ? "" : schemas ? " with schemas" : " without schemas");
        }
    }

    private final int rows;
    private final int runs;
    private final List<String> launcherOptions;
    private final List<String> debeziumJvm;
    private final Map<Row, Map<Phase.Engine, List<ProductSample>>> samples = new LinkedHashMap<>();
    private final String loadAtStart = loadAverage();
    /** Each engine's sorted latencies in milliseconds, from the latency run into Kafka. */
    private final Map<Phase.Engine, long[]> latencies = new LinkedHashMap<>();

    ProductResults(int rows, int runs, List<String> launcherOptions, List<String> debeziumJvm) {
        this.rows = rows;
        this.runs = runs;
        this.launcherOptions = List.copyOf(launcherOptions);
        this.debeziumJvm = List.copyOf(debeziumJvm);
    }

    void add(Row row, Phase.Engine engine, ProductSample sample) {
        samples.computeIfAbsent(row, ignored -> new LinkedHashMap<>())
                .computeIfAbsent(engine, ignored -> new ArrayList<>()).add(sample);
    }

    void latency(Phase.Engine engine, long[] sorted) {
        latencies.put(engine, sorted);
    }

    String markdown(LocalDate date, String commit) {
        StringBuilder out = new StringBuilder();
        out.append("# The product path against Debezium\n\n");
        if (rows != 1_000_000) {
            out.append(String.format(Locale.ROOT, "**Small scale: %,d rows / %,d events, not the standard 1 M.** "
                    + "Start-up weighs more here than in a 1 M run. The standard run: "
                    + "`bench/run.sh capture.ProductBench` (writes `product.md`).%n%n", rows, rows));
        }
        out.append(String.format(Locale.ROOT, "%s at %s, %s; `bench/run.sh capture.ProductBench --rows %d --runs %d`."
                + " Medians of %d runs, engines alternating. Tributary: `java %s -jar cli/target/tributary-cli.jar run "
                + "<pipeline file>` (file or Kafka sink, the local offset store, REST on a free port, "
                + "`offset.flush.interval.ms=1000`, the default). Debezium: 3.5.0.Final embedded in a JVM of its own "
                + "(`java %s`, the JVM's default collector, G1; `DebeziumSinkRun`), writing the same lines to the same kind of file, one write "
                + "per batch, forced to disk every 1,000 ms before the records are marked processed (offsets: Kafka's "
                + "file store, flushed every 1,000 ms) — or sending with a Kafka Connect worker's producer settings "
                + "(acks=all, one request in flight, the producer's defaults otherwise: linger.ms 5, batch.size "
                + "16384, no compression), flushed on the same interval. Kafka exactly-once: Tributary with "
                + "`exactly.once=true` (one transaction per offset commit, the offsets in it); Debezium as a Connect "
                + "worker's exactly-once source task with `transaction.boundary=interval` on the same interval (the "
                + "worker's idempotent transactional producer, an offset record in each transaction), records counted "
                + "by a `read_committed` consumer, whose fetches are in the broker's CPU. CPU: user + system of the "
                + "whole process from `/proc/<pid>/stat`, from its start (JVM start-up included) until the benchmark saw the last "
                + "record delivered (lines in the file, the topic's end offset), per 1 M change events. Server: a "
                + "Kafka 4.3.1 broker in a JVM of its own, its CPU over the same span. Tributary's JVM is "
                + "given no -Xmx, as its launcher gives none (the JVM's default, a quarter of the machine's memory). "
                + "First-record times are wall-clock: the machine's load average (1 minute, `/proc/loadavg`) was %s "
                + "at the start and %s at the end.%n%n"
                + "The shared floor is the part of a row's work any engine must do alike, measured right after each "
                + "run by a bare program: for the file sink, writing as many bytes into a file of the same file system "
                + "in 1 MiB writes forced on the same interval (`WriteFloor`, the writing thread's CPU); for Kafka, a "
                + "bare producer sending the run's records to a fresh topic of the same broker with the engine's "
                + "producer settings (`ProduceFloor`, in the benchmark's warm JVM: the sending thread's CPU in "
                + "`send` and `flush` and the producer's network thread's — batching, compressing, sending; no "
                + "start-up, JIT or GC, so the least producing those bytes costs). The last column is the ratio of "
                + "the engines' CPU above their floors.%n%n", date, commit, machine(), rows, runs, runs,
                String.join(" ", launcherOptions), String.join(" ", debeziumJvm), loadAtStart, loadAverage()));
        table(out);
        return out.toString();
    }

    /** The DynamoDB rows, run alone at a scale of their own: {@code product-dynamodb.md}. */
    String dynamoDbMarkdown(LocalDate date, String commit) {
        StringBuilder out = new StringBuilder("# The product path against Debezium: DynamoDB\n\n");
        out.append(String.format(Locale.ROOT, "%s at %s, %s; `bench/run.sh capture.ProductBench --sinks dynamodb "
                + "--rows %d --runs %d`. **%,d rows / %,d events, not the standard 1 M**: DynamoDB Local (in memory, "
                + "a JVM of its own) is the bottleneck — a few thousand items a second at most here (the ev/s "
                + "columns) —; at this scale each engine's start-up weighs more than in a 1 M run. Medians "
                + "of %d runs, engines alternating, as in [product.md](product.md): Tributary `java %s -jar "
                + "cli/target/tributary-cli.jar run <pipeline file>` with its DynamoDB sink "
                + "(`aws.dynamodb.pk.hash=value.id`, BatchWriteItem 25 a call, the last write of a key kept); Debezium "
                + "3.5.0.Final embedded (`java %s`) in Connect's record format (no converter runs) writing the same "
                + "items the same way (`DebeziumSinkRun.DynamoDbOutput`: the row after a change as an item, a delete "
                + "by key, sent at the end of each batch the engine hands over, as a Connect sink's put), both into "
                + "a table the benchmark created, committing every 1,000 ms. A run ends when the item of the workload's last change is readable "
                + "(the last snapshot row; the streaming workload ends with an insert of its own for this). CPU as "
                + "in product.md, the whole process from its start; the server column is DynamoDB Local's CPU over "
                + "the run. No shared floor is measured. Load average (1 minute) at the start %s, at the end %s.%n%n",
                date, commit, machine(), rows, runs, rows, rows, runs,
                String.join(" ", launcherOptions), String.join(" ", debeziumJvm), loadAtStart, loadAverage()));
        table(out);
        return out.toString();
    }

    private void table(StringBuilder out) {
        out.append("| sink | workload | JSON | Debezium CPU-s / 1M | Tributary CPU-s / 1M | events per CPU-s × "
                + "| Debezium ev/s | Tributary ev/s | server CPU-s / 1M (Debezium / Tributary) "
                + "| peak RSS MiB (Debezium / Tributary) | first record s (Debezium / Tributary) "
                + "| kernel share of CPU (Debezium / Tributary) | shared floor CPU-s / 1M (Debezium / Tributary) "
                + "| above the floor × |\n");
        out.append("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        samples.forEach((row, byEngine) -> {
            List<ProductSample> debezium = byEngine.getOrDefault(Phase.Engine.DEBEZIUM, List.of());
            List<ProductSample> tributary = byEngine.getOrDefault(Phase.Engine.TRIBUTARY, List.of());
            if (debezium.isEmpty() || tributary.isEmpty()) {
                return;
            }
            double debeziumCpu = Medians.of(debezium, ProductSample::cpuSecondsPerMillion);
            double tributaryCpu = Medians.of(tributary, ProductSample::cpuSecondsPerMillion);
            boolean server = row.sink() != ProductBench.Sink.FILE;
            boolean floor = row.sink() != ProductBench.Sink.DYNAMODB;
            double debeziumAbove = Medians.of(debezium, ProductSample::aboveFloorCpuSecondsPerMillion);
            double tributaryAbove = Medians.of(tributary, ProductSample::aboveFloorCpuSecondsPerMillion);
            out.append(String.format(Locale.ROOT, "| %s | %s | %s | %.1f | %.1f | %.1f× | %,.0f | %,.0f | %s "
                    + "| %.0f / %.0f | %.1f / %.1f | %.0f %% / %.0f %% | %s | %s |%n",
                    row.sink().label, Phase.lower(row.workload()),
                    !row.sink().json() ? "–" : row.schemas() ? "with schemas" : "without", debeziumCpu, tributaryCpu,
                    debeziumCpu / tributaryCpu,
                    Medians.of(debezium, ProductSample::eventsPerSecond), Medians.of(tributary, ProductSample::eventsPerSecond),
                    server ? String.format(Locale.ROOT, "%.1f / %.1f",
                            Medians.of(debezium, ProductSample::serverCpuSecondsPerMillion),
                            Medians.of(tributary, ProductSample::serverCpuSecondsPerMillion)) : "–",
                    Medians.of(debezium, sample -> sample.peakRssKib() / 1024.0),
                    Medians.of(tributary, sample -> sample.peakRssKib() / 1024.0),
                    Medians.of(debezium, sample -> sample.firstRecordNanos() / 1e9),
                    Medians.of(tributary, sample -> sample.firstRecordNanos() / 1e9),
                    Medians.of(debezium, ProductSample::systemPercent), Medians.of(tributary, ProductSample::systemPercent),
                    floor ? String.format(Locale.ROOT, "%.1f / %.1f",
                            Medians.of(debezium, ProductSample::floorCpuSecondsPerMillion),
                            Medians.of(tributary, ProductSample::floorCpuSecondsPerMillion)) : "–",
                    floor ? String.format(Locale.ROOT, "%.1f×", debeziumAbove / tributaryAbove) : "–"));
        });
        out.append("\nEvery sample (CPU-s / 1M events, in run order): ");
        samples.forEach((row, byEngine) -> byEngine.forEach((engine, list) -> {
            out.append(row).append(' ').append(Phase.lower(engine)).append(' ');
            list.forEach(sample -> out.append(row.sink() == ProductBench.Sink.DYNAMODB
                    ? String.format(Locale.ROOT, "%.2f ", sample.cpuSecondsPerMillion())
                    : String.format(Locale.ROOT, "%.2f (floor %.2f) ", sample.cpuSecondsPerMillion(),
                            sample.floorCpuSecondsPerMillion())));
            out.append("; ");
        }));
        out.append('\n');
    }

    /** The latency runs' results: {@code product-latency.md}. */
    String latencyMarkdown(LocalDate date, String commit) {
        StringBuilder out = new StringBuilder("# Latency on the product path\n\n");
        out.append(String.format(Locale.ROOT, "%s at %s, %s; `bench/run.sh capture.ProductBench` (its last step; "
                + "`--runs 0 --rows 1000` runs only this). Each engine as in [product.md](product.md) (Tributary: "
                + "`java %s -jar cli/target/tributary-cli.jar run <pipeline file>`; Debezium 3.5 embedded, `java %s`), "
                + "streaming one table into Kafka with JSON with schemas and its default settings otherwise, while "
                + "the benchmark inserts 200 rows a second, each committed on its own and stamped with the client's "
                + "clock; an insert's latency is from that stamp to a consumer of the topic (in the benchmark's JVM, "
                + "same clock) receiving its event. The events after 5 s of warm-up; one run per engine. Load "
                + "average (1 minute) at the end: %s.%n%n", date, commit, machine(),
                String.join(" ", launcherOptions), String.join(" ", debeziumJvm), loadAverage()));
        out.append("| engine | events | p50 ms | p90 ms | p99 ms | max ms |\n|---|---:|---:|---:|---:|---:|\n");
        latencies.forEach((engine, sorted) -> out.append(String.format(Locale.ROOT,
                "| %s | %,d | %d | %d | %d | %d |%n", Phase.lower(engine), sorted.length, Results.percentile(sorted, 50), Results.percentile(sorted, 90),
                Results.percentile(sorted, 99), sorted[sorted.length - 1])));
        return out.toString();
    }

    /** The machine's load average over the last minute. */
    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static String machine() {
        return Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version");
    }
}
