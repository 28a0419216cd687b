package io.tributary.bench.capture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import io.tributary.bench.capture.MongoReplicationBench.Route;
import io.tributary.bench.capture.MongoReplicationBench.Sample;

/** The samples of {@link MongoReplicationBench}, and its page of medians. */
final class MongoReplicationResults {
    private final long documents;
    private final int runs;
    private final int batch;
    private final String backend;
    private final List<String> serverJvm;
    private final List<String> workerJvm;
    private final List<String> tributaryJvm;
    private final String loadAtStart = loadAverage();
    private final Map<Route, List<Sample>> samples = new LinkedHashMap<>();

    MongoReplicationResults(long documents, int runs, int batch, String backend, List<String> serverJvm,
            List<String> workerJvm, List<String> tributaryJvm) {
        this.documents = documents;
        this.runs = runs;
        this.batch = batch;
        this.backend = backend;
        this.serverJvm = List.copyOf(serverJvm);
        this.workerJvm = List.copyOf(workerJvm);
        this.tributaryJvm = List.copyOf(tributaryJvm);
    }

    void add(Route route, Sample sample) {
        samples.computeIfAbsent(route, ignored -> new ArrayList<>()).add(sample);
    }

    static double perMillion(long nanos, long documents) {
        return nanos / 1e9 / documents * 1_000_000;
    }

    /** The 1-minute load average, from {@code /proc/loadavg}. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "unknown";
        }
    }

    String markdown(LocalDate date, String commit) {
        StringBuilder out = new StringBuilder("# Seed 004's MongoDB replication at scale\n\n");
        if (documents != MongoReplicationBench.STANDARD_DOCUMENTS) {
            out.append(String.format(Locale.ROOT, "**Scale: %,d documents snapshotted + %,d streamed, not the seed's "
                    + "10 M** (see below for why).%n%n", documents, documents));
        }
        out.append(String.format(Locale.ROOT, "%s at %s; `bench/run.sh capture.MongoReplicationBench --documents %d "
                + "--runs %d --backend %s`. Machine: 2 cores, 24 GiB, shared with other work: load average (1 min, "
                + "`/proc/loadavg`) %s at the start, %s at the end, and per run in the table.%n%n",
                date, commit, documents, runs, backend, loadAtStart, loadAverage()));
        out.append(String.format(Locale.ROOT, "Seed 004's products (`Item`, a `Colors` array of 3–5 strings, an "
                + "`Inventory` document of 2–3 numbers, an ObjectId `_id`) in `shop.products` of a source "
                + "mongo-java-server 1.47 (`%s` backend, oplog on, so that it serves change streams) replicated into a "
                + "target mongo-java-server; each server a JVM of its own (`java %s`), fresh for each run. Two phases "
                + "in one run: **snapshot** — %,d documents preloaded (`insertMany` batches of %,d), then "
                + "`tributary run <pipeline file>` started as its launcher starts it (`java %s -jar "
                + "cli/target/tributary-cli.jar run`), a Debezium `MongoDbConnector` configuration "
                + "(`snapshot.mode=initial`, defaults otherwise), the phase ending when the target holds every "
                + "document (JVM start-up included); **streaming** — then a writer in the benchmark's JVM inserts "
                + "%,d more in batches of %,d as fast as the source takes them, the phase ending when the target "
                + "holds all %,d. Routes: `direct` — Tributary's MongoDB sink writes the target "
                + "(`examples/documentdb-replication.properties`, seed 004 without Kafka); `kafka-N` — Tributary's "
                + "Kafka sink into a topic of N partitions (Connect JSON with schemas) on a Kafka 4.3.1 broker in a JVM "
                + "of its own, and Tributary's `io.tributary.connect.MongoSinkConnector` with `tasks.max=N` on a Kafka "
                + "Connect 4.3.1 worker in a JVM of its own (`java %s`, started before Tributary, its CPU counted from "
                + "its start) — seed 004's pipeline on Kafka, the Connect worker standing where the seed's Flink job "
                + "stands (Tributary has no Kafka source of its own). docs/s: documents arriving in the target, "
                + "end to end. CPU: user + system of the whole process from `/proc/<pid>/stat`, per 1 M documents of "
                + "the phase (the snapshot's from the process's start). Medians of %d run(s).%n%n",
                backend, String.join(" ", serverJvm), documents, batch, String.join(" ", tributaryJvm), documents,
                batch, 2 * documents, String.join(" ", workerJvm), runs));
        table(out);
        out.append("\n**Seed 004, for comparison** (its own hardware: source and target DocumentDB 5.0 on r6g.xlarge "
                + "— 4 vCPU, 32 GiB — in two regions, us-west-2 → us-east-1; Flink 1.16 `mongodb-cdc` on EMR 6.10, "
                + "m6g.xlarge core nodes; MSK Kafka 3.5.1 on 3× m7g.large; the writer on an r6i.xlarge): 10 M "
                + "documents inserted at ~10,000 docs/s; the target reached ~600 docs/s through 1 Kafka partition and "
                + "~1,400 docs/s through 4 partitions with Flink parallelism 4, the bottleneck being the Flink job's "
                + "MongoDB sink. Here everything — both servers, broker, Connect worker, Tributary and the writer "
                + "— shares 2 cores of one machine, over loopback, so the figures are not a like-for-like "
                + "comparison: they say what one Tributary process does on 2 cores, not what a DocumentDB cluster "
                + "takes.\n\n");
        if (documents != MongoReplicationBench.STANDARD_DOCUMENTS) {
            out.append("**Why not the seed's 10 M.** (1) Tributary's snapshot reads a collection with a `find()` of "
                    + "no batch size, and mongo-java-server answers each `getMore` with every remaining document in "
                    + "one reply (a real MongoDB caps a batch at 16 MiB), which the Java driver refuses beyond 48 MB: "
                    + "at 500,000 of these documents (~165 bytes each) the snapshot fails with `The reply message "
                    + "length 82444526 is greater than the maximum message length 48000000`, so against this server "
                    + "the snapshot phase cannot pass ~290,000 documents. (2) Time: the three routes took ~7 minutes at "
                    + "250,000 on 2 shared cores (~0.1 ms per document moved, plus start-ups), ~2.5 hours at 10 M. "
                    + "(3) Memory: the in-memory backend keeps the source's documents and its oplog entries of them "
                    + "on the heap (2N documents and 2N oplog entries for N snapshotted and N streamed); mongo-java-server's H2 backend (`--backend h2`, an MVStore file per "
                    + "server) resolves from Maven Central and would take that off the heap, but does not lift (1) "
                    + "or (2).\n\n");
        }
        out.append("**Debezium is not measured.** Debezium's MongoDB connector needs a replica set: it reads the "
                + "server's `hello` reply (`setName`, hosts) to find the primary, which mongo-java-server does not "
                + "imitate, and no real `mongod` or DocumentDB runs on this machine. Its event format is compared "
                + "without a server instead (`compat-mongodb`).\n");
        return out.toString();
    }

    private void table(StringBuilder out) {
        out.append("| route | phase | docs/s into the target | Tributary CPU-s / 1 M docs | Connect worker CPU-s / 1 M"
                + " | source server CPU-s / 1 M | target server CPU-s / 1 M | broker CPU-s / 1 M | peak RSS "
                + "Tributary / worker / source / target | load avg (1 min) at the end |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (Map.Entry<Route, List<Sample>> entry : samples.entrySet()) {
            List<Sample> runs = entry.getValue();
            String route = "`" + entry.getKey().label() + "`";
            boolean kafka = entry.getKey().partitions > 0;
            out.append(String.format(Locale.ROOT, "| %s | snapshot | %,.0f | %.1f | %s | | | | | |%n", route,
                    median(runs, s -> documents / (s.snapshotNanos() / 1e9)),
                    median(runs, s -> perMillion(s.tributary().snapshotCpuNanos(), documents)),
                    kafka ? String.format(Locale.ROOT, "%.1f",
                            median(runs, s -> perMillion(s.worker().snapshotCpuNanos(), documents))) : "–"));
            out.append(String.format(Locale.ROOT, "| %s | streaming (writer %,.0f docs/s) | %,.0f | %.1f | %s | | "
                    + "| | | |%n", route, median(runs, s -> documents / (s.writerNanos() / 1e9)),
                    median(runs, s -> documents / (s.streamingNanos() / 1e9)),
                    median(runs, s -> perMillion(s.tributary().runCpuNanos() - s.tributary().snapshotCpuNanos(),
                            documents)),
                    kafka ? String.format(Locale.ROOT, "%.1f", median(runs, s -> perMillion(
                            s.worker().runCpuNanos() - s.worker().snapshotCpuNanos(), documents))) : "–"));
            out.append(String.format(Locale.ROOT, "| %s | whole run | %,.0f | %.1f | %s | %.1f | %.1f | %s | "
                    + "%s / %s / %s / %s MiB | %s |%n", route,
                    median(runs, s -> 2 * documents / ((s.snapshotNanos() + s.streamingNanos()) / 1e9)),
                    median(runs, s -> perMillion(s.tributary().runCpuNanos(), 2 * documents)),
                    kafka ? String.format(Locale.ROOT, "%.1f",
                            median(runs, s -> perMillion(s.worker().runCpuNanos(), 2 * documents))) : "–",
                    median(runs, s -> perMillion(s.source().runCpuNanos(), 2 * documents)),
                    median(runs, s -> perMillion(s.target().runCpuNanos(), 2 * documents)),
                    kafka ? String.format(Locale.ROOT, "%.1f",
                            median(runs, s -> perMillion(s.broker().runCpuNanos(), 2 * documents))) : "–",
                    mib(runs, s -> s.tributary().peakRssKib()), kafka ? mib(runs, s -> s.worker().peakRssKib()) : "–",
                    mib(runs, s -> s.source().peakRssKib()), mib(runs, s -> s.target().peakRssKib()),
                    String.join(", ", runs.stream().map(Sample::loadAverage).toList())));
        }
    }

    private static String mib(List<Sample> runs, ToDoubleFunction<Sample> kib) {
        return String.format(Locale.ROOT, "%,.0f", median(runs, kib) / 1024);
    }

    private static double median(List<Sample> runs, ToDoubleFunction<Sample> value) {
        double[] values = runs.stream().mapToDouble(value).sorted().toArray();
        return values.length % 2 == 1 ? values[values.length / 2]
                : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
    }
}
