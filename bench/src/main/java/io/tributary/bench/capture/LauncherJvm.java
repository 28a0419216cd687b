package io.tributary.bench.capture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The JVM options {@code ./tributary} starts Java with: those of {@code jvm.options}, and the class-data sharing
 * archive of the classes a pipeline loads, made by {@code scripts/cds-archive.sh} for the class path the JVM runs
 * with (the launcher's: the CLI's jar; the engine-only runs': theirs).
 */
final class LauncherJvm {
    private static final Path OPTIONS = Path.of("jvm.options");
    private static final Path ARCHIVE_SCRIPT = Path.of("scripts", "cds-archive.sh");

    private LauncherJvm() {
    }

    /**
     * {@code java <jvmOptions> -jar <jar> run <pipeline file>}, as the launcher runs a pipeline, its output appended
     * to {@code log}.
     */
    static Process run(List<String> jvmOptions, Path jar, Path pipelineFile, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString(), "run", pipelineFile.toString()));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    /** The options of {@code jvm.options}. */
    private static List<String> options() throws IOException {
        return Files.readAllLines(OPTIONS).stream().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }

    /** The options of {@code jvm.options} and an archive at {@code archive} for {@code classPath}, made if need be. */
    static List<String> withArchive(Path archive, String classPath) throws IOException, InterruptedException {
        Process dump = new ProcessBuilder(ARCHIVE_SCRIPT.toString(), archive.toString(), classPath).inheritIO().start();
        if (!dump.waitFor(10, TimeUnit.MINUTES) || dump.exitValue() != 0) {
            dump.destroyForcibly();
            throw new IOException(ARCHIVE_SCRIPT + " did not make " + archive + " (exit "
                    + (dump.isAlive() ? "none, still running" : dump.exitValue()) + ")");
        }
        List<String> options = new ArrayList<>();
        if (Files.exists(archive)) {
            options.add("-XX:SharedArchiveFile=" + archive);
        }
        options.addAll(options());
        return options;
    }
}
