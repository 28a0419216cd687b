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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import io.tributary.testkit.TemporaryDirectory;
import io.tributary.testkit.TestingConnectWorker;
import org.bson.Document;

/**
 * Seed 004's replication at scale: a collection of {@code --documents} product documents ({@link ProductsWorkload})
 * captured from a source mongo-java-server and written into a target one, each server a JVM of its own
 * ({@link MongoServerMain}), by {@code tributary run <pipeline file>} started as its launcher starts it — straight
 * into the MongoDB sink ({@code direct}), or into a Kafka topic of 1 or 4 partitions ({@code kafka-1},
 * {@code kafka-4}: the broker a JVM of its own, {@link BenchBroker}) out of which Tributary's MongoDB sink connector
 * on a Kafka Connect worker (a JVM of its own, as many tasks as partitions) writes the target, seed 004's pipeline on
 * Kafka. Two phases in one run: the snapshot of the preloaded documents, then {@code --streamed} more (as many as
 * preloaded unless told) inserted by a writer in {@code insertMany} batches while the pipeline streams; the source's
 * oplog, which its change streams read, turned on between the preload and the pipeline's start. A phase ends when the target holds its last document; its
 * cost is each process's user + system CPU from {@code /proc} (from the process's start for the snapshot). Writes
 * {@code bench/results/mongodb-replication.md}, or {@code mongodb-replication-<documents>-documents.md} below 10 M.
 */
public final class MongoReplicationBench {
    static final int STANDARD_DOCUMENTS = 10_000_000;
    private static final long STALL_NANOS = TimeUnit.MINUTES.toNanos(3);

    /** How the documents travel from the source to the target. */
    enum Route {
        DIRECT(0), KAFKA_1(1), KAFKA_4(4);

        final int partitions;

        Route(int partitions) {
            this.partitions = partitions;
        }

        String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** A process's CPU at the end of each phase, and its peak resident set at the end of the run. */
    record Cost(long snapshotCpuNanos, long runCpuNanos, long peakRssKib) {
        static final Cost NONE = new Cost(0, 0, 0);
    }

    /** One run of one route: wall times of the phases, and the cost of each process in it. */
    record Sample(long snapshotNanos, long streamingNanos, long writerNanos, Cost tributary, Cost worker, Cost source,
            Cost target, Cost broker, String loadAverage) {
    }

    private final long documents;
    private final long streamed;
    private final int runs;
    private final int batch;
    private final List<Route> routes;
    private final String backend;
    private final List<String> sourceJvm;
    private final List<String> targetJvm;
    private final List<String> workerJvm;
    private final List<String> tributaryJvm;
    private final TemporaryDirectory directory;
    private int runNumber;

    private MongoReplicationBench(Map<String, String> options, TemporaryDirectory directory)
            throws IOException, InterruptedException {
        this.documents = Long.parseLong(options.getOrDefault("documents", String.valueOf(STANDARD_DOCUMENTS)));
        this.streamed = Long.parseLong(options.getOrDefault("streamed", String.valueOf(documents)));
        this.runs = Integer.parseInt(options.getOrDefault("runs", "1"));
        this.batch = Integer.parseInt(options.getOrDefault("batch", "1000"));
        this.routes = Stream.of(options.getOrDefault("routes", "direct,kafka-4,kafka-1").split(","))
                .map(name -> Route.valueOf(name.strip().replace('-', '_').toUpperCase(Locale.ROOT))).toList();
        this.backend = options.getOrDefault("backend", "memory");
        this.sourceJvm = List.of("-Xmx" + options.getOrDefault("source-heap", "2g"), "-XX:+UseParallelGC");
        this.targetJvm = List.of("-Xmx" + options.getOrDefault("target-heap", "2g"), "-XX:+UseParallelGC");
        // Kafka's connect-distributed.sh: -Xmx2G, the JVM's default collector
        this.workerJvm = List.of("-Xms256m", "-Xmx2g");
        this.tributaryJvm = LauncherJvm.withArchive(ProductBench.LAUNCHER_ARCHIVE,
                ProductBench.LAUNCHER_JAR.toString());
        this.directory = directory;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        try (TemporaryDirectory directory = TemporaryDirectory.create("tributary-mongo-bench")) {
            new MongoReplicationBench(options, directory).run();
        }
        System.exit(0);
    }

    private void run() throws Exception {
        MongoReplicationResults results = new MongoReplicationResults(documents, streamed, runs, batch, backend, sourceJvm,
                workerJvm, tributaryJvm);
        try (BenchBroker broker = routes.stream().anyMatch(route -> route.partitions > 0)
                ? BenchBroker.start(directory.path()) : null) {
            for (int run = 0; run < runs; run++) {
                for (Route route : routes) {
                    Sample sample = measure(route, broker);
                    System.out.printf(Locale.ROOT, "%-8s snapshot %8.0f docs/s, streaming %8.0f docs/s (writer %.0f "
                            + "docs/s); CPU-s per 1 M: tributary %.1f / %.1f, worker %.1f / %.1f; RSS tributary %d "
                            + "MiB, worker %d MiB; load %s%n", route.label(),
                            documents / (sample.snapshotNanos() / 1e9), streamed / (sample.streamingNanos() / 1e9),
                            streamed / (sample.writerNanos() / 1e9),
                            MongoReplicationResults.perMillion(sample.tributary().snapshotCpuNanos(), documents),
                            MongoReplicationResults.perMillion(sample.tributary().runCpuNanos()
                                    - sample.tributary().snapshotCpuNanos(), streamed),
                            MongoReplicationResults.perMillion(sample.worker().snapshotCpuNanos(), documents),
                            MongoReplicationResults.perMillion(sample.worker().runCpuNanos()
                                    - sample.worker().snapshotCpuNanos(), streamed),
                            sample.tributary().peakRssKib() / 1024, sample.worker().peakRssKib() / 1024,
                            sample.loadAverage());
                    results.add(route, sample);
                }
            }
        }
        Path file = Path.of("bench", "results", documents == STANDARD_DOCUMENTS ? "mongodb-replication.md"
                : "mongodb-replication-" + documents + "-documents.md");
        String table = results.markdown(LocalDate.now(), Results.commit());
        Files.writeString(file, table, StandardCharsets.UTF_8);
        System.out.println(table);
        System.out.println("written: " + file);
    }

    /** One run: fresh source and target servers, the preload, then the pipeline's snapshot and streaming phases. */
    private Sample measure(Route route, BenchBroker broker) throws Exception {
        Path runDirectory = Files.createDirectories(directory.resolve("run-" + ++runNumber));
        String prefix = "docdb" + runNumber;
        try (ServerJvm sourceServer = ServerJvm.start(MongoServerMain.class, runDirectory, "source", sourceJvm,
                backend("source", runDirectory));
                ServerJvm targetServer = ServerJvm.start(MongoServerMain.class, runDirectory, "target", targetJvm,
                        backend("target", runDirectory));
                MongoClient sourceClient = MongoClients.create(sourceServer.address());
                MongoClient targetClient = MongoClients.create(targetServer.address())) {
            MongoCollection<Document> source = sourceClient.getDatabase("shop").getCollection("products");
            MongoCollection<Document> target = targetClient.getDatabase("shop").getCollection("products");
            ProductsWorkload workload = new ProductsWorkload(source, batch);
            long loaded = workload.insert(0, documents);
            System.out.printf(Locale.ROOT, "%s run %d: %,d documents loaded at %.0f docs/s%n", route.label(),
                    runNumber, documents, documents / (loaded / 1e9));
            sourceServer.tell("oplog");
            awaitOplog(sourceClient);
            long brokerStart = broker == null ? 0 : broker.cpuNanos();
            long sourceStart = sourceServer.cpuNanos();
            long targetStart = targetServer.cpuNanos();
            TestingConnectWorker worker = null;
            Process tributary = null;
            Path log = runDirectory.resolve("tributary.log");
            try {
                Properties pipeline = pipeline(route, prefix, sourceServer.address(), targetServer.address(),
                        broker, runDirectory);
                if (route.partitions > 0) {
                    String topic = prefix + ".shop.products";
                    broker.createTopic(topic, route.partitions);
                    worker = TestingConnectWorker.create(broker.bootstrapServers(), Map.of(), workerJvm);
                    worker.rest().putConnector("replica", Map.of("connector.class",
                            "io.tributary.connect.MongoSinkConnector", "topics", topic, "connection.uri",
                            targetServer.address(), "database", "shop", "collection", "products", "tasks.max",
                            String.valueOf(route.partitions)));
                }
                Path file = runDirectory.resolve("replication.properties");
                try (var out = Files.newOutputStream(file)) {
                    pipeline.store(out, "seed 004's replication, benchmarked");
                }
                long start = System.nanoTime();
                tributary = LauncherJvm.run(tributaryJvm, ProductBench.LAUNCHER_JAR, file, log);
                List<ProcessHandle> processes = worker == null ? List.of(tributary.toHandle())
                        : List.of(tributary.toHandle(), ProcessHandle.of(worker.pid()).orElseThrow());
                awaitTarget(target, documents, processes, log);
                long snapshotEnd = System.nanoTime();
                long tributarySnapshot = ProcessCpu.of(tributary.pid()).cpuNanos();
                long workerSnapshot = worker == null ? 0 : ProcessCpu.of(worker.pid()).cpuNanos();
                CompletableFuture<Long> writer = CompletableFuture.supplyAsync(
                        () -> workload.insert(documents, streamed));
                awaitTarget(target, documents + streamed, processes, log);
                long runEnd = System.nanoTime();
                ProcessCpu tributaryEnd = ProcessCpu.of(tributary.pid());
                ProcessCpu workerEnd = worker == null ? null : ProcessCpu.of(worker.pid());
                ProcessCpu sourceEnd = sourceServer.cost();
                ProcessCpu targetEnd = targetServer.cost();
                long brokerEnd = broker == null ? 0 : broker.cpuNanos();
                return new Sample(snapshotEnd - start, runEnd - snapshotEnd, writer.get(), new Cost(tributarySnapshot,
                        tributaryEnd.cpuNanos(), tributaryEnd.peakRssKib()),
                        workerEnd == null ? Cost.NONE : new Cost(workerSnapshot, workerEnd.cpuNanos(),
                                workerEnd.peakRssKib()),
                        new Cost(0, sourceEnd.cpuNanos() - sourceStart, sourceEnd.peakRssKib()),
                        new Cost(0, targetEnd.cpuNanos() - targetStart, targetEnd.peakRssKib()),
                        new Cost(0, brokerEnd - brokerStart, 0), MongoReplicationResults.loadAverage());
            } catch (Exception | Error e) {
                if (worker != null && Files.exists(worker.log())) {
                    Files.copy(worker.log(), Path.of("bench", "target", "mongo-bench-worker.log"),
                            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    System.err.println("the worker's log: bench/target/mongo-bench-worker.log");
                }
                throw e;
            } finally {
                if (tributary != null) {
                    ProductBench.stop(tributary);
                }
                if (worker != null) {
                    worker.close();
                }
                if (route.partitions > 0) {
                    broker.deleteTopic(prefix + ".shop.products");
                }
            }
        }
    }

    private String backend(String name, Path runDirectory) {
        return backend.equals("h2") ? "h2:" + runDirectory.resolve(name + ".mv.db") : "memory";
    }

    /** Seed 004's pipeline: the Debezium MongoDB connector's configuration, into the MongoDB sink or into Kafka. */
    private static Properties pipeline(Route route, String prefix, String sourceUri, String targetUri,
            BenchBroker broker, Path runDirectory) {
        Properties pipeline = new Properties();
        pipeline.setProperty("name", "replication");
        pipeline.setProperty("connector.class", "io.debezium.connector.mongodb.MongoDbConnector");
        pipeline.setProperty("mongodb.connection.string", sourceUri);
        pipeline.setProperty("topic.prefix", prefix);
        pipeline.setProperty("collection.include.list", "shop\\.products");
        pipeline.setProperty("sinks", "target");
        if (route == Route.DIRECT) {
            pipeline.setProperty("sink.target.type", "mongodb");
            pipeline.setProperty("sink.target.connection.uri", targetUri);
            pipeline.setProperty("sink.target.database", "shop");
            pipeline.setProperty("sink.target.collection", "products");
        } else {
            pipeline.setProperty("sink.target.type", "kafka");
            pipeline.setProperty("sink.target.bootstrap.servers", broker.bootstrapServers());
        }
        pipeline.setProperty("offset.storage.dir", runDirectory.resolve("offsets").toString());
        pipeline.setProperty("rest.port", "0");
        return pipeline;
    }

    /** Waits until the target holds {@code count} documents; fails when a process ends or nothing moves for 3 min. */
    /** Waits until the source server has its oplog, which the benchmark {@linkplain ServerJvm#tell told} it to start. */
    private static void awaitOplog(MongoClient source) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (!source.getDatabase("local").listCollectionNames().into(new ArrayList<>()).contains("oplog.rs")) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the source server did not turn its oplog on within a minute");
            }
            Thread.sleep(50);
        }
    }

    private static void awaitTarget(MongoCollection<Document> target, long count, List<ProcessHandle> processes,
            Path log)
            throws Exception {
        long seen = -1;
        long progressed = System.nanoTime();
        while (true) {
            long now = target.estimatedDocumentCount();
            if (now >= count) {
                return;
            }
            if (now != seen) {
                seen = now;
                progressed = System.nanoTime();
            }
            for (ProcessHandle process : processes) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("a pipeline process ended with " + now + " of " + count
                            + " documents in the target; Tributary's log:\n" + ProductBench.tail(log));
                }
            }
            if (System.nanoTime() - progressed > STALL_NANOS) {
                throw new IllegalStateException("stalled at " + now + " of " + count + " documents in the target; "
                        + "Tributary's log:\n" + ProductBench.tail(log));
            }
            Thread.sleep(50);
        }
    }
}
