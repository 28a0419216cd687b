package io.tributary.testkit;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * One database server child process on a private directory: initialises the data directory, starts and stops the
 * server, and waits until it accepts connections. {@link TestingMariaDb} and the test kit's {@code TestingMySql} are
 * its public faces; {@link ServerProgram} says how each kind of server's programs run.
 */
final class ServerProcess {
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);

    /** Opens a connection to the server, to learn whether it is ready. */
    @FunctionalInterface
    interface ConnectionProbe {
        Connection open() throws SQLException;
    }

    private final ServerProgram program;
    private final ServerFiles files;
    private final int port;
    private final List<String> settings;
    private Process process;

    /**
     * @param directory a private directory under the program's root; the data directory, socket, logs and init
     *     file live in it
     * @param settings server options beyond the ones every test server gets (binlog, server id, extras)
     */
    ServerProcess(ServerProgram program, Path directory, int port, List<String> settings) {
        this.program = requireNonNull(program, "program is null");
        this.files = program.files(requireNonNull(directory, "directory is null"));
        this.port = port;
        this.settings = List.copyOf(settings);
    }

    int port() {
        return port;
    }

    Path dataDirectory() {
        return files.directory().resolve("data");
    }

    Path errorLog() {
        return files.errorLogHere();
    }

    /** Creates the system tables, then writes the SQL the server runs as its first act at every start. */
    void initialise(String initSql) {
        Path log = files.directory().resolve("initialise.log");
        List<String> command = program.initialiseCommand(files);
        int exitCode = run(command, log, Duration.ofSeconds(180));
        if (exitCode != 0) {
            throw new TestkitException(program.name() + " could not create its data directory (" + command
                    + " exited with " + exitCode + "):\n" + tail(log) + "\n" + tail(errorLog()));
        }
        write(files.directory().resolve("init.sql"), initSql);
    }

    /** Starts the server and returns once {@code probe} connects. */
    void start(ConnectionProbe probe) {
        if (isRunning()) {
            throw new IllegalStateException(program.name() + " is already running on port " + port);
        }
        List<String> command = new ArrayList<>(program.startCommand(files, port));
        command.addAll(settings);
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(files.directory().resolve("server.out").toFile())
                    .start();
        } catch (IOException e) {
            throw new TestkitException("cannot start " + program.name() + " (" + command.get(0) + "): "
                    + e.getMessage(), e);
        }
        awaitConnection(probe);
    }

    boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** A clean shutdown (SIGTERM), then SIGKILL if the server has not stopped in time. */
    void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(SHUTDOWN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** SIGKILL: the server dies as in a crash, without flushing anything. */
    void kill() {
        if (process == null) {
            return;
        }
        try {
            process.destroyForcibly().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    private void awaitConnection(ConnectionProbe probe) {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        SQLException lastFailure = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new TestkitException(program.name() + " exited with " + process.exitValue()
                        + " during start-up:\n" + tail(errorLog()));
            }
            try (Connection connection = probe.open()) {
                if (connection.isValid(1)) {
                    return;
                }
            } catch (SQLException e) {
                lastFailure = e;
            }
            pause(Duration.ofMillis(50));
        }
        stop();
        throw new TestkitException(program.name() + " did not accept connections on port " + port + " within "
                + STARTUP_TIMEOUT.toSeconds() + " s (last error: " + lastFailure + "):\n" + tail(errorLog()));
    }

    /** {@code --user=root} when this JVM runs as root: the servers refuse to run as root unless told to. */
    static Optional<String> runAsUserArgument() {
        String user = System.getProperty("user.name");
        return "root".equals(user) ? Optional.of("--user=root") : Optional.empty();
    }

    private static int run(List<String> command, Path log, Duration timeout) {
        try {
            Process child = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            if (!child.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                child.destroyForcibly();
                throw new TestkitException(command.get(0) + " did not finish within " + timeout.toSeconds() + " s:\n"
                        + tail(log));
            }
            return child.exitValue();
        } catch (IOException e) {
            throw new TestkitException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TestkitException("interrupted while running " + command.get(0), e);
        }
    }

    static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return lines.subList(Math.max(0, lines.size() - 30), lines.size()).stream()
                    .collect(Collectors.joining("\n"));
        } catch (IOException e) {
            return "(no " + file.getFileName() + ": " + e.getMessage() + ")";
        }
    }

    private static void write(Path file, String content) {
        try {
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TestkitException("interrupted while waiting for a server", e);
        }
    }
}
