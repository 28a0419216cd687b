package io.tributary.bench.capture;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

import io.tributary.testkit.ChildJvm;
import io.tributary.testkit.OrdersWorkload;
import io.tributary.testkit.TemporaryDirectory;
import io.tributary.testkit.TestingMariaDb;

/**
 * Debezium 3.5 embedded against Tributary, capturing the standard workload into a counter: a snapshot of
 * {@code --rows} rows (default 1,000,000) of the 8-column {@code orders} table, and a binlog of as many row events
 * (70 % inserts, 20 % updates, 10 % deletes in transactions of 100), each in both JSON modes. Every run is a JVM of
 * its own with the same heap ({@code --heap}, default 1g); engines alternate; {@code --runs} (default 3) runs of each
 * give the medians. Writes {@code bench/results/capture.md}.
 */
public final class CaptureBench {
    private static final Path RESULTS = Path.of("bench", "results", "capture.md");

    private CaptureBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int rows = Integer.parseInt(options.getOrDefault("rows", "1000000"));
        int runs = Integer.parseInt(options.getOrDefault("runs", "3"));
        String heap = options.getOrDefault("heap", "1g");
        Map<Phase, List<Measurement>> results = new LinkedHashMap<>();
        try (TestingMariaDb snapshotServer = TestingMariaDb.create();
                TestingMariaDb streamingServer = TestingMariaDb.create();
                TemporaryDirectory directory = TemporaryDirectory.create("tributary-bench")) {
            System.out.printf("loading %,d rows, then %,d binlog row events ...%n", rows, rows);
            new OrdersWorkload(snapshotServer, Phase.Workload.SNAPSHOT.database).load(rows);
            // a server of its own, so that its binlog holds only the streaming workload
            new OrdersWorkload(streamingServer, Phase.Workload.STREAMING.database).run(rows / 100);
            int serverId = 9000;
            for (int run = 0; run < runs; run++) {
                for (Phase.Workload workload : Phase.Workload.values()) {
                    for (boolean schemas : new boolean[] {true, false}) {
                        List<Phase.Engine> engines = new ArrayList<>(List.of(Phase.Engine.values()));
                        if (run % 2 == 1) {
                            java.util.Collections.reverse(engines);
                        }
                        for (Phase.Engine engine : engines) {
                            Phase phase = new Phase(engine, workload, schemas);
                            TestingMariaDb server = workload == Phase.Workload.SNAPSHOT ? snapshotServer
                                    : streamingServer;
                            Measurement measurement = runOnce(phase, server, rows, heap, serverId++, directory);
                            System.out.printf("%-40s %,10.0f events/s %6.1f CPU-s/1M events %5d MiB%n",
                                    phase.label(), measurement.eventsPerSecond(),
                                    measurement.cpuSecondsPerMillion(), measurement.peakRssKib() / 1024);
                            results.computeIfAbsent(phase, ignored -> new ArrayList<>()).add(measurement);
                        }
                    }
                }
            }
        }
        String table = table(results, rows, runs, heap);
        Files.createDirectories(RESULTS.getParent());
        Files.writeString(RESULTS, table, StandardCharsets.UTF_8);
        System.out.println(table);
    }

    private static Measurement runOnce(Phase phase, TestingMariaDb mariaDb, int rows, String heap, int serverId,
            TemporaryDirectory directory) throws Exception {
        Path result = directory.resolve("result-" + serverId);
        Path log = directory.resolve("run-" + serverId + ".log");
        Process process = ChildJvm.start(CaptureRun.class, log, List.of("-Xmx" + heap),
                phase.engine().name(), phase.workload().name(), String.valueOf(phase.schemas()), mariaDb.host(),
                String.valueOf(mariaDb.port()), String.valueOf(rows), String.valueOf(serverId), result.toString());
        if (!process.waitFor(15, TimeUnit.MINUTES) || process.exitValue() != 0 || !Files.exists(result)) {
            process.destroyForcibly();
            throw new IllegalStateException(phase.label() + " failed; its log: " + log + "\n"
                    + tail(log));
        }
        return Measurement.fromLine(Files.readString(result));
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    private static String table(Map<Phase, List<Measurement>> results, int rows, int runs, String heap)
            throws Exception {
        StringBuilder out = new StringBuilder();
        out.append("# Capture: Debezium 3.5 embedded vs Tributary\n\n")
                .append("Written by `bench/run.sh capture.CaptureBench` on ").append(LocalDate.now())
                .append(" at commit ").append(commit()).append(", ").append(machine()).append(".\n\n")
                .append(String.format("%,d", rows)).append(" rows snapshot / ").append(String.format("%,d", rows))
                .append(" binlog row events (70/20/10 % inserts/updates/deletes, transactions of 100) of the 8-column ")
                .append("`orders` table on MariaDB 10.11; each engine captures into a counter of JSON-encoded events ")
                .append("(JsonConverter, or Tributary's identical encoder). Each run is a JVM of its own with `-Xmx")
                .append(heap).append("`; medians of ").append(runs).append(" runs, engines alternating. CPU is the ")
                .append("capturing JVM's own; \"other CPU\" is what every other process (MariaDB serving the capture ")
                .append("included) used meanwhile.\n\n")
                .append("| workload | JSON | engine | events/s | CPU-s per 1M events | events per CPU-s | peak RSS MiB ")
                .append("| GC s | other CPU-s |\n|---|---|---|---:|---:|---:|---:|---:|---:|\n");
        StringBuilder ratios = new StringBuilder("\n| workload | JSON | throughput × | events per CPU-s × | "
                + "peak RSS ÷ |\n|---|---|---:|---:|---:|\n");
        for (Phase.Workload workload : Phase.Workload.values()) {
            for (boolean schemas : new boolean[] {true, false}) {
                Map<Phase.Engine, double[]> medians = new EnumMap<>(Phase.Engine.class);
                for (Phase.Engine engine : Phase.Engine.values()) {
                    List<Measurement> runsOf = results.get(new Phase(engine, workload, schemas));
                    double[] values = {median(runsOf, Measurement::eventsPerSecond),
                        median(runsOf, Measurement::cpuSecondsPerMillion),
                        median(runsOf, Measurement::eventsPerCpuSecond),
                        median(runsOf, m -> m.peakRssKib() / 1024.0), median(runsOf, m -> m.gcMillis() / 1000.0),
                        median(runsOf, m -> m.otherCpuNanos() / 1e9)};
                    medians.put(engine, values);
                    out.append(String.format("| %s | %s | %s | %,.0f | %.1f | %,.0f | %.0f | %.2f | %.1f |%n",
                            workload.name().toLowerCase(java.util.Locale.ROOT), schemas ? "with schemas" : "without",
                            engine.name().charAt(0) + engine.name().substring(1).toLowerCase(java.util.Locale.ROOT),
                            values[0], values[1], values[2], values[3], values[4], values[5]));
                }
                double[] debezium = medians.get(Phase.Engine.DEBEZIUM);
                double[] tributary = medians.get(Phase.Engine.TRIBUTARY);
                ratios.append(String.format("| %s | %s | %.1f× | %.1f× | %.1f× |%n",
                        workload.name().toLowerCase(java.util.Locale.ROOT), schemas ? "with schemas" : "without",
                        tributary[0] / debezium[0], tributary[2] / debezium[2], debezium[3] / tributary[3]));
            }
        }
        return out.append("\nTributary against Debezium (medians; higher is better for Tributary):\n")
                .append(ratios).toString();
    }

    private static double median(List<Measurement> runs, ToDoubleFunction<Measurement> metric) {
        double[] values = runs.stream().mapToDouble(metric).sorted().toArray();
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    private static String commit() throws Exception {
        Process git = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").redirectErrorStream(true).start();
        String hash = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        Process status = new ProcessBuilder("git", "status", "--porcelain", "--untracked-files=no")
                .redirectErrorStream(true).start();
        boolean dirty = !new String(status.getInputStream().readAllBytes(), StandardCharsets.UTF_8).isBlank();
        return "`" + hash + "`" + (dirty ? " (with uncommitted changes)" : "");
    }

    private static String machine() throws IOException {
        String model = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                .filter(line -> line.startsWith("model name")).findFirst()
                .map(line -> line.substring(line.indexOf(':') + 1).strip()).orElse("unknown CPU");
        return Runtime.getRuntime().availableProcessors() + " cores (" + model + "), Java "
                + System.getProperty("java.version");
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --rows, --runs or --heap, found " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }
}
