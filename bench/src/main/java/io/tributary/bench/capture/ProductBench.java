package io.tributary.bench.capture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.tributary.testkit.ChildJvm;
import io.tributary.testkit.OrdersWorkload;
import io.tributary.testkit.TemporaryDirectory;
import io.tributary.testkit.TestingDynamoDb;
import io.tributary.testkit.TestingMariaDb;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The product path against Debezium: {@code tributary run <pipeline file>} started as its launcher starts it
 * ({@code java <jvm.options> -jar cli/target/tributary-cli.jar run}: the real pipeline, sink and offset store) and
 * Debezium 3.5 embedded ({@link DebeziumSinkRun}) doing the same work, each a process of its own, on the standard
 * workload of {@link CaptureBench} (a snapshot of {@code --rows} rows, a binlog of as many row events), JSON with and
 * without schemas, into the file sink and into Kafka. A run lasts from the process's start until the benchmark sees
 * every record delivered (lines in the file, or the topic's end offset); its cost is the process's user + system
 * CPU from {@code /proc} at that moment, start-up included, and the broker's CPU (a JVM of its own) over the run.
 * After each run the row's shared floor is measured ({@link WriteFloor}, {@link ProduceFloor}): the part of the work
 * a bare program doing only that costs, so that each engine's CPU above it can be compared too.
 * Engines alternate; medians of {@code --runs} (default 3). Writes {@code bench/results/product.md}, or
 * {@code product-<rows>-rows.md} for another scale. {@code --sinks file}, {@code --workloads streaming},
 * {@code --engines tributary} run a selection and {@code --profile DIR} records Tributary's runs with Flight
 * Recorder, {@code --tributary-jvm "OPTIONS"} replaces the launcher's JVM options, {@code --offset-flush-interval-ms}
 * changes both engines' commit interval (default 1000, Tributary's default), {@code --debezium-jvm "OPTIONS"}
 * Debezium's JVM options (default {@code -Xmx1g}); the results file is then left alone. With Kafka among the sinks
 * a latency run per engine follows ({@code --latency-events}, default 6,000; 0 for none), written to
 * {@code bench/results/product-latency.md}; {@code --runs 0} runs only that.
 */
public final class ProductBench {
    static final Path LAUNCHER_JAR = Path.of("cli", "target", "tributary-cli.jar");
    static final Path LAUNCHER_ARCHIVE = Path.of("cli", "target", "tributary.jsa");
    private static final int LATENCY_RATE = 200;
    /** The id of the row the streaming workload inserts last when DynamoDB is measured (the workload's start at 1). */
    private static final long LAST_STREAMED_ID = 0;

    enum Sink {
        FILE("file", "file"),
        KAFKA("kafka", "kafka"),
        /** The Kafka sink with {@code exactly.once=true}; Debezium's side as a Connect worker's exactly-once source. */
        KAFKA_EXACTLY_ONCE("kafka exactly-once", "kafka"),
        /** DynamoDB Local; run alone ({@code --sinks dynamodb}), at a scale of its own (a few thousand items/s). */
        DYNAMODB("dynamodb", "dynamodb");

        /** The sinks measured together by default, into product.md. */
        static final Set<Sink> TOGETHER = EnumSet.of(FILE, KAFKA, KAFKA_EXACTLY_ONCE);

        final String label;
        /** Tributary's {@code sink.<name>.type}. */
        final String type;

        Sink(String label, String type) {
            this.label = label;
            this.type = type;
        }

        boolean kafka() {
            return this == KAFKA || this == KAFKA_EXACTLY_ONCE;
        }

        /** Whether the sink writes JSON, so that rows with and without schemas differ. */
        boolean json() {
            return this != DYNAMODB;
        }

        /** {@code file}, {@code kafka}, {@code kafka-exactly-once}. */
        static Sink named(String name) {
            return valueOf(name.strip().replace('-', '_').toUpperCase(java.util.Locale.ROOT));
        }
    }

    private final int rows;
    private final int runs;
    /** Latencies recorded per engine after the throughput rounds (0: none). */
    private final int latencyEvents;
    private final List<Sink> sinks;
    private final List<Phase.Workload> workloads;
    private final List<Phase.Engine> engines;
    /** Debezium's JVM options: {@code -Xmx1g} (as in CaptureBench) unless {@code --debezium-jvm} replaces them. */
    private final List<String> debeziumJvm;
    /** Both engines' {@code offset.flush.interval.ms}: Tributary's default unless {@code --offset-flush-interval-ms}. */
    private final long commitIntervalMs;
    /** Tributary's JVM options: the launcher's ({@code jvm.options}) unless {@code --tributary-jvm} replaces them. */
    private final List<String> tributaryJvm;
    /** The launcher's options for its jar: {@code jvm.options} and the class-data sharing archive it makes. */
    private final List<String> launcherJvm;
    /** Where Tributary's runs record a Flight Recording each, or null. */
    private final Path profiles;
    private final TemporaryDirectory directory;
    private int serverId = 9500;
    /** The current Kafka row's records, recorded from its first run's topic for {@link ProduceFloor}; or null. */
    private Path floorRecords;
    private int runNumber;

    private ProductBench(Map<String, String> options, TemporaryDirectory directory)
            throws IOException, InterruptedException {
        this.rows = Integer.parseInt(options.getOrDefault("rows", "1000000"));
        this.runs = Integer.parseInt(options.getOrDefault("runs", "3"));
        this.latencyEvents = Integer.parseInt(options.getOrDefault("latency-events", "6000"));
        this.sinks = Stream.of(options.getOrDefault("sinks", "file,kafka,kafka-exactly-once").split(","))
                .map(Sink::named).toList();
        if (sinks.contains(Sink.DYNAMODB) && sinks.size() > 1) {
            throw new IllegalArgumentException("DynamoDB Local writes a few thousand items a second, so the DynamoDB "
                    + "rows run alone, at a scale of their own: --sinks dynamodb --rows 50000");
        }
        this.workloads = Stream.of(options.getOrDefault("workloads", "snapshot,streaming").split(","))
                .map(name -> Phase.Workload.valueOf(name.strip().toUpperCase(java.util.Locale.ROOT))).toList();
        this.engines = Stream.of(options.getOrDefault("engines", "debezium,tributary").split(","))
                .map(name -> Phase.Engine.valueOf(name.strip().toUpperCase(java.util.Locale.ROOT))).toList();
        this.debeziumJvm = List.of(options.getOrDefault("debezium-jvm", "-Xmx1g").strip().split("\\s+"));
        this.commitIntervalMs = Long.parseLong(options.getOrDefault("offset-flush-interval-ms", "1000"));
        this.launcherJvm = LauncherJvm.withArchive(LAUNCHER_ARCHIVE, LAUNCHER_JAR.toString());
        this.tributaryJvm = options.containsKey("tributary-jvm")
                ? List.of(options.get("tributary-jvm").strip().split("\\s+")) : launcherJvm;
        this.profiles = options.containsKey("profile") ? Path.of(options.get("profile")).toAbsolutePath() : null;
        this.directory = directory;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new java.util.LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        try (TemporaryDirectory directory = TemporaryDirectory.create("tributary-product-bench")) {
            new ProductBench(options, directory).run();
        }
    }

    private void run() throws Exception {
        if (!Files.exists(LAUNCHER_JAR)) {
            throw new IOException("expected Tributary's distribution at " + LAUNCHER_JAR + ": build it with "
                    + "`mvn -pl cli -am package -DskipTests` (bench/run.sh does)");
        }
        ProductResults results = new ProductResults(rows, runs, tributaryJvm, debeziumJvm);
        try (TestingMariaDb snapshotServer = TestingMariaDb.create();
                TestingMariaDb streamingServer = TestingMariaDb.create();
                BenchBroker broker = sinks.stream().anyMatch(Sink::kafka) ? BenchBroker.start(directory.path())
                        : null;
                BenchDynamoDb dynamoDb = sinks.contains(Sink.DYNAMODB) ? BenchDynamoDb.start(directory.path())
                        : null) {
            System.out.printf("loading %,d rows, then %,d binlog row events ...%n", rows, rows);
            new OrdersWorkload(snapshotServer, Phase.Workload.SNAPSHOT.database).load(rows);
            OrdersWorkload streaming = new OrdersWorkload(streamingServer, Phase.Workload.STREAMING.database);
            streaming.run(rows / 100);
            if (dynamoDb != null) {
                // a table shows no count of changes applied: this last change's item tells a run is complete
                streaming.insertMarker(LAST_STREAMED_ID);
            }
            for (int run = 0; run < runs; run++) {
                List<Phase.Engine> order = new ArrayList<>(engines);
                if (run % 2 == 1) {
                    Collections.reverse(order);
                }
                for (Sink sink : sinks) {
                    for (Phase.Workload workload : workloads) {
                        for (boolean schemas : sink.json() ? new boolean[] {true, false} : new boolean[] {false}) {
                            for (Phase.Engine engine : order) {
                                ProductResults.Row row = new ProductResults.Row(sink, workload, schemas);
                                ProductSample sample = measure(engine, row, workload == Phase.Workload.SNAPSHOT
                                        ? snapshotServer : streamingServer, broker, dynamoDb);
                                System.out.printf("%-9s %-18s %-9s %-8s %6.2f CPU-s (%2.0f %% sys) %8.0f ev/s %5d MiB "
                                        + "server %5.2f CPU-s first event %.2f s%n", Phase.lower(engine),
                                        sink.label, Phase.lower(workload), sink.json() && schemas ? "schemas" : "none",
                                        sample.cpuNanos() / 1e9, sample.systemPercent(),
                                        sample.eventsPerSecond(), sample.peakRssKib() / 1024,
                                        sample.serverCpuNanos() / 1e9, sample.firstRecordNanos() / 1e9);
                                results.add(row, engine, sample);
                            }
                            if (floorRecords != null) {
                                Files.delete(floorRecords);
                                floorRecords = null;
                            }
                        }
                    }
                }
            }
            if (broker != null && latencyEvents > 0) {
                for (Phase.Engine engine : engines) {
                    results.latency(engine, latency(engine, snapshotServer, broker));
                }
            }
        }
        boolean launchers = profiles == null && tributaryJvm.equals(launcherJvm) && commitIntervalMs == 1000;
        if (sinks.stream().anyMatch(Sink::kafka) && latencyEvents > 0 && launchers
                && engines.size() == Phase.Engine.values().length) {
            Path latencyFile = Path.of("bench", "results", "product-latency.md");
            Files.writeString(latencyFile, results.latencyMarkdown(LocalDate.now(), Results.commit()),
                    StandardCharsets.UTF_8);
            System.out.println("latency: " + latencyFile);
        }
        if (runs == 0) {
            return;
        }
        boolean dynamoDbRows = sinks.equals(List.of(Sink.DYNAMODB));
        String name = dynamoDbRows ? "product-dynamodb" : "product";
        int standardRows = dynamoDbRows ? 50_000 : 1_000_000;
        Path file = Path.of("bench", "results", rows == standardRows ? name + ".md" : name + "-" + rows + "-rows.md");
        boolean complete = (dynamoDbRows || sinks.containsAll(Sink.TOGETHER))
                && engines.size() == Phase.Engine.values().length
                && workloads.size() == Phase.Workload.values().length;
        if (!complete || profiles != null || !tributaryJvm.equals(launcherJvm) || commitIntervalMs != 1000) {
            System.out.println("(a selection, or profiled: " + file + " left as it was)");
            return;
        }
        String table = dynamoDbRows ? results.dynamoDbMarkdown(LocalDate.now(), Results.commit())
                : results.markdown(LocalDate.now(), Results.commit());
        Files.writeString(file, table, StandardCharsets.UTF_8);
        System.out.println(table);
    }

    /** One process of one engine, from its start until every record of the workload is delivered. */
    private ProductSample measure(Phase.Engine engine, ProductResults.Row row, TestingMariaDb server,
            BenchBroker broker, BenchDynamoDb dynamoDb) throws Exception {
        Path runDirectory = Files.createDirectories(directory.resolve("run-" + ++runNumber));
        Path output = Files.createDirectories(runDirectory.resolve("out"));
        Path log = runDirectory.resolve(Phase.lower(engine) + ".log");
        String database = row.workload().database;
        String topic = EngineConfig.TOPIC_PREFIX + "." + database + ".orders";
        // + a tombstone a delete
        long expected = rows + (row.workload() == Phase.Workload.STREAMING && row.sink().json() ? rows / 10 : 0);
        Map<String, String> source = new java.util.LinkedHashMap<>(EngineConfig.source(server.host(),
                String.valueOf(server.port()), String.valueOf(serverId++), database, row.workload().snapshotMode));
        DeliveredRecords delivered;
        String target;
        // exactly-once: each engine's offsets go into its transactions, to a topic of this run's own
        String offsetsTopic = "bench-offsets-" + runNumber;
        if (row.sink().kafka()) {
            broker.createTopic(topic);
            delivered = row.sink() == Sink.KAFKA_EXACTLY_ONCE
                    ? new CommittedRecords(broker.bootstrapServers(), topic) : () -> broker.endOffset(topic);
            target = broker.bootstrapServers();
        } else if (row.sink() == Sink.DYNAMODB) {
            dynamoDb.createTable(topic); // both engines write an existing table: Debezium creates none
            delivered = new DynamoDbProgress(dynamoDb, topic, expected,
                    row.workload() == Phase.Workload.SNAPSHOT ? rows : LAST_STREAMED_ID);
            target = dynamoDb.endpoint();
        } else {
            Path file = output.resolve(topic + ".jsonl");
            delivered = new LineCounter(file);
            target = output.toString();
        }
        long serverBefore = serverCpu(row.sink(), broker, dynamoDb);
        long writtenBytes = 0;
        ProductSample sample = null;
        long start = System.nanoTime();
        Process process = engine == Phase.Engine.TRIBUTARY
                ? startTributary(source, row, target, offsetsTopic, runDirectory, log)
                : startDebezium(source, row, target, offsetsTopic, runDirectory, log);
        try {
            long first = 0;
            long deadline = start + TimeUnit.MINUTES.toNanos(20);
            long count;
            while ((count = delivered.count()) < expected) {
                if (first == 0 && count > 0) {
                    first = System.nanoTime() - start;
                }
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException(Phase.lower(engine) + " " + row + " stopped or stalled at " + count
                            + " of " + expected + " records; its log: " + log + "\n" + tail(log));
                }
                Thread.sleep(50);
            }
            long wall = System.nanoTime() - start;
            if (count > expected && row.sink() != Sink.KAFKA) {
                // the plain Kafka row counts offsets (at-least-once: a retried send may repeat a record)
                throw new IllegalStateException(Phase.lower(engine) + " " + row + " delivered " + count + " records, "
                        + (count - expected) + " more than the " + expected + " of the workload; its log: " + log);
            }
            ProcessCpu cost = ProcessCpu.of(process.pid());
            Map<String, Long> system = ProcessCpu.byThread(process.pid(), true);
            System.out.println("  threads (CPU-s, of which system): " + ProcessCpu.byThread(process.pid()).entrySet()
                    .stream().filter(group -> group.getValue() >= 50_000_000L)
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .map(group -> String.format(java.util.Locale.ROOT, "%s %.2f (%.2f)", group.getKey(),
                            group.getValue() / 1e9, system.getOrDefault(group.getKey(), 0L) / 1e9))
                    .collect(java.util.stream.Collectors.joining(", ")));
            long serverCpu = serverCpu(row.sink(), broker, dynamoDb) - serverBefore;
            if (delivered instanceof LineCounter counter) {
                writtenBytes = Files.size(counter.file());
            }
            sample = new ProductSample(rows, wall, first == 0 ? wall : first, cost.cpuNanos(), cost.systemNanos(),
                    cost.peakRssKib(), serverCpu, 0);
        } finally {
            stop(process);
            if (delivered instanceof AutoCloseable closeable) {
                closeable.close();
            }
            if (row.sink().kafka()) {
                if (sample != null && floorRecords == null) {
                    floorRecords = directory.path().resolve("floor-records.bin");
                    ProduceFloor.record(broker.bootstrapServers(), topic, expected, floorRecords);
                }
                broker.deleteTopic(topic);
                if (broker.topicExists(offsetsTopic)) {
                    broker.deleteTopic(offsetsTopic);
                }
            }
            if (row.sink() == Sink.DYNAMODB) {
                dynamoDb.deleteTable(topic);
            }
            deleteRecursively(output);
        }
        return switch (row.sink()) {
            case FILE -> sample.withFloor(writeFloor(writtenBytes, runDirectory));
            case KAFKA, KAFKA_EXACTLY_ONCE -> sample.withFloor(produceFloor(engine, row.sink(), broker, topic));
            case DYNAMODB -> sample; // no floor measured: what DynamoDB Local costs is in the server column
        };
    }

    /** The CPU of the row's server since it started: the Kafka broker, DynamoDB Local, or none (0). */
    private static long serverCpu(Sink sink, BenchBroker broker, BenchDynamoDb dynamoDb) throws IOException {
        return switch (sink) {
            case FILE -> 0;
            case KAFKA, KAFKA_EXACTLY_ONCE -> broker.cpuNanos();
            case DYNAMODB -> dynamoDb.cpuNanos();
        };
    }

    /**
     * The shared floor of a file row: a bare writer putting as many bytes as the engine wrote into a file of the
     * same file system, written and forced as both engines do, right after the run and the deletion of its output
     * (so the page cache holds what it held when the run started, not the engine's file too).
     */
    private long writeFloor(long bytes, Path directory) throws IOException {
        WriteFloor.Cost floor = WriteFloor.measure(directory.resolve("floor.bin"), bytes, commitIntervalMs);
        System.out.printf(java.util.Locale.ROOT, "  floor (a bare writer of the same %,d bytes, forced every %d ms): "
                + "%.2f CPU-s (%.2f system)%n", bytes, commitIntervalMs,
                (floor.userNanos() + floor.systemNanos()) / 1e9, floor.systemNanos() / 1e9);
        return floor.userNanos() + floor.systemNanos();
    }

    /**
     * The shared floor of a Kafka row: a bare producer in this JVM sending the row's records (as the run delivered
     * them) to a fresh topic of the same broker with this engine's producer settings, right after the run.
     */
    private long produceFloor(Phase.Engine engine, Sink sink, BenchBroker broker, String topic) throws Exception {
        String floorTopic = topic + ".floor";
        String warmUpTopic = topic + ".floor-warm-up";
        broker.createTopic(floorTopic);
        broker.createTopic(warmUpTopic);
        try {
            ProduceFloor.Settings settings = engine == Phase.Engine.TRIBUTARY ? ProduceFloor.Settings.TRIBUTARY
                    : ProduceFloor.Settings.CONNECT;
            boolean transactional = sink == Sink.KAFKA_EXACTLY_ONCE;
            long cpu = ProduceFloor.measure(floorRecords, broker.bootstrapServers(), floorTopic, warmUpTopic,
                    settings, transactional);
            System.out.printf(java.util.Locale.ROOT, "  floor (a bare %sproducer of the same records, %s's settings): "
                    + "%.2f CPU-s%n", transactional ? "transactional " : "", Phase.lower(engine), cpu / 1e9);
            return cpu;
        } finally {
            broker.deleteTopic(floorTopic);
            broker.deleteTopic(warmUpTopic);
        }
    }

    /**
     * Latency on the product path: the engine streams {@code lat.orders} into Kafka (JSON with schemas, its default
     * settings otherwise) while {@link LatencyWriter} inserts rows stamped with the client's clock, 200 a second, each
     * committed on its own; an insert's latency is from its stamp to the moment a consumer of the topic receives its
     * event. After 5 s of warm-up, the next {@code --latency-events} (default 6,000); sorted milliseconds.
     */
    private long[] latency(Phase.Engine engine, TestingMariaDb server, BenchBroker broker) throws Exception {
        String topic = EngineConfig.TOPIC_PREFIX + "." + LatencyRun.DATABASE + ".orders";
        Path runDirectory = Files.createDirectories(directory.resolve("latency-" + ++runNumber));
        Path log = runDirectory.resolve(Phase.lower(engine) + ".log");
        Map<String, String> source = new java.util.LinkedHashMap<>(EngineConfig.source(server.host(),
                String.valueOf(server.port()), String.valueOf(serverId++), LatencyRun.DATABASE, "no_data"));
        ProductResults.Row row = new ProductResults.Row(Sink.KAFKA, Phase.Workload.STREAMING, true);
        long[] latencies = new long[latencyEvents];
        int warmUp = LATENCY_RATE * 5;
        broker.createTopic(topic);
        TopicPartition partition = new TopicPartition(topic, 0);
        try (LatencyWriter writer = new LatencyWriter(server, LATENCY_RATE);
                KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers",
                        broker.bootstrapServers(), "key.deserializer", ByteArrayDeserializer.class.getName(),
                        "value.deserializer", ByteArrayDeserializer.class.getName()))) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            Process process = engine == Phase.Engine.TRIBUTARY
                    ? startTributary(source, row, broker.bootstrapServers(), null, runDirectory, log)
                    : startDebezium(source, row, broker.bootstrapServers(), null, runDirectory, log);
            try {
                long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
                int seen = 0;
                while (seen < warmUp + latencies.length) {
                    if (!process.isAlive() || System.nanoTime() > deadline) {
                        throw new IllegalStateException(Phase.lower(engine) + " latency run stopped or stalled after "
                                + seen + " inserts; its log: " + log + "\n" + tail(log));
                    }
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                        long now = System.currentTimeMillis();
                        OptionalLong stamp = record.value() == null ? OptionalLong.empty()
                                : LatencyRun.insertStamp(record.value());
                        if (stamp.isPresent() && seen++ >= warmUp && seen - warmUp <= latencies.length) {
                            latencies[seen - 1 - warmUp] = now - stamp.getAsLong();
                        }
                    }
                }
            } finally {
                stop(process);
            }
        } finally {
            broker.deleteTopic(topic);
        }
        Arrays.sort(latencies);
        System.out.printf("%-9s latency at %d inserts/s into Kafka: p50 %d ms, p99 %d ms, max %d ms%n",
                Phase.lower(engine), LATENCY_RATE, Results.percentile(latencies, 50),
                Results.percentile(latencies, 99), latencies[latencies.length - 1]);
        return latencies;
    }

    /** {@code java <jvm.options> -jar cli/target/tributary-cli.jar run <pipeline file>}, as the launcher runs it. */
    private Process startTributary(Map<String, String> source, ProductResults.Row row, String target,
            String offsetsTopic, Path runDirectory, Path log) throws IOException {
        Properties pipeline = new Properties();
        pipeline.putAll(source);
        pipeline.setProperty("name", "bench");
        pipeline.setProperty("key.converter.schemas.enable", String.valueOf(row.schemas()));
        pipeline.setProperty("value.converter.schemas.enable", String.valueOf(row.schemas()));
        pipeline.setProperty("sinks", "out");
        switch (row.sink()) {
            case FILE -> pipeline.setProperty("sink.out.directory", target);
            case KAFKA, KAFKA_EXACTLY_ONCE -> pipeline.setProperty("sink.out.bootstrap.servers", target);
            case DYNAMODB -> {
                pipeline.setProperty("sink.out.aws.dynamodb.endpoint", target);
                pipeline.setProperty("sink.out.aws.dynamodb.region", TestingDynamoDb.REGION.id());
                pipeline.setProperty("sink.out.aws.dynamodb.pk.hash", "value." + BenchDynamoDb.KEY);
                pipeline.setProperty("sink.out.aws.access.key.id", TestingDynamoDb.CREDENTIALS.accessKeyId());
                pipeline.setProperty("sink.out.aws.secret.access.key",
                        TestingDynamoDb.CREDENTIALS.secretAccessKey());
            }
        }
        pipeline.setProperty("sink.out.type", row.sink().type);
        if (row.sink() == Sink.KAFKA_EXACTLY_ONCE) {
            pipeline.setProperty("sink.out.exactly.once", "true");
            pipeline.setProperty("sink.out.offsets.topic", offsetsTopic);
        }
        pipeline.setProperty("offset.storage.dir", runDirectory.resolve("offsets").toString());
        pipeline.setProperty("offset.flush.interval.ms", String.valueOf(commitIntervalMs));
        pipeline.setProperty("rest.port", "0");
        Path file = runDirectory.resolve("bench.properties");
        try (var out = Files.newOutputStream(file)) {
            pipeline.store(out, "the product benchmark's pipeline");
        }
        List<String> jvm = new ArrayList<>(tributaryJvm);
        if (profiles != null) {
            Files.createDirectories(profiles);
            // every compilation recorded (the profile keeps those over 100 ms): the JIT is a large part of a run
            jvm.add("-XX:StartFlightRecording=settings=profile,jdk.Compilation#threshold=0ms,filename="
                    + profiles.resolve(row.toString().replace(' ', '-') + "-" + runNumber + ".jfr"));
        }
        return LauncherJvm.run(jvm, LAUNCHER_JAR, file, log);
    }

    /** Debezium embedded with the same source settings and the same commit interval. */
    private Process startDebezium(Map<String, String> source, ProductResults.Row row, String target,
            String offsetsTopic, Path runDirectory, Path log) throws IOException {
        Properties properties = EngineConfig.debezium(source, "bench-debezium");
        properties.setProperty("converter.schemas.enable", String.valueOf(row.schemas()));
        properties.setProperty("offset.storage", "org.apache.kafka.connect.storage.FileOffsetBackingStore");
        properties.setProperty("offset.storage.file.filename", runDirectory.resolve("offsets.dat").toString());
        properties.setProperty("offset.flush.interval.ms", String.valueOf(commitIntervalMs));
        Path file = runDirectory.resolve("debezium.properties");
        try (var out = Files.newOutputStream(file)) {
            properties.store(out, "the product benchmark's Debezium engine");
        }
        List<String> arguments = new ArrayList<>(List.of(file.toString(), switch (row.sink()) {
            case FILE -> "file";
            case KAFKA -> "kafka";
            case KAFKA_EXACTLY_ONCE -> "kafka-exactly-once";
            case DYNAMODB -> "dynamodb";
        }, target));
        if (row.sink() == Sink.KAFKA_EXACTLY_ONCE) {
            arguments.add(offsetsTopic);
        }
        return ChildJvm.start(DebeziumSinkRun.class, log, System.getProperty("java.class.path"), debeziumJvm,
                arguments.toArray(String[]::new));
    }

    /** How many records a run delivered so far. */
    private interface DeliveredRecords {
        long count() throws Exception;
    }

    /**
     * Counts a topic's committed records as a {@code read_committed} consumer receives them: under transactions the
     * end offset also counts each transaction's commit marker, and records are delivered only once committed.
     */
    private static final class CommittedRecords implements DeliveredRecords, AutoCloseable {
        private final KafkaConsumer<byte[], byte[]> consumer;
        private long records;

        CommittedRecords(String bootstrapServers, String topic) {
            consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrapServers, "isolation.level",
                    "read_committed", "key.deserializer", ByteArrayDeserializer.class.getName(),
                    "value.deserializer", ByteArrayDeserializer.class.getName(), "max.poll.records", "10000"));
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
        }

        @Override
        public long count() {
            int polled;
            do {
                polled = consumer.poll(Duration.ofMillis(10)).count();
                records += polled;
            } while (polled > 0);
            return records;
        }

        @Override
        public void close() {
            consumer.close();
        }
    }

    /**
     * A DynamoDB row's progress: none until the table holds an item, then one, then the whole workload once the
     * item of its last change is there (both engines send a flush's writes in the order of their last change, one
     * call after another, so that item comes last).
     */
    private static final class DynamoDbProgress implements DeliveredRecords {
        private final BenchDynamoDb dynamoDb;
        private final String table;
        private final long expected;
        private final long lastId;
        private boolean started;

        DynamoDbProgress(BenchDynamoDb dynamoDb, String table, long expected, long lastId) {
            this.dynamoDb = dynamoDb;
            this.table = table;
            this.expected = expected;
            this.lastId = lastId;
        }

        @Override
        public long count() {
            started = started || dynamoDb.anyItem(table);
            return !started ? 0 : dynamoDb.hasItem(table, lastId) ? expected : 1;
        }
    }

    /** Counts the lines of a file as it grows, reading only what was appended since the last count. */
    private static final class LineCounter implements DeliveredRecords, AutoCloseable {
        private final Path file;
        private java.nio.channels.FileChannel channel;
        private final java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocateDirect(1 << 20);
        private long lines;

        LineCounter(Path file) {
            this.file = file;
        }

        Path file() {
            return file;
        }

        @Override
        public long count() throws IOException {
            if (channel == null) {
                if (!Files.exists(file)) {
                    return 0;
                }
                channel = java.nio.channels.FileChannel.open(file);
            }
            while (channel.read(buffer.clear()) > 0) {
                buffer.flip();
                while (buffer.hasRemaining()) {
                    if (buffer.get() == '\n') {
                        lines++;
                    }
                }
            }
            return lines;
        }

        @Override
        public void close() throws IOException {
            if (channel != null) {
                channel.close();
            }
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        try (Stream<Path> paths = Files.walk(path)) {
            paths.sorted(Comparator.reverseOrder()).forEach(each -> {
                try {
                    Files.delete(each);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** Stops an engine's process as a user would (SIGTERM), killing it if it has not stopped within a minute. */
    static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    static String tail(Path log) throws IOException {
        if (!Files.exists(log)) {
            return "(no log)";
        }
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
