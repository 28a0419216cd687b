package io.tributary.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.server.Pipeline;
import io.tributary.server.TributaryServer;
import io.tributary.testkit.TestingKafka;
import io.tributary.testkit.TestingMariaDb;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tributary demo}: the brokerage pipeline of scenario S1 on a private MariaDB and an embedded Kafka.
 *
 * <p>The servers come from tributary-demo, which is not on the class path of the jar's manifest (so the other commands
 * never carry a broker and Scala): the launcher adds {@code cli/target/demo-lib/} for this command. No field or method
 * of this class names a type of that module, so that picocli can read it without them.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Starts a private MariaDB with binlog and a brokerage schema (accounts, instruments, "
                + "positions, quotes, trades), an embedded Kafka broker, and the pipeline MariaDB -> Kafka (+ files); "
                + "trades and price ticks flow while it shows snapshot progress, events/s, sample events, the REST "
                + "URL and the topics. Ctrl-C stops and removes all of it.",
            "Needs mariadbd (Debian package mariadb-server); the ./tributary launcher installs it."})
final class DemoCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    private CommandSpec spec;

    @Option(names = "--seconds", defaultValue = "0",
            description = "stop by itself after this many seconds (default: run until Ctrl-C)")
    private int seconds;

    @Option(names = "--rate", defaultValue = "200", description = "price ticks per second (default: ${DEFAULT-VALUE})")
    private int rate;

    @Option(names = "--verbose", description = "print stack traces with errors")
    private boolean verbose;

    private final CountDownLatch finished = new CountDownLatch(1);
    private final List<AutoCloseable> resources = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        if (!serversOnClassPath()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("tributary demo needs the demo's MariaDB and Kafka broker from cli/target/demo-lib/, which "
                    + "`java -jar` does not load: run it with ./tributary demo");
            err.flush();
            return 1;
        }
        PrintWriter out = spec.commandLine().getOut();
        Thread hook = new Thread(this::cleanUp, "tributary-demo-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return run(out);
        } catch (RuntimeException e) {
            return Failures.report(spec.commandLine().getErr(), e, verbose);
        } finally {
            cleanUp();
            Runtime.getRuntime().removeShutdownHook(hook);
        }
    }

    private int run(PrintWriter out) throws Exception {
        Path directory = Files.createTempDirectory("tributary-demo");
        resources.add(() -> delete(directory));
        out.println("Starting a private MariaDB with binlog (ROW, FULL) ...");
        out.flush();
        TestingMariaDb mariaDb = keep(TestingMariaDb.create());
        BrokerageWorkload workload = BrokerageWorkload.create(mariaDb);
        out.println("  " + mariaDb + ", database brokerage: accounts, instruments, quotes, positions, trades");
        out.println("Starting an embedded Kafka broker ...");
        out.flush();
        TestingKafka kafka = keep(TestingKafka.create());
        out.println("  bootstrap.servers=" + kafka.bootstrapServers());

        TributaryServer server = keep(TributaryServer.start("brokerage-demo.properties",
                pipeline(mariaDb.host(), mariaDb.port(), kafka.bootstrapServers(), directory)));
        resources.add(workload);
        Pipeline pipeline = server.pipeline();
        out.println("Pipeline brokerage: MariaDB -> Kafka topics brokerage.brokerage.<table> (+ files in "
                + directory.resolve("events") + ")");
        out.println("  REST API:   " + server.restUrl() + "/connectors/brokerage/status  (also /metrics, /health)");
        out.println("  Ctrl-C stops the demo and removes everything it started.");
        out.flush();
        workload.start(rate);

        long deadline = seconds > 0 ? System.currentTimeMillis() + seconds * 1000L : Long.MAX_VALUE;
        boolean sampled = false;
        while (System.currentTimeMillis() < deadline && !finished.await(2, TimeUnit.SECONDS)) {
            out.println(String.format("[%tT] %,d database changes made", System.currentTimeMillis(),
                    workload.changes()));
            ProgressDisplay.print(out, pipeline);
            if (pipeline.state() == Pipeline.State.FAILED) {
                return Failures.report(spec.commandLine().getErr(), new IllegalStateException(
                        pipeline.error().orElse("the pipeline failed")), verbose);
            }
            if (!sampled) {
                sampled = printSamples(out, directory.resolve("events"));
            }
        }
        out.println("Events in Kafka:");
        try (Admin admin = kafka.admin()) {
            topicSizes(admin).forEach((topic, count) -> out.printf("  %-36s %,d%n", topic, count));
        }
        out.flush();
        return 0;
    }

    /** By the class's name: a class literal would make this class need the demo's jars to load. */
    private static boolean serversOnClassPath() {
        try {
            Class.forName("io.tributary.testkit.TestingKafka", false, DemoCommand.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private Map<String, String> pipeline(String databaseHost, int databasePort, String bootstrapServers,
            Path directory) {
        return Map.ofEntries(
                Map.entry("name", "brokerage"),
                Map.entry("connector.class", "io.tributary.connect.MySqlSourceConnector"),
                Map.entry("database.hostname", databaseHost),
                Map.entry("database.port", String.valueOf(databasePort)),
                Map.entry("database.user", TestingMariaDb.CDC_USER),
                Map.entry("database.password", TestingMariaDb.CDC_PASSWORD),
                Map.entry("database.server.id", "5501"),
                Map.entry("topic.prefix", "brokerage"),
                Map.entry("database.include.list", BrokerageWorkload.DATABASE),
                // as seed 000 (scenario S1) configures its connector: plain JSON for Flink's debezium-json format
                Map.entry("key.converter.schemas.enable", "false"),
                Map.entry("value.converter.schemas.enable", "false"),
                Map.entry("decimal.handling.mode", "string"),
                Map.entry("sinks", "kafka,files"),
                Map.entry("sink.kafka.type", "kafka"),
                Map.entry("sink.kafka.bootstrap.servers", bootstrapServers),
                Map.entry("sink.files.type", "file"),
                Map.entry("sink.files.directory", directory.resolve("events").toString()),
                Map.entry("offset.storage.dir", directory.resolve("offsets").toString()),
                Map.entry("rest.port", "0"));
    }

    /** A few streamed events as a consumer sees them (payload only; the Kafka records carry the schema too). */
    private static boolean printSamples(PrintWriter out, Path events) throws IOException {
        Path quotes = events.resolve("brokerage.brokerage.quotes.jsonl");
        if (!Files.exists(quotes)) {
            return false;
        }
        List<String> lines = Files.readAllLines(quotes);
        List<String> streamed = lines.stream().filter(line -> line.contains("\"op\":\"u\"")).toList();
        if (streamed.isEmpty()) {
            return false;
        }
        out.println("Sample events (topic brokerage.brokerage.quotes):");
        for (String line : streamed.subList(Math.max(0, streamed.size() - 3), streamed.size())) {
            JsonNode payload = JSON.readTree(line).get("value");
            out.println("  op=" + payload.get("op").asText() + " before=" + payload.get("before") + " after="
                    + payload.get("after") + " source.ts_ms=" + payload.at("/source/ts_ms"));
        }
        return true;
    }

    private static Map<String, Long> topicSizes(Admin admin) throws Exception {
        List<String> topics = admin.listTopics().names().get().stream()
                .filter(topic -> topic.startsWith("brokerage")).sorted().toList();
        Map<TopicPartition, OffsetSpec> request = admin.describeTopics(topics).allTopicNames().get().values().stream()
                .flatMap(topic -> topic.partitions().stream()
                        .map(partition -> new TopicPartition(topic.name(), partition.partition())))
                .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest()));
        Map<String, Long> sizes = new TreeMap<>();
        admin.listOffsets(request).all().get().forEach((partition, offset) ->
                sizes.merge(partition.topic(), offset.offset(), Long::sum));
        return sizes;
    }

    private <T extends AutoCloseable> T keep(T resource) {
        resources.add(resource);
        return resource;
    }

    /** Closes what was started, newest first; safe to call twice (Ctrl-C and the normal end). */
    private synchronized void cleanUp() {
        finished.countDown();
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                // stopping anyway
            }
        }
        resources.clear();
    }

    private static void delete(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
