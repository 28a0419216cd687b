package io.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The distribution the build leaves in target/ (after {@code package}, hence an IT): the jar's manifest class path,
 * which every command but {@code demo} runs with, holds the runtime only; the demo's servers are in demo-lib/.
 */
class DistributionIT {
    private static final Path TARGET = Path.of("target");
    private static final Path JAR = TARGET.resolve("tributary-cli.jar");

    /** What only the demo or the tests need: an embedded broker, Scala, the servers' starters, test libraries. */
    private static final List<String> NOT_IN_THE_RUNTIME = List.of("kafka_2.13-", "scala-", "kafka-server-",
            "kafka-metadata-", "kafka-raft-", "kafka-storage-", "kafka-group-coordinator-",
            "kafka-transaction-coordinator-", "kafka-share-coordinator-", "tributary-demo-", "tributary-testkit-",
            "connect-runtime-", "DynamoDBLocal-", "junit-", "assertj-", "awaitility-", "opentest4j-");

    @Test
    void theManifestClassPathHoldsTheRuntimeOnly() throws IOException {
        List<String> classPath = manifestClassPath();

        assertThat(classPath).as("the runtime's own jars")
                .anyMatch(jar -> jar.startsWith("lib/tributary-source-mysql-"))
                .anyMatch(jar -> jar.startsWith("lib/tributary-server-"))
                .anyMatch(jar -> jar.startsWith("lib/kafka-clients-"));
        for (String jar : classPath) {
            assertThat(TARGET.resolve(jar)).as("a jar of the manifest's class path").isRegularFile();
            String name = jar.substring("lib/".length());
            assertThat(NOT_IN_THE_RUNTIME).as("%s on the class path of run, validate, status, import-offsets", name)
                    .noneMatch(name::startsWith);
        }
    }

    @Test
    void demoLibHoldsTheDemosServersAndNothingTheRuntimeHasAlready() throws IOException {
        List<String> demoLib;
        try (Stream<Path> jars = Files.list(TARGET.resolve("demo-lib"))) {
            demoLib = jars.map(jar -> jar.getFileName().toString()).sorted().toList();
        }

        assertThat(demoLib)
                .anyMatch(jar -> jar.startsWith("tributary-demo-"))
                .anyMatch(jar -> jar.startsWith("kafka_2.13-"))
                .anyMatch(jar -> jar.startsWith("scala-library-"))
                .noneMatch(jar -> jar.startsWith("tributary-testkit-"))
                .doesNotContainAnyElementsOf(manifestClassPath().stream()
                        .map(jar -> jar.substring("lib/".length())).toList());
    }

    @Test
    void theJarAloneRunsTheOtherCommandsAndSendsTheDemoToTheLauncher() throws Exception {
        assertThat(javaJar("--version")).startsWith("exit 0:").containsPattern("tributary [0-9]");
        assertThat(javaJar("validate", Path.of("..", "examples", "mysql-to-kafka.properties").toString()))
                .startsWith("exit 0:").contains("is valid");
        assertThat(javaJar("demo")).isEqualTo("exit 1: tributary demo needs the demo's MariaDB and Kafka broker "
                + "from cli/target/demo-lib/, which `java -jar` does not load: run it with ./tributary demo\n");
    }

    @Test
    void theLaunchersClassDataArchiveMatchesTheJarAndItsLibraries() throws Exception {
        Path directory = Files.createTempDirectory("tributary-cds");
        Path archive = directory.resolve("tributary.jsa");
        try {
            Process dump = new ProcessBuilder(Path.of("..", "scripts", "cds-archive.sh").toString(),
                    archive.toString(), JAR.toString()).redirectErrorStream(true)
                    .redirectOutput(directory.resolve("dump.out").toFile()).start();
            assertThat(dump.waitFor(5, TimeUnit.MINUTES)).as("the archive was dumped within 5 minutes").isTrue();
            assertThat(archive).as("scripts/cds-archive.sh said: %s", Files.readString(directory.resolve("dump.out")))
                    .isRegularFile();
            // -Xshare:on refuses to start when the archive does not fit the class path, where :auto goes on without
            assertThat(javaJar(List.of("-Xshare:on", "-XX:SharedArchiveFile=" + archive, "-Xlog:class+load=info"),
                    "--version")).startsWith("exit 0:")
                    .contains("io.tributary.cli.TributaryCommand source: shared objects file")
                    .containsPattern("tributary [0-9]");
        } finally {
            try (Stream<Path> files = Files.list(directory)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(directory);
        }
    }

    private static List<String> manifestClassPath() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            Manifest manifest = jar.getManifest();
            String classPath = manifest.getMainAttributes().getValue("Class-Path");
            assertThat(classPath).as("Class-Path of %s", JAR).isNotBlank();
            return Arrays.asList(classPath.trim().split(" +"));
        }
    }

    /** {@code java -jar target/tributary-cli.jar <arguments>}: "exit <status>: <stdout and stderr>". */
    private static String javaJar(String... arguments) throws Exception {
        return javaJar(List.of(), arguments);
    }

    /** The same with these JVM options too. */
    private static String javaJar(List<String> jvmOptions, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:+UseSerialGC"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(List.of(arguments));
        Path output = Files.createTempFile("tributary-cli", ".out");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                .start();
        try {
            boolean finished = process.waitFor(60, TimeUnit.SECONDS);
            String text = Files.readString(output);
            assertThat(finished).as("%s finished within a minute; its output:%n%s", command, text).isTrue();
            return "exit " + process.exitValue() + ": " + text;
        } finally {
            // SIGTERM first: a demo that did start stops its servers on it
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            Files.delete(output);
        }
    }
}
