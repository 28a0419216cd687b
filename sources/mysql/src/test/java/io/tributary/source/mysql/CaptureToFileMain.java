package io.tributary.source.mysql;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

import io.tributary.api.ChangeRecord;

/**
 * A minimal at-least-once pipeline for crash tests, run in a child JVM: records are appended to a file and
 * fsync'ed, then the offset of the last one is written atomically (temporary file, fsync, rename). A
 * {@code kill -9} at any moment therefore loses nothing; it may only repeat what followed the last stored offset.
 *
 * <p>Arguments: a properties file with the source configuration, a directory for {@code events.txt} and
 * {@code offset.bin}, and optionally a number of events after which the child polls no more and waits to be killed
 * (it says so with a {@code holding} file), so that a kill lands at a known point however fast the machine is. Each
 * line is {@code op TAB id TAB version} for rows of a table with those columns.
 */
public final class CaptureToFileMain {
    private static final String HOLDING = "holding";

    private CaptureToFileMain() {
    }

    public static void main(String[] args) throws Exception {
        Properties properties = new Properties();
        try (var in = Files.newInputStream(Path.of(args[0]))) {
            properties.load(in);
        }
        Map<String, String> config = new HashMap<>();
        properties.stringPropertyNames().forEach(key -> config.put(key, properties.getProperty(key)));
        Path directory = Path.of(args[1]);
        Path offsetFile = directory.resolve("offset.bin");
        long holdAfter = args.length > 2 ? Long.parseLong(args[2]) : Long.MAX_VALUE;
        long written = 0;
        Files.deleteIfExists(directory.resolve(HOLDING));
        MySqlSource source = new MySqlSource();
        source.start(config, readOffset(offsetFile));
        try (FileOutputStream events = new FileOutputStream(directory.resolve("events.txt").toFile(), true)) {
            while (true) {
                List<ChangeRecord> batch = source.poll();
                if (batch.isEmpty()) {
                    continue;
                }
                StringBuilder lines = new StringBuilder();
                for (ChangeRecord record : batch) {
                    if (!record.isTombstone()) {
                        lines.append(line((Object[]) record.value()));
                        written++;
                    }
                }
                events.write(lines.toString().getBytes(StandardCharsets.UTF_8));
                events.getFD().sync();
                writeOffset(offsetFile, batch.get(batch.size() - 1).offset());
                if (written >= holdAfter) {
                    Files.createFile(directory.resolve(HOLDING));
                    new CountDownLatch(1).await(); // until killed
                }
            }
        }
    }

    private static String line(Object[] envelope) {
        String op = (String) envelope[4];
        Object[] row = (Object[]) (op.equals("d") ? envelope[0] : envelope[1]);
        return op + "\t" + row[0] + "\t" + row[1] + "\n";
    }

    @SuppressWarnings("unchecked")
    private static Optional<Map<String, ?>> readOffset(Path file) throws IOException, ClassNotFoundException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try (ObjectInputStream in = new ObjectInputStream(Files.newInputStream(file))) {
            return Optional.of((Map<String, ?>) in.readObject());
        }
    }

    private static void writeOffset(Path file, Map<String, ?> offset) throws IOException {
        Path temporary = file.resolveSibling("offset.tmp");
        try (FileOutputStream out = new FileOutputStream(temporary.toFile());
                ObjectOutputStream objects = new ObjectOutputStream(out)) {
            objects.writeObject(new HashMap<>(offset));
            objects.flush();
            out.getFD().sync();
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Writes a source configuration for a child to read from {@code directory}; returns its file. */
    static Path writeConfig(Path directory, Map<String, String> config) throws IOException {
        Properties properties = new Properties();
        properties.putAll(config);
        Path file = directory.resolve("source.properties");
        try (var out = Files.newOutputStream(file)) {
            properties.store(out, null);
        }
        return file;
    }

    /** Starts a child capturing with {@code config} into {@code directory}, its output appended to capture.log. */
    static Process start(Path config, Path directory) {
        return io.tributary.testkit.ChildJvm.start(CaptureToFileMain.class, directory.resolve("capture.log"),
                config.toString(), directory.toString());
    }

    /**
     * Starts a child as {@link #start(Path, Path)} does that stops polling once it has written {@code events} events
     * (or more: the rest of the batch) and stored their offset; {@link #holding} says when it has.
     */
    static Process startHolding(Path config, Path directory, long events) {
        return io.tributary.testkit.ChildJvm.start(CaptureToFileMain.class, directory.resolve("capture.log"),
                config.toString(), directory.toString(), Long.toString(events));
    }

    /** Whether a child started by {@link #startHolding} has written its events and polls no more. */
    static boolean holding(Path directory) {
        return Files.exists(directory.resolve(HOLDING));
    }

    /** How many events the children wrote to {@code events} so far. */
    static long lines(Path events) throws IOException {
        if (!Files.exists(events)) {
            return 0;
        }
        try (var stream = Files.lines(events)) {
            return stream.count();
        }
    }

    /** Reads the stored offset, for the test to see where the child was killed. */
    static Optional<Map<String, ?>> storedOffset(Path directory) throws IOException, ClassNotFoundException {
        return readOffset(directory.resolve("offset.bin"));
    }
}
