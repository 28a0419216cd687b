package io.tributary.faults;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import io.tributary.server.ServerMain;
import io.tributary.testkit.ChildJvm;
import io.tributary.testkit.TestingMariaDb;

/**
 * The standalone runtime as users run it — its own process, a pipeline file, a file sink, the local offset store —
 * started, killed and restarted by a fault test. Its output goes to {@code runtime.log} in the test's directory.
 */
final class FaultyPipeline implements AutoCloseable {
    private final Path directory;
    private final Path file;
    private final List<String> launcher;
    private final String name;
    private Process process;

    /**
     * @param database the captured database, also the topic prefix
     * @param host the database's address as the runtime sees it
     * @param extra further pipeline properties, overriding the defaults here
     * @param launcher what runs the JVM ({@code ip netns exec ...}), or nothing
     */
    FaultyPipeline(Path directory, TestingMariaDb mariaDb, String host, String database, Map<String, String> extra,
            List<String> launcher) throws IOException {
        this.directory = directory;
        this.launcher = launcher;
        this.name = database;
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("name", database);
        properties.put("database.hostname", host);
        properties.put("database.port", String.valueOf(mariaDb.port()));
        properties.put("database.user", TestingMariaDb.CDC_USER);
        properties.put("database.password", TestingMariaDb.CDC_PASSWORD);
        properties.put("topic.prefix", database);
        properties.put("database.include.list", database);
        properties.put("include.schema.changes", "false");
        properties.put("key.converter.schemas.enable", "false");
        properties.put("value.converter.schemas.enable", "false");
        properties.put("errors.max.retries", "-1");
        properties.put("errors.retry.delay.max.ms", "1000");
        properties.put("sinks", "files");
        properties.put("sink.files.type", "file");
        properties.put("sink.files.directory", directory.resolve("events").toString());
        properties.put("offset.storage.dir", directory.resolve("offsets").toString());
        properties.put("rest.port", "-1");
        properties.putAll(extra);
        if (!List.of(properties.get("sinks").split(",")).contains("files")) {
            properties.keySet().removeIf(key -> key.startsWith("sink.files."));
        }
        Properties file = new Properties();
        file.putAll(properties);
        this.file = directory.resolve(database + ".properties");
        try (OutputStream out = Files.newOutputStream(this.file)) {
            file.store(out, null);
        }
    }

    /** The file sink's file of {@code <database>.items}. */
    Path events(String database) {
        return directory.resolve("events").resolve(database + "." + database + ".items.jsonl");
    }

    /** Whether at least {@code rows} rows were delivered and the stored offset is past the snapshot. */
    boolean snapshotDone(int rows) throws IOException {
        return VersionedRows.delivered(events(name)).size() >= rows && offsetPastSnapshot();
    }

    /** Whether an offset is stored and it is past the snapshot (a restart would stream, not read tables again). */
    boolean offsetPastSnapshot() throws IOException {
        return Files.exists(offsets()) && !Files.readString(offsets()).contains("\"snapshot\":true");
    }

    /** The local offset store's file. */
    Path offsets() {
        return directory.resolve("offsets").resolve(name + ".offsets.json");
    }

    Path log() {
        return directory.resolve("runtime.log");
    }

    void start() {
        process = ChildJvm.start(launcher, ServerMain.class, log(), List.of("-Xmx256m"), file.toString());
    }

    /** SIGKILL, and waits until the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** SIGTERM; the exit status once the process is gone. */
    int stop() throws InterruptedException {
        process.destroy();
        return process.waitFor();
    }

    /** SIGTERM; whether the process was gone within {@code timeout}. */
    boolean stopWithin(Duration timeout) throws InterruptedException {
        process.destroy();
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    int exitValue() {
        return process.exitValue();
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** The runtime's output so far. */
    String output() throws IOException {
        return Files.exists(log()) ? Files.readString(log()) : "";
    }

    /** Stops the runtime if it runs, and keeps its output and its events in {@code target/} (named after the pipeline). */
    @Override
    public void close() throws IOException {
        if (process != null) {
            process.destroyForcibly().onExit().join(); // gone, so that what it held open (a mount) can be released
        }
        if (Files.exists(log())) {
            Files.copy(log(), Path.of("target", name + "-runtime.log"), StandardCopyOption.REPLACE_EXISTING);
        }
        if (Files.exists(events(name))) {
            Files.copy(events(name), Path.of("target", name + "-events.jsonl"), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
