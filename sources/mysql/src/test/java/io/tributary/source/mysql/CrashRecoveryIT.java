package io.tributary.source.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import io.tributary.testkit.TestingBinlogServer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The capture process is killed with SIGKILL during the snapshot and again while streaming, with writes going on
 * all along; after restarts from the stored offset every change has arrived: for every row, the versions seen
 * have no gap, and the last event of each row is its final state. Run against each server by a subclass.
 */
abstract class CrashRecoveryIT {
    private static final int ROWS = 60_000;
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    /** A server ready for CDC. */
    abstract TestingBinlogServer startServer();

    @Test
    void killedDuringSnapshotAndStreamingLosesNothing(@TempDir Path directory) throws Exception {
        try (TestingBinlogServer server = startServer()) {
            server.execute("CREATE DATABASE crash");
            VersionWriter.createTable(server, "crash.items", ROWS);
            Path config = writeConfig(directory, server);
            Path events = directory.resolve("events.txt");
            VersionWriter writer = new VersionWriter(server, "crash.items", ROWS);
            writer.start();
            List<Process> processes = new java.util.ArrayList<>();
            try {
                // early in the snapshot: the child polls no more after ROWS / 20 events, so the kill lands there
                Process first = CaptureToFileMain.startHolding(config, directory, ROWS / 20);
                processes.add(first);
                Awaitility.await().atMost(TIMEOUT).until(() -> CaptureToFileMain.holding(directory));
                first.destroyForcibly().waitFor();
                assertThat(CaptureToFileMain.storedOffset(directory).orElseThrow().get("snapshot")).isEqualTo(true);

                Process second = startCapture(config, directory, processes);
                Awaitility.await().atMost(TIMEOUT)
                        .until(() -> snapshotDone(directory) && CaptureToFileMain.lines(events) > ROWS + 2_000);
                second.destroyForcibly().waitFor();

                Process third = startCapture(config, directory, processes);
                writer.stop();
                Map<Integer, Integer> expected = VersionWriter.versions(server, "crash.items");
                Awaitility.await().atMost(TIMEOUT).until(() -> lastEvents(events).equals(expected));
                third.destroyForcibly().waitFor();
            } finally {
                processes.forEach(Process::destroyForcibly);
                writer.stop();
            }
            assertNoGaps(events);
        }
    }

    private static Path writeConfig(Path directory, TestingBinlogServer server) throws IOException {
        return CaptureToFileMain.writeConfig(directory, SourceRunner.config(server, "database.include.list", "crash", "snapshot.fetch.size", "500",
                "max.batch.size", "200"));
    }

    private static Process startCapture(Path config, Path directory, List<Process> started) {
        Process process = CaptureToFileMain.start(config, directory);
        started.add(process);
        return process;
    }

    private static boolean snapshotDone(Path directory) throws Exception {
        return CaptureToFileMain.storedOffset(directory).map(offset -> !offset.containsKey("snapshot")).orElse(false);
    }

    /** The final state the events describe: id to version, deleted rows absent. */
    private static Map<Integer, Integer> lastEvents(Path events) throws IOException {
        Map<Integer, Integer> state = new HashMap<>();
        for (String line : Files.readAllLines(events)) {
            String[] fields = line.split("\t");
            int id = Integer.parseInt(fields[1]);
            if (fields[0].equals("d")) {
                state.remove(id);
            } else {
                state.put(id, Integer.parseInt(fields[2]));
            }
        }
        return state;
    }

    /** Every update raises a row's version by one: a missing version is a lost change. */
    private static void assertNoGaps(Path events) throws IOException {
        Map<Integer, TreeSet<Integer>> versions = new TreeMap<>();
        for (String line : Files.readAllLines(events)) {
            String[] fields = line.split("\t");
            versions.computeIfAbsent(Integer.parseInt(fields[1]), id -> new TreeSet<>()).add(Integer.parseInt(fields[2]));
        }
        List<Integer> withGaps = versions.entrySet().stream()
                .filter(entry -> entry.getValue().last() - entry.getValue().first() + 1 != entry.getValue().size())
                .map(Map.Entry::getKey)
                .toList();
        assertThat(versions).hasSizeGreaterThanOrEqualTo(ROWS);
        assertThat(withGaps).as("rows whose versions have gaps").isEmpty();
    }
}
