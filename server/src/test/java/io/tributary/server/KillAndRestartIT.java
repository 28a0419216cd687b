package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.core.offsets.OffsetJson;
import io.tributary.testkit.ChildJvm;
import io.tributary.testkit.TestingKafka;
import io.tributary.testkit.TestingMariaDb;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runtime as its own process, stopped the hard way (SIGKILL) and the polite way (SIGTERM), then restarted. */
class KillAndRestartIT {
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ROWS = 5_000;

    @Test
    void killedMidStreamWithExactlyOnceNeitherLosesNorRepeatsAChange(@TempDir Path directory) throws Exception {
        try (TestingMariaDb mariaDb = TestingMariaDb.create(); TestingKafka kafka = TestingKafka.create()) {
            mariaDb.execute("CREATE DATABASE shop",
                    "CREATE TABLE shop.items (id INT PRIMARY KEY, version INT NOT NULL)",
                    "INSERT INTO shop.items SELECT seq, 0 FROM shop.seq_1_to_" + ROWS);
            Map<String, String> pipeline = StandalonePipelineIT.pipeline(mariaDb, kafka, directory, "true");
            pipeline.put("value.converter.schemas.enable", "false");
            pipeline.put("max.batch.size", "50");
            Path file = write(directory.resolve("shop.properties"), pipeline);
            ItemsWriter writer = new ItemsWriter(mariaDb, ROWS, false);
            List<Process> processes = new ArrayList<>();
            try {
                Process first = start(file, directory, processes);
                Awaitility.await().atMost(TIMEOUT).until(() -> committed(kafka).size() >= ROWS);
                writer.start();
                Awaitility.await().atMost(TIMEOUT).until(() -> committed(kafka).size() > ROWS + 1_500);
                first.destroyForcibly().waitFor();

                int beforeRestart = committed(kafka).size();
                Process second = start(file, directory, processes);
                Awaitility.await("the restarted runtime streams the writer's changes").atMost(TIMEOUT)
                        .until(() -> committed(kafka).size() > beforeRestart + 500);
                writer.finish();
                Map<Integer, Integer> expected = versions(mariaDb);
                Awaitility.await().atMost(TIMEOUT).until(() -> finalState(committed(kafka)).equals(expected));
                second.destroy();
                second.waitFor();
            } finally {
                writer.finish();
                processes.forEach(Process::destroyForcibly);
                Files.copy(directory.resolve("server.log"), Path.of("target/kill-and-restart-server.log"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }

            List<JsonNode> events = committed(kafka);
            Set<String> seen = new HashSet<>();
            Map<Integer, Integer> lastVersion = new HashMap<>();
            for (JsonNode event : events) {
                int id = event.at("/after/id").asInt();
                int version = event.at("/after/version").asInt();
                assertThat(seen.add(id + "@" + version)).as("row %s version %s delivered once", id, version).isTrue();
                Integer previous = lastVersion.put(id, version);
                assertThat(previous == null ? version : previous + 1).as("row %s has no missing version", id)
                        .isEqualTo(version);
            }
            assertThat(writer.changes()).isGreaterThan(1_000);
        }
    }

    @Test
    void sigtermDuringTheSnapshotStopsCleanlyAndTheNextStartResumesIt(@TempDir Path directory) throws Exception {
        int rows = 40_000;
        try (TestingMariaDb mariaDb = TestingMariaDb.create()) {
            mariaDb.execute("CREATE DATABASE shop",
                    "CREATE TABLE shop.items (id INT PRIMARY KEY, version INT NOT NULL)",
                    "INSERT INTO shop.items SELECT seq, 0 FROM shop.seq_1_to_" + rows,
                    "CREATE TABLE shop.later (id INT PRIMARY KEY)",
                    "INSERT INTO shop.later SELECT seq FROM shop.seq_1_to_100");
            Map<String, String> pipeline = StandalonePipelineIT.pipeline(mariaDb, null, directory, "false");
            pipeline.keySet().removeIf(key -> key.startsWith("sink.kafka"));
            pipeline.put("sinks", "files");
            pipeline.put("snapshot.fetch.size", "500");
            pipeline.put("max.batch.size", "100");
            // no global read lock: the snapshot must not wait for the lock below before it starts
            pipeline.put("snapshot.locking.mode", "none");
            Path file = write(directory.resolve("shop.properties"), pipeline);
            Path items = directory.resolve("events/shop.shop.items.jsonl");
            Path later = directory.resolve("events/shop.shop.later.jsonl");
            List<Process> processes = new ArrayList<>();
            try {
                // the snapshot reads items, then waits for this lock to read later: the stop comes during the
                // snapshot however fast or slow this machine is
                try (Connection lock = mariaDb.adminConnection(); Statement statement = lock.createStatement()) {
                    statement.execute("LOCK TABLES shop.later WRITE");
                    Process first = start(file, directory, processes);
                    // a table's last row is held until the snapshot knows whether it is the snapshot's last
                    Awaitility.await("items read, later waited for").atMost(TIMEOUT)
                            .until(() -> waitsForALock(mariaDb) && lines(items) == rows - 1);
                    first.destroy();
                    Path log = directory.resolve("server.log");
                    Awaitility.await("the runtime stops its pipeline").atMost(TIMEOUT)
                            .until(() -> Files.readString(log).contains("pipeline shop stopped"));
                    statement.execute("UNLOCK TABLES");
                    first.waitFor();
                }
                Map<String, Object> stored = OffsetJson.read(Files.readAllBytes(
                        directory.resolve("offsets/shop.offsets.json")));
                assertThat(stored.toString()).contains("snapshot=true");
                assertThat(lines(later)).isZero();

                Process second = start(file, directory, processes);
                Awaitility.await().atMost(TIMEOUT).until(() -> lines(later) >= 100);
                second.destroy();
                second.waitFor();
            } finally {
                processes.forEach(Process::destroyForcibly);
            }
            assertThat(ids(items)).as("every row once: a graceful stop repeats nothing").hasSize(rows)
                    .doesNotHaveDuplicates();
            assertThat(ids(later)).hasSize(100).doesNotHaveDuplicates();
        }
    }

    private static boolean waitsForALock(TestingMariaDb mariaDb) {
        return !mariaDb.query("SELECT ID FROM information_schema.PROCESSLIST "
                + "WHERE STATE = 'Waiting for table metadata lock'").isEmpty();
    }

    private static List<Integer> ids(Path events) throws IOException {
        List<Integer> ids = new ArrayList<>();
        for (String line : Files.readAllLines(events)) {
            ids.add(JSON.readTree(line).at("/value/payload/after/id").asInt());
        }
        return ids;
    }

    static Path write(Path file, Map<String, String> pipeline) throws IOException {
        Properties properties = new Properties();
        pipeline.forEach((key, value) -> {
            if (value != null) {
                properties.setProperty(key, value);
            }
        });
        try (OutputStream out = Files.newOutputStream(file)) {
            properties.store(out, null);
        }
        return file;
    }

    static Process start(Path file, Path directory, List<Process> started) {
        Process process = ChildJvm.start(ServerMain.class, directory.resolve("server.log"), file.toString());
        started.add(process);
        return process;
    }

    private static long lines(Path file) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        try (var stream = Files.lines(file)) {
            return stream.count();
        }
    }

    private static List<JsonNode> committed(TestingKafka kafka) throws IOException {
        List<JsonNode> events = new ArrayList<>();
        for (String value : StandalonePipelineIT.values(kafka, "shop.shop.items")) {
            if (value != null) {
                events.add(JSON.readTree(value));
            }
        }
        return events;
    }

    private static Map<Integer, Integer> finalState(List<JsonNode> events) {
        Map<Integer, Integer> state = new HashMap<>();
        for (JsonNode event : events) {
            state.put(event.at("/after/id").asInt(), event.at("/after/version").asInt());
        }
        return state;
    }

    private static Map<Integer, Integer> versions(TestingMariaDb mariaDb) {
        Map<Integer, Integer> versions = new HashMap<>();
        for (Map<String, Object> row : mariaDb.query("SELECT id, version FROM shop.items")) {
            versions.put(((Number) row.get("id")).intValue(), ((Number) row.get("version")).intValue());
        }
        return versions;
    }
}
