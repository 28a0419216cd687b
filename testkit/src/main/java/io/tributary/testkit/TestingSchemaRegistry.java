package io.tributary.testkit;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Apicurio Registry 3.3 (Apache 2.0), the real server, in a JVM of its own on free ports of 127.0.0.1, storing in
 * memory (its default, H2), with a global BACKWARD compatibility rule as Confluent's registry has by default. Clients
 * speak Confluent's API to {@link #confluentUrl()} ({@code /apis/ccompat/v7}) or Apicurio's own to
 * {@link #registryUrl()}.
 *
 * <p>The distribution ({@code io.apicurio:apicurio-registry-app:<version>:tar.gz:all}, a Quarkus application) is
 * resolved from Maven Central by the test kit's build and unpacked once per machine into the temporary directory.
 * Its server needs Java 21 or newer: {@code TRIBUTARY_REGISTRY_JAVA_HOME}, else this JVM if it is one, else the
 * newest under {@code /usr/lib/jvm}.
 */
public final class TestingSchemaRegistry implements Closeable {
    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);
    private static final int JAVA_NEEDED = 21;
    private static final String JAVA_HOME_VARIABLE = "TRIBUTARY_REGISTRY_JAVA_HOME";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final int port;
    private final TemporaryDirectory directory;

    private TestingSchemaRegistry(Process process, int port, TemporaryDirectory directory) {
        this.process = process;
        this.port = port;
        this.directory = directory;
    }

    /** Starts a registry and returns once its Confluent-compatible API answers. */
    public static TestingSchemaRegistry create() {
        Path home = distribution();
        int port = FreePorts.next();
        TemporaryDirectory directory = TemporaryDirectory.create("schema-registry");
        Path log = directory.path().resolve("registry.log");
        List<String> command = List.of(java().toString(),
                "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + port,
                "-Dquarkus.management.host=127.0.0.1", "-Dquarkus.management.port=" + FreePorts.next(),
                "-Dapicurio.rules.global.compatibility=BACKWARD",
                "-jar", runnerJar(home).toString());
        Process process;
        try {
            process = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            directory.close();
            throw new UncheckedIOException("cannot start Apicurio Registry from " + home, e);
        }
        TestingSchemaRegistry registry = new TestingSchemaRegistry(process, port, directory);
        ExitCleanup.register(registry);
        try {
            registry.awaitReady(log);
        } catch (RuntimeException e) {
            registry.close();
            throw e;
        }
        return registry;
    }

    /** Confluent's Schema Registry API as Apicurio serves it: for {@code schema.registry.url}. */
    public String confluentUrl() {
        return "http://127.0.0.1:" + port + "/apis/ccompat/v7";
    }

    /** Apicurio's own API (v3): for Apicurio's serializers and converters ({@code apicurio.registry.url}). */
    public String registryUrl() {
        return "http://127.0.0.1:" + port + "/apis/registry/v3";
    }

    private void awaitReady(Path log) {
        HttpRequest subjects = HttpRequest.newBuilder(URI.create(confluentUrl() + "/subjects"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new TestkitException("Apicurio Registry exited with " + process.exitValue()
                        + " while starting; its log " + log + " ends:\n" + ServerProcess.tail(log));
            }
            try {
                if (HTTP.send(subjects, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TestkitException("interrupted while Apicurio Registry was starting", e);
            }
            if (System.nanoTime() > deadline) {
                throw new TestkitException("Apicurio Registry did not answer on " + confluentUrl() + " within "
                        + STARTUP_TIMEOUT.toSeconds() + " s; its log " + log + " ends:\n" + ServerProcess.tail(log));
            }
            try {
                process.waitFor(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TestkitException("interrupted while Apicurio Registry was starting", e);
            }
        }
    }

    /** A {@code java} of version {@value #JAVA_NEEDED} or newer. */
    private static Path java() {
        String configured = System.getenv(JAVA_HOME_VARIABLE);
        if (configured != null) {
            Path home = Path.of(configured);
            if (javaVersion(home) < JAVA_NEEDED) {
                throw new TestkitException(JAVA_HOME_VARIABLE + "=" + configured + " is not a Java " + JAVA_NEEDED
                        + " or newer (its release file says " + javaVersion(home) + "); Apicurio Registry needs one");
            }
            return home.resolve("bin").resolve("java");
        }
        // this JVM first, then the newest installed
        Map<Path, Integer> candidates = new LinkedHashMap<>();
        Path self = Path.of(System.getProperty("java.home"));
        candidates.put(self, javaVersion(self));
        try (var homes = Files.list(Path.of("/usr/lib/jvm"))) {
            Map<Path, Integer> installed =
                    homes.collect(Collectors.toMap(home -> home, TestingSchemaRegistry::javaVersion));
            installed.entrySet().stream().sorted(Map.Entry.<Path, Integer>comparingByValue().reversed())
                    .forEach(entry -> candidates.putIfAbsent(entry.getKey(), entry.getValue()));
        } catch (IOException e) {
            // no /usr/lib/jvm: only this JVM is a candidate
        }
        return candidates.entrySet().stream().filter(entry -> entry.getValue() >= JAVA_NEEDED)
                .map(entry -> entry.getKey().resolve("bin").resolve("java")).filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new TestkitException("Apicurio Registry needs Java " + JAVA_NEEDED + " or newer: "
                        + "this JVM is Java " + Runtime.version().feature() + " and /usr/lib/jvm has none; install "
                        + "one there or set " + JAVA_HOME_VARIABLE + " to its home"));
    }

    /** The feature version a Java home's {@code release} file names ({@code JAVA_VERSION="25.0.1"}), 0 if none. */
    private static int javaVersion(Path home) {
        try {
            for (String line : Files.readAllLines(home.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    return Integer.parseInt(version.split("[.+-]")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not a Java home
        }
        return 0;
    }

    /** The unpacked distribution, unpacked now if this machine has not yet. */
    private static synchronized Path distribution() {
        Properties build = new Properties();
        try (InputStream in = TestingSchemaRegistry.class.getResourceAsStream("apicurio-registry.properties")) {
            if (in == null) {
                throw new TestkitException("apicurio-registry.properties is missing from the test kit; rebuild it "
                        + "with `mvn -pl testkit package`");
            }
            build.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path archive = Path.of(build.getProperty("archive"));
        if (!Files.isRegularFile(archive)) {
            throw new TestkitException("expected Apicurio Registry's distribution at " + archive + " but it is not "
                    + "there; `mvn -pl testkit package` (online) resolves it from Maven Central");
        }
        Path home = Path.of(System.getProperty("java.io.tmpdir"), "tributary-apicurio-registry-"
                + build.getProperty("version"));
        if (Files.isDirectory(home)) {
            return home;
        }
        try {
            TemporaryDirectory unpacking = TemporaryDirectory.create(home.getParent(), "apicurio-registry-unpacking");
            Process tar = new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", unpacking.path().toString())
                    .redirectErrorStream(true).start();
            String output = new String(tar.getInputStream().readAllBytes());
            if (tar.waitFor() != 0) {
                unpacking.close();
                throw new TestkitException("cannot unpack " + archive + ": " + output);
            }
            try {
                Files.move(unpacking.path(), home, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException raced) {
                // another JVM unpacked it first: use theirs
                unpacking.close();
            }
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack Apicurio Registry into " + home, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TestkitException("interrupted while unpacking Apicurio Registry", e);
        }
    }

    /** The distribution's runnable jar: {@code *-runner.jar} (3.0, 3.1) or {@code quarkus-run.jar} (3.2 on). */
    private static Path runnerJar(Path home) {
        try (var files = Files.list(home)) {
            return files.filter(file -> file.getFileName().toString().endsWith("-runner.jar")
                    || file.getFileName().toString().equals("quarkus-run.jar")).findFirst()
                    .orElseThrow(() -> new TestkitException("no runnable jar in Apicurio Registry's distribution at "
                            + home + "; delete that directory to unpack it again"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The settings under which Apicurio Registry 2's Kafka Avro serdes and Connect converter (the converter Debezium's
     * images ship) register schemas here as they go and write — or read — Confluent's wire format with content ids,
     * the ids this registry's Confluent-compatible API gives: its v2 API's URL, auto-registration,
     * {@code as-confluent}, {@code use-id=contentId} and no ids in headers.
     */
    public Map<String, String> apicurioConfluentSettings() {
        return apicurioConfluentSettings(registryUrl().replace("/apis/registry/v3", "/apis/registry/v2"));
    }

    /** {@link #apicurioConfluentSettings()} for a registry whose Apicurio v2 API is at {@code apicurioV2Url}. */
    public static Map<String, String> apicurioConfluentSettings(String apicurioV2Url) {
        return Map.of("apicurio.registry.url", apicurioV2Url, "apicurio.registry.auto-register", "true",
                "apicurio.registry.as-confluent", "true", "apicurio.registry.use-id", "contentId",
                "apicurio.registry.headers.enabled", "false");
    }

    @Override
    public void close() {
        ExitCleanup.unregister(this);
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        directory.close();
    }

    @Override
    public String toString() {
        return "TestingSchemaRegistry[" + confluentUrl() + "]";
    }
}
