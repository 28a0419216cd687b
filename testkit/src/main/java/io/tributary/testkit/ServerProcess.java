package io.tributary.testkit;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * One {@code mariadbd} child process on a private data directory: initialises the directory, starts and stops
 * the server, and waits until it accepts connections. {@link TestingMariaDb} is the public face of it.
 */
final class MariaDbServerProcess {
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);

    private final MariaDbBinaries binaries;
    private final Path directory;
    private final int port;
    private final List<String> settings;
    private Process process;

    /**
     * @param directory a private directory; the data directory, socket, logs and init file live in it
     * @param settings server options beyond the ones every test server gets (binlog, server id, extras)
     */
    MariaDbServerProcess(MariaDbBinaries binaries, Path directory, int port, List<String> settings) {
        this.binaries = requireNonNull(binaries, "binaries is null");
        this.directory = requireNonNull(directory, "directory is null");
        this.port = port;
        this.settings = List.copyOf(settings);
    }

    int port() {
        return port;
    }

    Path dataDirectory() {
        return directory.resolve("data");
    }

    /**
     * The server's own directory for temporary tables. A server starting removes every {@code #sql*} file of its
     * temporary directory, so servers (or mariadb-install-db runs) sharing /tmp delete each other's tables.
     */
    private Path temporaryDirectory() {
        Path temporary = directory.resolve("tmp");
        try {
            Files.createDirectories(temporary);
        } catch (IOException e) {
            throw new TestkitException("cannot create " + temporary + ": " + e.getMessage(), e);
        }
        return temporary;
    }

    Path errorLog() {
        return directory.resolve("error.log");
    }

    /** Creates the system tables, then writes the SQL the server runs as its first act at every start. */
    void initialise(String initSql) {
        List<String> command = new ArrayList<>(List.of(
                binaries.installDb().toString(),
                "--no-defaults",
                "--datadir=" + dataDirectory(),
                "--auth-root-authentication-method=normal",
                "--skip-test-db",
                "--tmpdir=" + temporaryDirectory()));
        runAsUserArgument().ifPresent(command::add);
        Path log = directory.resolve("install-db.log");
        int exitCode = run(command, log, Duration.ofSeconds(120));
        if (exitCode != 0) {
            throw new TestkitException(binaries.installDb() + " exited with " + exitCode + ":\n" + tail(log));
        }
        write(directory.resolve("init.sql"), initSql);
    }

    /** Starts the server and returns once an admin connection succeeds. */
    void start(String adminUser, String adminPassword) {
        if (isRunning()) {
            throw new IllegalStateException("mariadbd is already running on port " + port);
        }
        List<String> command = new ArrayList<>(List.of(
                binaries.server().toString(),
                "--no-defaults",
                "--datadir=" + dataDirectory(),
                "--socket=" + directory.resolve("mariadb.sock"),
                "--pid-file=" + directory.resolve("mariadb.pid"),
                "--log-error=" + errorLog(),
                "--tmpdir=" + temporaryDirectory(),
                "--bind-address=127.0.0.1",
                "--port=" + port,
                "--skip-name-resolve",
                "--init-file=" + directory.resolve("init.sql"),
                "--character-set-server=utf8mb4",
                "--collation-server=utf8mb4_general_ci",
                "--innodb-buffer-pool-size=64M",
                "--innodb-flush-log-at-trx-commit=2"));
        runAsUserArgument().ifPresent(command::add);
        command.addAll(settings);
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(directory.resolve("mariadbd.out").toFile())
                    .start();
        } catch (IOException e) {
            throw new TestkitException("cannot start " + binaries.server() + ": " + e.getMessage(), e);
        }
        awaitConnection(adminUser, adminPassword);
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

    private void awaitConnection(String user, String password) {
        String url = "jdbc:mariadb://127.0.0.1:" + port + "/";
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", "1000");
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        SQLException lastFailure = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new TestkitException("mariadbd exited with " + process.exitValue() + " during start-up:\n"
                        + tail(errorLog()));
            }
            try (Connection connection = DriverManager.getConnection(url, properties)) {
                if (connection.isValid(1)) {
                    return;
                }
            } catch (SQLException e) {
                lastFailure = e;
            }
            pause(Duration.ofMillis(50));
        }
        stop();
        throw new TestkitException("mariadbd did not accept connections on port " + port + " within "
                + STARTUP_TIMEOUT.toSeconds() + " s (last error: " + lastFailure + "):\n" + tail(errorLog()));
    }

    private static Optional<String> runAsUserArgument() {
        // mariadbd refuses to run as root unless told to; elsewhere it keeps the current user anyway
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
            throw new TestkitException("interrupted while waiting for mariadbd", e);
        }
    }
}
