package io.tributary.testkit;

import static java.util.Objects.requireNonNull;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.connect.cli.ConnectDistributed;

/**
 * One Kafka Connect worker in distributed mode in a JVM of its own ({@code ConnectDistributed} with a worker
 * properties file, this JVM's class path), on a {@link TestingKafka}, with its REST API on a free port of 127.0.0.1.
 * Workers started with {@link #joining} form one cluster, as with {@link TestingConnect}, whose properties they share
 * ({@code plugin.discovery=service_load}, tasks reassigned 5 s after their worker left). A test can stop a worker
 * politely ({@link #stop}, SIGTERM: it stops its tasks and leaves the group) or kill it ({@link #kill}, SIGKILL), and
 * {@link #start} it again with the same properties on the same port, so it comes back as the same worker id.
 *
 * <p>The worker's output (all its starts) is in {@link #log()}; its files are deleted on {@link #close}. Not
 * thread-safe, except {@link #rest()}.
 */
public final class TestingConnectWorker implements Closeable {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(90);
    /** A small heap, and the collector and JIT that cost the least CPU: a test may run several workers on 2 cores. */
    private static final List<String> JVM_OPTIONS = List.of("-Xmx384m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1");

    /** The cluster's properties, without this worker's listener. */
    private final Map<String, String> clusterProperties;
    private final TemporaryDirectory directory;
    private final Path propertiesFile;
    private final int port;
    private final List<String> jvmOptions;
    private final ConnectRest rest;
    private Process process;

    private TestingConnectWorker(Map<String, String> clusterProperties, List<String> jvmOptions) {
        this.jvmOptions = List.copyOf(jvmOptions);
        this.clusterProperties = Map.copyOf(clusterProperties);
        this.directory = TemporaryDirectory.create("connect-worker");
        this.port = FreePorts.next();
        this.propertiesFile = directory.resolve("worker.properties");
        this.rest = new ConnectRest(URI.create("http://127.0.0.1:" + port + "/"));
        write(ConnectWorkerProperties.listeningOn(clusterProperties, port), propertiesFile);
    }

    /** The first worker of a new Connect cluster, with extra or overriding worker properties; started. */
    public static TestingConnectWorker create(TestingKafka kafka, Map<String, String> workerOverrides) {
        requireNonNull(kafka, "kafka is null");
        return started(new TestingConnectWorker(ConnectWorkerProperties.newCluster(kafka, workerOverrides),
                JVM_OPTIONS));
    }

    /**
     * The first worker of a new cluster on a broker this JVM does not hold (a benchmark's, in a JVM of its own), with
     * these JVM options instead of the test kit's frugal ones; started.
     */
    public static TestingConnectWorker create(String bootstrapServers, Map<String, String> workerOverrides,
            List<String> jvmOptions) {
        requireNonNull(bootstrapServers, "bootstrapServers is null");
        return started(new TestingConnectWorker(ConnectWorkerProperties.newCluster(bootstrapServers,
                workerOverrides), jvmOptions));
    }

    /** Another worker in the same cluster as {@code member}; started. */
    public static TestingConnectWorker joining(TestingConnectWorker member) {
        return started(new TestingConnectWorker(member.clusterProperties, member.jvmOptions));
    }

    private static TestingConnectWorker started(TestingConnectWorker worker) {
        ExitCleanup.register(worker);
        try {
            worker.start();
            return worker;
        } catch (RuntimeException e) {
            worker.close();
            throw e;
        }
    }

    /** Starts the worker's JVM (again) and waits until its REST API answers: it has joined the cluster. */
    public void start() {
        if (isRunning()) {
            throw new IllegalStateException(this + " is running");
        }
        process = ChildJvm.start(ConnectDistributed.class, log(), jvmOptions, propertiesFile.toString());
        try {
            rest.awaitReady(READY_TIMEOUT, () -> !process.isAlive());
        } catch (RuntimeException e) {
            throw new TestkitException(this + " did not start; its output is in " + log(), e);
        }
    }

    /**
     * SIGTERM, as a service manager stops a worker, and waits until its JVM has ended: Connect's shutdown hook stops
     * the tasks (task.shutdown.graceful.timeout.ms each) and leaves the group.
     */
    public void stop() {
        end(false);
    }

    /** SIGKILL, and waits until the JVM is gone: the group notices when the worker's session times out. */
    public void kill() {
        end(true);
    }

    private void end(boolean forcibly) {
        if (!isRunning()) {
            throw new IllegalStateException(this + " is not running");
        }
        String signalName = forcibly ? "SIGKILL" : "SIGTERM";
        if (forcibly) {
            process.destroyForcibly();
        } else {
            process.destroy();
        }
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new TestkitException(this + " was still running " + STOP_TIMEOUT.toSeconds() + " s after "
                        + signalName + "; its output is in " + log());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TestkitException("interrupted while waiting for " + this + " to end", e);
        }
    }

    /** The running worker's process id. */
    public long pid() {
        if (!isRunning()) {
            throw new IllegalStateException(this + " is not running");
        }
        return process.pid();
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** The worker's REST API; the same across restarts. */
    public ConnectRest rest() {
        return rest;
    }

    /** The worker's id in the cluster, as a status names it ({@code worker_id}): {@code 127.0.0.1:<port>}. */
    public String workerId() {
        return "127.0.0.1:" + port;
    }

    public String groupId() {
        return clusterProperties.get("group.id");
    }

    /** The worker's output, every start appended. */
    public Path log() {
        return directory.resolve("worker.log");
    }

    private static void write(Map<String, String> properties, Path file) {
        Properties content = new Properties();
        content.putAll(properties);
        try (OutputStream out = Files.newOutputStream(file)) {
            content.store(out, "a Kafka Connect worker of the test kit (TestingConnectWorker)");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Kills the worker if it runs and deletes its files, its log too: a test that wants the log copies it first. */
    @Override
    public void close() {
        ExitCleanup.unregister(this);
        try {
            if (process != null) {
                process.destroyForcibly().onExit().join();
            }
        } finally {
            directory.close();
        }
    }

    @Override
    public String toString() {
        return "TestingConnectWorker[" + workerId() + ", group=" + groupId() + "]";
    }
}
