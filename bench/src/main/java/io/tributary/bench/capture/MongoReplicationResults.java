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
    private final long streamed;
    private final int runs;
    private final int batch;
    private final String backend;
    private final List<String> serverJvm;
    private final List<String> workerJvm;
    private final List<String> tributaryJvm;
    private final String loadAtStart = loadAverage();
    private final Map<Route, List<Sample>> samples = new LinkedHashMap<>();

    MongoReplicationResults(long documents, long streamed, int runs, int batch, String backend, List<String> serverJvm,
            List<String> workerJvm, List<String> tributaryJvm) {
        this.documents = documents;
        this.streamed = streamed;
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
        out.append(String.format(Locale.ROOT, "**Scale: %,d documents snapshotted, then %,d streamed.**%s%n%n",
                documents, streamed, documents == MongoReplicationBench.STANDARD_DOCUMENTS ? " The seed's 10 M, "
                        + "loaded before the pipeline starts (see below for why they are not all streamed)."
                        : " Not the seed's 10 M (see below)."));
        out.append(String.format(Locale.ROOT, "%s at %s; `bench/run.sh capture.MongoReplicationBench --documents %d "
                + "--streamed %d --runs %d --routes %s --backend %s`. Machine: 2 cores, 24 GiB, shared with other work: load average (1 min, "
                + "`/proc/loadavg`) %s at the start, %s at the end, and per run in the table.%n%n",
                date, commit, documents, streamed, runs, String.join(",", samples.keySet().stream()
                        .map(MongoReplicationBench.Route::label).toList()), backend, loadAtStart, loadAverage()));
        out.append(String.format(Locale.ROOT, "Seed 004's products (`Item`, a `Colors` array of 3–5 strings, an "
                + "`Inventory` document of 2–3 numbers, an ObjectId `_id`) in `shop.products` of a source "
                + "mongo-java-server 1.47 (`%s` backend; its oplog, which change streams need, turned on after the "
                + "preload — see below) replicated into a "
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
                backend, String.join(" ", serverJvm), documents, batch, String.join(" ", tributaryJvm), streamed,
                batch, documents + streamed, String.join(" ", workerJvm), runs));
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
        out.append("**What the test server allows.** mongo-java-server answers a change stream's `getMore` by "
                + "scanning and sorting its whole oplog (`CollectionBackedOplog.streamOplog`), so a stream's cost "
                + "grows with everything the server ever wrote: the preloaded documents are therefore kept out of "
                + "the oplog (it is turned on once they are in, as on a real server whose oplog has rolled over "
                + "since), and the streaming phase — which here measures that scan as much as Tributary — is kept "
                + "to a size the scan allows; streaming 10 M documents, as the seed's writer did, would take hours "
                + "here for that reason alone. Tributary reads snapshots and streams in batches of "
                + "`max.batch.size` (2,048), which holds its memory to what one batch and its queue take, whatever "
                + "the server sends (this server, unlike MongoDB's 16 MiB cap, would otherwise answer a `getMore` "
                + "with all it has). With the `h2` backend the servers keep documents in an MVStore file on disk; "
                + "a `find()` still gathers all its results on the source server's heap, which sets the source's "
                + "heap (`--source-heap`).\n\n");
        if (documents < MongoReplicationBench.STANDARD_DOCUMENTS) {
            out.append("**Why not the seed's 10 M.** No MongoDB server runs here, and the stand-in's memory backend "
                    + "keeps every document on its heap: the servers' peak RSS in the table grows with the documents "
                    + "they hold, and two servers of 10 M documents each need more than this 24 GiB machine has. "
                    + "Its `h2` backend keeps them on disk instead, but moves documents several times more slowly "
                    + "([mongodb-replication-100000-documents.md](mongodb-replication-100000-documents.md): the "
                    + "`h2` backend on the same route), which puts a 10 M run past an hour per route.\n\n");
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
                    Medians.of(runs, s -> documents / (s.snapshotNanos() / 1e9)),
                    Medians.of(runs, s -> perMillion(s.tributary().snapshotCpuNanos(), documents)),
                    kafka ? String.format(Locale.ROOT, "%.1f",
                            Medians.of(runs, s -> perMillion(s.worker().snapshotCpuNanos(), documents))) : "–"));
            out.append(String.format(Locale.ROOT, "| %s | streaming (writer %,.0f docs/s) | %,.0f | %.1f | %s | | "
                    + "| | | |%n", route, Medians.of(runs, s -> streamed / (s.writerNanos() / 1e9)),
                    Medians.of(runs, s -> streamed / (s.streamingNanos() / 1e9)),
                    Medians.of(runs, s -> perMillion(s.tributary().runCpuNanos() - s.tributary().snapshotCpuNanos(),
                            streamed)),
                    kafka ? String.format(Locale.ROOT, "%.1f", Medians.of(runs, s -> perMillion(
                            s.worker().runCpuNanos() - s.worker().snapshotCpuNanos(), streamed))) : "–"));
            out.append(String.format(Locale.ROOT, "| %s | whole run | %,.0f | %.1f | %s | %.1f | %.1f | %s | "
                    + "%s / %s / %s / %s MiB | %s |%n", route,
                    Medians.of(runs, s -> (documents + streamed) / ((s.snapshotNanos() + s.streamingNanos()) / 1e9)),
                    Medians.of(runs, s -> perMillion(s.tributary().runCpuNanos(), documents + streamed)),
                    kafka ? String.format(Locale.ROOT, "%.1f",
                            Medians.of(runs, s -> perMillion(s.worker().runCpuNanos(), documents + streamed))) : "–",
                    Medians.of(runs, s -> perMillion(s.source().runCpuNanos(), documents + streamed)),
                    Medians.of(runs, s -> perMillion(s.target().runCpuNanos(), documents + streamed)),
                    kafka ? String.format(Locale.ROOT, "%.1f",
                            Medians.of(runs, s -> perMillion(s.broker().runCpuNanos(), documents + streamed))) : "–",
                    mib(runs, s -> s.tributary().peakRssKib()), kafka ? mib(runs, s -> s.worker().peakRssKib()) : "–",
                    mib(runs, s -> s.source().peakRssKib()), mib(runs, s -> s.target().peakRssKib()),
                    String.join(", ", runs.stream().map(Sample::loadAverage).toList())));
        }
    }

    private static String mib(List<Sample> runs, ToDoubleFunction<Sample> kib) {
        return String.format(Locale.ROOT, "%,.0f", Medians.of(runs, kib) / 1024);
    }
}
