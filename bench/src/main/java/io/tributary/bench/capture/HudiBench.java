package io.tributary.bench.capture;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.testkit.OrdersWorkload;
import io.tributary.testkit.TemporaryDirectory;
import io.tributary.testkit.TestingMariaDb;
import org.apache.hadoop.conf.Configuration;
import org.apache.hudi.common.model.HoodieCommitMetadata;
import org.apache.hudi.common.table.HoodieTableMetaClient;
import org.apache.hudi.common.table.timeline.HoodieInstant;
import org.apache.hudi.common.table.timeline.HoodieTimeline;
import org.apache.hudi.hadoop.fs.HadoopFSUtils;

/**
 * The Hudi sink on the product path: {@code tributary run <pipeline file>} as the launcher starts it, MariaDB's
 * {@code orders} into a copy-on-write or a merge-on-read table, on the workload of {@link ProductBench} (a snapshot
 * of {@code --rows} rows; a binlog of as many row events, 70/20/10 % inserts/updates/deletes in transactions of 100).
 * A run lasts from the process's start until the table's timeline holds the workload's end: for the snapshot, commits
 * whose inserts add up to the rows; for the stream, a commit carrying the offset of its last transaction, an insert of
 * its own after the workload (the sink keeps its offset in the commits). Its cost is the process's user + system CPU from {@code /proc}, start-up included,
 * compaction and cleaning included. The sink runs with its defaults ({@code batch.size} 100,000, inline compaction
 * every 5 delta commits) but {@code commit.interval.ms} ({@code --commit-interval-ms}, default 10,000, so the last
 * rows wait at most that long). No other engine writes Hudi tables from a binlog without Spark: Debezium has no
 * Hudi sink, so there is nothing to run beside it. Medians of {@code --runs} (default 3); writes
 * {@code bench/results/hudi.md}, or {@code hudi-<rows>-rows.md} at another scale. {@code --types merge_on_read},
 * {@code --workloads streaming} run a selection and {@code --profile DIR} records each run with Flight Recorder (the
 * results file is then left alone).
 */
public final class HudiBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PIPELINE = "bench";

    enum TableType {
        COPY_ON_WRITE, MERGE_ON_READ
    }

    /** One run's figures. */
    record Sample(long events, long wallNanos, ProcessCpu cost, int commits, int compactions, long tableBytes) {
        double eventsPerSecond() {
            return events * 1e9 / wallNanos;
        }

        double cpuSecondsPerMillion() {
            return cost.cpuNanos() / 1e9 * 1_000_000 / events;
        }
    }

    private final int rows;
    private final int runs;
    private final long commitIntervalMs;
    private final List<TableType> types;
    private final List<Phase.Workload> workloads;
    private final List<String> jvm;
    /** Where each run records a Flight Recording, or null. */
    private final Path profiles;
    private final TemporaryDirectory directory;
    private int serverId = 9700;
    private int runNumber;

    private HudiBench(Map<String, String> options, TemporaryDirectory directory)
            throws IOException, InterruptedException {
        this.rows = Integer.parseInt(options.getOrDefault("rows", "1000000"));
        this.runs = Integer.parseInt(options.getOrDefault("runs", "3"));
        this.commitIntervalMs = Long.parseLong(options.getOrDefault("commit-interval-ms", "10000"));
        this.types = Stream.of(options.getOrDefault("types", "copy_on_write,merge_on_read").split(","))
                .map(name -> TableType.valueOf(name.strip().replace('-', '_').toUpperCase(Locale.ROOT))).toList();
        this.workloads = Stream.of(options.getOrDefault("workloads", "snapshot,streaming").split(","))
                .map(name -> Phase.Workload.valueOf(name.strip().toUpperCase(Locale.ROOT))).toList();
        this.jvm = LauncherJvm.withArchive(ProductBench.LAUNCHER_ARCHIVE, ProductBench.LAUNCHER_JAR.toString());
        this.profiles = options.containsKey("profile") ? Path.of(options.get("profile")).toAbsolutePath() : null;
        this.directory = directory;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        try (TemporaryDirectory directory = TemporaryDirectory.create("tributary-hudi-bench")) {
            new HudiBench(options, directory).run();
        }
    }

    private void run() throws Exception {
        if (!Files.exists(ProductBench.LAUNCHER_JAR)) {
            throw new IOException("expected Tributary's distribution at " + ProductBench.LAUNCHER_JAR + ": build it "
                    + "with `mvn -pl cli -am package -DskipTests` (bench/run.sh does)");
        }
        Map<String, List<Sample>> samples = new LinkedHashMap<>();
        try (TestingMariaDb snapshotServer = TestingMariaDb.create();
                TestingMariaDb streamingServer = TestingMariaDb.create()) {
            System.out.printf("loading %,d rows, then %,d binlog row events ...%n", rows, rows);
            new OrdersWorkload(snapshotServer, Phase.Workload.SNAPSHOT.database).load(rows);
            OrdersWorkload streaming = new OrdersWorkload(streamingServer, Phase.Workload.STREAMING.database);
            streaming.run(rows / 100);
            // a transaction of one insert ends the stream: an offset within it is the offset of the stream's end
            Map<String, Object> end = streamingServer.binlogStatus();
            BinlogEnd streamEnd = new BinlogEnd(String.valueOf(end.get("File")),
                    ((Number) end.get("Position")).longValue());
            streaming.insertMarker(0);
            for (int run = 0; run < runs; run++) {
                for (Phase.Workload workload : workloads) {
                    for (TableType type : types) {
                        Sample sample = measure(type, workload, workload == Phase.Workload.SNAPSHOT
                                ? snapshotServer : streamingServer, streamEnd);
                        System.out.printf(Locale.ROOT, "%-13s %-9s %8.0f ev/s %6.2f CPU-s per 1 M (%2.0f %% sys) "
                                + "%5d MiB peak, %d commits, %d compactions, %,d bytes%n", type,
                                Phase.lower(workload), sample.eventsPerSecond(), sample.cpuSecondsPerMillion(),
                                sample.cost().systemNanos() * 100.0 / sample.cost().cpuNanos(),
                                sample.cost().peakRssKib() / 1024, sample.commits(), sample.compactions(),
                                sample.tableBytes());
                        samples.computeIfAbsent(type + " " + Phase.lower(workload), key -> new ArrayList<>())
                                .add(sample);
                    }
                }
            }
        }
        Path file = Path.of("bench", "results", rows == 1_000_000 ? "hudi.md" : "hudi-" + rows + "-rows.md");
        if (types.size() < TableType.values().length || workloads.size() < Phase.Workload.values().length
                || profiles != null) {
            System.out.println("(a selection: " + file + " left as it was)");
            return;
        }
        String table = markdown(samples, LocalDate.now(), Results.commit());
        Files.writeString(file, table, StandardCharsets.UTF_8);
        System.out.println(table);
    }

    /** Where the streaming workload's last transaction (its marker) starts: the offsets within it carry this. */
    private record BinlogEnd(String file, long pos) {
    }

    private Sample measure(TableType type, Phase.Workload workload, TestingMariaDb server, BinlogEnd streamEnd)
            throws Exception {
        Path runDirectory = Files.createDirectories(directory.resolve("run-" + ++runNumber));
        Path lake = runDirectory.resolve("lake");
        Path log = runDirectory.resolve("tributary.log");
        Path table = lake.resolve("bench_" + workload.database + "_orders");
        Path pipelineFile = pipeline(type, workload, server, runDirectory, lake);
        long start = System.nanoTime();
        List<String> options = new ArrayList<>(jvm);
        if (profiles != null) {
            Files.createDirectories(profiles);
            options.add("-XX:StartFlightRecording=settings=profile,filename=" + profiles.resolve(type + "-"
                    + Phase.lower(workload) + "-" + runNumber + ".jfr"));
        }
        Process process = LauncherJvm.run(options, ProductBench.LAUNCHER_JAR, pipelineFile, log);
        try {
            long deadline = start + TimeUnit.MINUTES.toNanos(30);
            while (!complete(table, workload, streamEnd)) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException(type + " " + Phase.lower(workload) + " stopped or stalled; its "
                            + "log: " + log + "\n" + ProductBench.tail(log));
                }
                Thread.sleep(200);
            }
            long wall = System.nanoTime() - start;
            ProcessCpu cost = ProcessCpu.of(process.pid());
            HoodieTimeline timeline = meta(table).getActiveTimeline().filterCompletedInstants();
            int commits = timeline.getCommitsTimeline().countInstants();
            int compactions = timeline.filter(instant -> instant.getAction().equals(HoodieTimeline.COMMIT_ACTION)
                    && type == TableType.MERGE_ON_READ).countInstants();
            return new Sample(rows, wall, cost, commits, compactions, bytesUnder(table));
        } finally {
            ProductBench.stop(process);
            deleteRecursively(runDirectory);
        }
    }

    /** The pipeline file: the benchmark's source settings, one Hudi sink of the given table type. */
    private Path pipeline(TableType type, Phase.Workload workload, TestingMariaDb server, Path runDirectory, Path lake)
            throws IOException {
        Properties pipeline = new Properties();
        pipeline.putAll(EngineConfig.source(server.host(), String.valueOf(server.port()),
                String.valueOf(serverId++), workload.database, workload.snapshotMode));
        pipeline.setProperty("name", PIPELINE);
        pipeline.setProperty("sinks", "lake");
        pipeline.setProperty("sink.lake.type", "hudi");
        pipeline.setProperty("sink.lake.hoodie.base.path", lake.toUri().toString());
        pipeline.setProperty("sink.lake.hoodie.table.type", type.name());
        pipeline.setProperty("sink.lake.commit.interval.ms", String.valueOf(commitIntervalMs));
        pipeline.setProperty("offset.storage.dir", runDirectory.resolve("offsets").toString());
        pipeline.setProperty("rest.port", "0");
        Path file = runDirectory.resolve("bench.properties");
        try (var out = Files.newOutputStream(file)) {
            pipeline.store(out, "the Hudi benchmark's pipeline");
        }
        return file;
    }

    /**
     * Whether the table holds the whole workload: for a snapshot, completed commits whose inserts add up to the rows;
     * for the stream, a completed commit whose offset is within the stream's last transaction (the marker).
     */
    private boolean complete(Path table, Phase.Workload workload, BinlogEnd streamEnd) throws IOException {
        if (!Files.exists(table.resolve(".hoodie").resolve("hoodie.properties"))) {
            return false;
        }
        HoodieTimeline commits;
        try {
            commits = meta(table).getActiveTimeline().getCommitsTimeline().filterCompletedInstants();
        } catch (org.apache.hudi.exception.TableNotFoundException e) {
            return false; // being created
        }
        long inserts = 0;
        for (HoodieInstant instant : commits.getInstants()) {
            HoodieCommitMetadata metadata = commits.readCommitMetadata(instant);
            if (workload == Phase.Workload.STREAMING) {
                String offset = metadata.getMetadata("tributary.offset." + PIPELINE);
                if (offset != null && atEnd(JSON.readTree(offset), streamEnd)) {
                    return true;
                }
            } else if (!instant.getAction().equals(HoodieTimeline.COMMIT_ACTION)
                    || metadata.getOperationType() != org.apache.hudi.common.model.WriteOperationType.COMPACT) {
                inserts += metadata.fetchTotalInsertRecordsWritten();
            }
        }
        return workload == Phase.Workload.SNAPSHOT && inserts >= rows;
    }

    private static boolean atEnd(JsonNode offset, BinlogEnd end) {
        return offset.path("file").asText().equals(end.file()) && offset.path("pos").asLong() >= end.pos();
    }

    private static HoodieTableMetaClient meta(Path table) {
        return HoodieTableMetaClient.builder().setConf(HadoopFSUtils.getStorageConf(new Configuration()))
                .setBasePath(table.toUri().toString()).build();
    }

    private static long bytesUnder(Path path) throws IOException {
        try (Stream<Path> files = Files.walk(path)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path each : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(each);
            }
        }
    }

    private String markdown(Map<String, List<Sample>> samples, LocalDate date, String commit) {
        StringBuilder out = new StringBuilder("# The Hudi sink on the product path\n\n");
        out.append(String.format(Locale.ROOT, "Measured %s at %s by `bench/run.sh HudiBench` (`capture.HudiBench`): "
                + "`tributary run` as its launcher starts it (JVM options: `%s`), MariaDB's `orders` (8 columns) "
                + "into a Hudi 1.2 table on the local file system, %,d change events a run — a snapshot of %,d rows, "
                + "or a binlog of %,d row events (70/20/10 %% inserts/updates/deletes, transactions of 100). Sink "
                + "defaults (`batch.size` 100,000; merge-on-read compacts inline every 5 delta commits) but "
                + "`commit.interval.ms` = %,d. A run ends when the table's timeline holds the whole workload (the "
                + "snapshot's inserts, or the commit carrying the offset of an insert made after the stream); its cost "
                + "is the whole "
                + "process's user + system CPU, start-up, compaction and cleaning included. Medians of %d runs; "
                + "commits and compactions are the completed instants at the end, bytes the table's files. Debezium "
                + "has no Hudi sink (tables of its events are written by Spark's HoodieStreamer), so no row beside it; "
                + "the same workload into a file or Kafka is in [product.md](product.md).%n%n", date, commit,
                String.join(" ", jvm), rows, rows, rows, commitIntervalMs, runs));
        out.append("| table | workload | events/s | CPU-s per 1 M events | peak RSS MiB | commits | compactions "
                + "| table MiB |\n|---|---|---:|---:|---:|---:|---:|---:|\n");
        samples.forEach((row, runs) -> out.append(String.format(Locale.ROOT,
                "| %s | %s | %,.0f | %.1f | %.0f | %.0f | %.0f | %.0f |%n", row.split(" ")[0], row.split(" ")[1],
                Medians.of(runs, Sample::eventsPerSecond), Medians.of(runs, Sample::cpuSecondsPerMillion),
                Medians.of(runs, sample -> sample.cost().peakRssKib() / 1024.0), Medians.of(runs, Sample::commits),
                Medians.of(runs, Sample::compactions), Medians.of(runs, sample -> sample.tableBytes() / 1048576.0))));
        return out.toString();
    }
}
