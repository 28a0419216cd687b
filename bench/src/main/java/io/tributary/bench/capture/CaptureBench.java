package io.tributary.bench.capture;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.tributary.testkit.ChildJvm;
import io.tributary.testkit.OrdersWorkload;
import io.tributary.testkit.TemporaryDirectory;
import io.tributary.testkit.TestingKafka;
import io.tributary.testkit.TestingSchemaRegistry;
import io.tributary.testkit.TestingBinlogServer;

/**
 * Debezium embedded against Tributary on the standard workload, in one go, on MariaDB 10.11 against Debezium 3.5 or
 * ({@code --server mysql}) on MySQL 9.7 against Debezium 3.6.1: a snapshot of {@code --rows} rows
 * (default 1,000,000) of the 8-column {@code orders} table and a binlog of as many row events (70 % inserts, 20 %
 * updates, 10 % deletes in transactions of 100), each in both JSON modes, delivered to a counter and to a local Kafka
 * broker, and in Avro with a schema registry to Kafka; latency at 200 inserts/s; and the raw limits of the bare binlog client and JDBC scan. Every run is a JVM of
 * its own with the same heap ({@code --heap}, default 1g) — Tributary's with the options its launcher ships
 * ({@code jvm.options}), Debezium's with the JVM's defaults; engines alternate; {@code --runs} (default 3) runs of
 * each give the medians. Writes {@code bench/results/capture.md} (on MySQL {@code capture-mysql.md}).
 *
 * <p>For profiling: {@code --engines tributary}, {@code --workloads streaming}, {@code --deliveries counter} and
 * {@code --sections throughput} run a selection (the results file is then left alone); {@code --profile DIR} records
 * each throughput run with Java Flight Recorder into {@code DIR}; {@code --tributary-jvm "OPTIONS"} replaces the
 * launcher's JVM options for Tributary's runs.
 */
public final class CaptureBench {
    /** Tributary's distribution as its launcher runs it: this jar, its manifest naming the libraries beside it. */
    private static final Path LAUNCHER_JAR = Path.of("cli", "target", "tributary-cli.jar");
    /** The class-data sharing archive for the runs' class path, made as the launcher makes its own. */
    private static final Path ENGINE_ARCHIVE = Path.of("bench", "target", "tributary-engine.jsa");
    private static final int LATENCY_RATE = 200;

    private final Map<String, String> options;
    private final BenchServer server;
    private final Path resultsFile;
    private final int rows;
    private final int runs;
    private final String heap;
    private final List<String> tributaryJvm;
    private final TemporaryDirectory directory;
    private int serverId = 9000;

    private CaptureBench(Map<String, String> options, TemporaryDirectory directory)
            throws IOException, InterruptedException {
        this.options = options;
        this.server = BenchServer.valueOf(options.getOrDefault("server", "mariadb").toUpperCase(Locale.ROOT));
        this.resultsFile = Path.of("bench", "results", server.resultsFile);
        this.rows = Integer.parseInt(options.getOrDefault("rows", "1000000"));
        this.runs = Integer.parseInt(options.getOrDefault("runs", "3"));
        this.heap = options.getOrDefault("heap", "1g");
        this.tributaryJvm = options.containsKey("tributary-jvm")
                ? List.of(options.get("tributary-jvm").split(" "))
                : LauncherJvm.withArchive(ENGINE_ARCHIVE, tributaryClassPath());
        this.directory = directory;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        try (TemporaryDirectory directory = TemporaryDirectory.create("tributary-bench")) {
            new CaptureBench(options, directory).run();
        }
    }

    private void run() throws Exception {
        List<Phase.Engine> engines = selection("engines", Phase.Engine.class);
        List<Phase.Workload> workloads = selection("workloads", Phase.Workload.class);
        List<Phase.Delivery> deliveries = selection("deliveries", Phase.Delivery.class);
        List<String> sections = Arrays.asList(options.getOrDefault("sections", "throughput,latency,raw").split(","));
        boolean complete = engines.size() == Phase.Engine.values().length
                && workloads.size() == Phase.Workload.values().length
                && deliveries.size() == Phase.Delivery.values().length && sections.size() == 3;
        Results results = new Results(server, rows, runs, heap, tributaryJvm);
        try (TestingBinlogServer snapshotServer = server.start();
                TestingBinlogServer streamingServer = server.start();
                TestingKafka kafka = deliveries.stream().anyMatch(Phase.Delivery::kafka) ? TestingKafka.create() : null;
                TestingSchemaRegistry registry = deliveries.contains(Phase.Delivery.KAFKA_AVRO)
                        ? TestingSchemaRegistry.create() : null) {
            System.out.printf("loading %,d rows, then %,d binlog row events ...%n", rows, rows);
            new OrdersWorkload(snapshotServer, Phase.Workload.SNAPSHOT.database).load(rows);
            // a server of its own, so that its binlog holds only the streaming workload
            new OrdersWorkload(streamingServer, Phase.Workload.STREAMING.database).run(rows / 100);
            for (int run = 0; run < runs; run++) {
                List<Phase.Engine> order = new ArrayList<>(engines);
                if (run % 2 == 1) {
                    Collections.reverse(order);
                }
                if (sections.contains("throughput")) {
                    throughput(run, order, workloads, deliveries, snapshotServer, streamingServer, kafka, registry,
                            results);
                }
                if (sections.contains("latency")) {
                    for (Phase.Engine engine : order) {
                        results.latency(engine, latency(engine, snapshotServer));
                    }
                }
                if (sections.contains("raw")) {
                    for (RawRun.Limit limit : RawRun.Limit.values()) {
                        results.raw(limit, raw(limit, limit == RawRun.Limit.BINLOG ? streamingServer : snapshotServer));
                    }
                }
            }
        }
        if (!complete) {
            System.out.println("(a selection of phases: " + resultsFile + " left as it was)");
            return;
        }
        String table = results.markdown(LocalDate.now(), Results.commit(), machine());
        Files.createDirectories(resultsFile.getParent());
        Files.writeString(resultsFile, table, StandardCharsets.UTF_8);
        System.out.println(table);
    }

    private void throughput(int run, List<Phase.Engine> engines, List<Phase.Workload> workloads,
            List<Phase.Delivery> deliveries, TestingBinlogServer snapshotServer, TestingBinlogServer streamingServer,
            TestingKafka kafka, TestingSchemaRegistry registry, Results results) throws Exception {
        Path profiles = options.containsKey("profile") ? Path.of(options.get("profile")).toAbsolutePath() : null;
        for (Phase.Delivery delivery : deliveries) {
            for (Phase.Workload workload : workloads) {
                for (boolean schemas : delivery.schemaModes()) {
                    for (Phase.Engine engine : engines) {
                        Phase phase = new Phase(engine, workload, schemas, delivery);
                        TestingBinlogServer database = workload == Phase.Workload.SNAPSHOT ? snapshotServer
                                : streamingServer;
                        List<String> jvm = jvmOptions(engine);
                        if (profiles != null) {
                            Files.createDirectories(profiles);
                            jvm.add("-XX:StartFlightRecording=settings=profile,filename="
                                    + profiles.resolve(phase.label().replace(' ', '-') + "-" + run + ".jfr"));
                        }
                        List<String> arguments = new ArrayList<>(List.of(engine.name(), workload.name(),
                                String.valueOf(schemas), delivery.name(), database.host(),
                                String.valueOf(database.port()), String.valueOf(rows), String.valueOf(serverId++)));
                        List<String> trailing = new ArrayList<>();
                        if (delivery.kafka()) {
                            trailing.add(kafka.bootstrapServers());
                        }
                        if (delivery == Phase.Delivery.KAFKA_AVRO) {
                            trailing.add(registry.confluentUrl());
                            trailing.add(registry.registryUrl().replace("/apis/registry/v3", "/apis/registry/v2"));
                        }
                        Measurement measurement = Measurement.fromLine(runChild(CaptureRun.class, phase.label(),
                                classPath(engine), jvm, arguments, trailing));
                        if (delivery.kafka()) {
                            deleteTopics(kafka);
                        }
                        System.out.printf("%-48s %,10.0f events/s %6.1f CPU-s/1M events %5d MiB  (%s)%n",
                                phase.label(), measurement.eventsPerSecond(), measurement.cpuSecondsPerMillion(),
                                measurement.peakRssKib() / 1024, measurement.threadCpuSummary());
                        results.throughput(phase, measurement);
                    }
                }
            }
        }
    }

    /** The sorted latencies, in milliseconds, of one engine streaming inserts made at 200 per second. */
    private long[] latency(Phase.Engine engine, TestingBinlogServer database) throws Exception {
        int events = Integer.parseInt(options.getOrDefault("latency-events", "6000"));
        int warmUp = LATENCY_RATE * 5;
        String label = Phase.lower(engine) + " latency";
        String line;
        try (LatencyWriter writer = new LatencyWriter(database, LATENCY_RATE)) {
            line = runChild(LatencyRun.class, label, classPath(engine), jvmOptions(engine), List.of(engine.name(),
                    database.host(), String.valueOf(database.port()), String.valueOf(serverId++), String.valueOf(warmUp),
                    String.valueOf(events)), List.of());
        }
        long[] latencies = Arrays.stream(line.strip().split(" ")).mapToLong(Long::parseLong).toArray();
        System.out.printf("%-48s p50 %d ms, p99 %d ms, max %d ms%n", label,
                Results.percentile(latencies, 50), Results.percentile(latencies, 99), latencies[latencies.length - 1]);
        return latencies;
    }

    private Measurement raw(RawRun.Limit limit, TestingBinlogServer database) throws Exception {
        Measurement measurement = Measurement.fromLine(runChild(RawRun.class, limit.label,
                System.getProperty("java.class.path"), new ArrayList<>(List.of("-Xmx" + heap)), List.of(limit.name(),
                        database.host(), String.valueOf(database.port()), limit == RawRun.Limit.BINLOG ? "stream" : "snap",
                        String.valueOf(rows), String.valueOf(serverId++)), List.of()));
        System.out.printf("%-48s %,10.0f rows/s %6.1f CPU-s/1M rows%n", limit.label, measurement.eventsPerSecond(),
                measurement.cpuSecondsPerMillion());
        return measurement;
    }

    private List<String> jvmOptions(Phase.Engine engine) {
        List<String> jvm = new ArrayList<>(List.of("-Xmx" + heap));
        if (engine == Phase.Engine.TRIBUTARY) {
            jvm.addAll(tributaryJvm);
        } else {
            jvm.add("-D" + BenchServer.CONNECTOR_PROPERTY + "=" + server.connectorClass);
        }
        return jvm;
    }

    /**
     * The class path of an engine's runs: Debezium's, the server's baseline ({@link BenchServer#debeziumClassPath}:
     * Debezium embedded and its connector with their dependencies, besides everything else the bench uses);
     * Tributary's, the bench's jar and the jar its launcher runs, whose manifest names the distribution's libraries.
     */
    private String classPath(Phase.Engine engine) throws IOException {
        return engine == Phase.Engine.DEBEZIUM ? server.debeziumClassPath() : tributaryClassPath();
    }

    /** This bench's jar (for {@link CaptureRun}) and Tributary's distribution as its launcher runs it. */
    private static String tributaryClassPath() throws IOException {
        if (!Files.exists(LAUNCHER_JAR)) {
            throw new IOException("expected Tributary's distribution at " + LAUNCHER_JAR + ", found nothing: build it "
                    + "with `mvn -pl cli -am package -DskipTests` (bench/run.sh does)");
        }
        String benchJar;
        try {
            benchJar = Path.of(CaptureBench.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IOException("cannot locate the bench's own jar", e);
        }
        return benchJar + File.pathSeparator + LAUNCHER_JAR.toAbsolutePath();
    }

    /** Runs {@code main} in a JVM of its own with the arguments plus a result file, and returns what it wrote. */
    private String runChild(Class<?> main, String label, String classPath, List<String> jvm, List<String> arguments,
            List<String> trailing) throws Exception {
        Path result = directory.resolve("result-" + serverId + "-" + main.getSimpleName());
        Path log = directory.resolve("run-" + serverId + "-" + main.getSimpleName() + ".log");
        List<String> all = new ArrayList<>(arguments);
        all.add(result.toString());
        all.addAll(trailing);
        Process process = ChildJvm.start(main, log, classPath, jvm, all.toArray(String[]::new));
        if (!process.waitFor(20, TimeUnit.MINUTES) || process.exitValue() != 0 || !Files.exists(result)) {
            process.destroyForcibly();
            throw new IllegalStateException(label + " failed; its log: " + log + "\n" + tail(log));
        }
        return Files.readString(result);
    }

    private static void deleteTopics(TestingKafka kafka) throws Exception {
        List<String> topics = kafka.admin().listTopics().names().get().stream()
                .filter(topic -> topic.startsWith("bench")).toList();
        kafka.admin().deleteTopics(topics).all().get();
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    private static String machine() throws IOException {
        String model = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                .filter(line -> line.startsWith("model name")).findFirst()
                .map(line -> line.substring(line.indexOf(':') + 1).strip()).orElse("unknown CPU");
        return Runtime.getRuntime().availableProcessors() + " cores (" + model + "), Java "
                + System.getProperty("java.version");
    }

    /** The comma-separated constants of option {@code name}, all of them when it is absent. */
    private <E extends Enum<E>> List<E> selection(String name, Class<E> type) {
        if (!options.containsKey(name)) {
            return List.of(type.getEnumConstants());
        }
        List<E> selected = new ArrayList<>();
        for (String constant : options.get(name).split(",")) {
            selected.add(Enum.valueOf(type, constant.strip().toUpperCase(Locale.ROOT)));
        }
        return selected;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected options such as --rows 1000000, found " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }
}
