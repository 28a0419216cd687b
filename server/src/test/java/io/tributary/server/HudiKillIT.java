package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.testkit.TestingHudiQuery;
import io.tributary.testkit.TestingMariaDb;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime writing a merge-on-read Hudi table, killed (SIGKILL) while a delta commit is in flight and again while
 * a compaction is, under a steady stream of changes: after a restart the table equals the source table (by Spark
 * SQL), holds no key twice, and its timeline has no instant left pending.
 */
class HudiKillIT {
    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    private static final int ROWS = 2_000;

    @Test
    void killedDuringACommitAndDuringACompactionTheTableEndsEqualToTheSource(@TempDir Path directory)
            throws Exception {
        try (TestingMariaDb mariaDb = TestingMariaDb.create();
                TestingHudiQuery spark = TestingHudiQuery.start(directory.resolve("query-engine.log"))) {
            mariaDb.execute("CREATE DATABASE shop",
                    "CREATE TABLE shop.items (id INT PRIMARY KEY, version INT NOT NULL)",
                    "INSERT INTO shop.items SELECT seq, 0 FROM shop.seq_1_to_" + ROWS);
            Map<String, String> pipeline = HudiPipelineIT.pipeline(mariaDb, directory);
            pipeline.put("sink.lake.hoodie.compact.inline.max.delta.commits", "2");
            pipeline.put("sink.lake.commit.interval.ms", "0");
            pipeline.put("max.batch.size", "50");
            Path file = KillAndRestartIT.write(directory.resolve("shop.properties"), pipeline);
            Path timeline = directory.resolve("lake/shop_shop_items/.hoodie/timeline");
            ItemsWriter writer = new ItemsWriter(mariaDb, ROWS, true);
            List<Process> processes = new ArrayList<>();
            try {
                Process first = KillAndRestartIT.start(file, directory, processes);
                Awaitility.await().atMost(TIMEOUT).until(() -> completed(timeline, ".deltacommit") >= 1);
                writer.start();
                killInFlight(first, timeline, "deltacommit", file, directory, processes);
                Process second = KillAndRestartIT.start(file, directory, processes);
                killInFlight(second, timeline, "compaction", file, directory, processes);

                Process third = KillAndRestartIT.start(file, directory, processes);
                int before = completed(timeline, ".deltacommit");
                Awaitility.await().atMost(TIMEOUT).until(() -> completed(timeline, ".deltacommit") > before + 2);
                writer.finish();
                Map<Integer, Integer> expected = new TreeMap<>();
                mariaDb.query("SELECT id, version FROM shop.items").forEach(row -> expected.put(
                        ((Number) row.get("id")).intValue(), ((Number) row.get("version")).intValue()));
                Awaitility.await().atMost(TIMEOUT).pollInterval(Duration.ofSeconds(2))
                        .until(() -> rows(spark, directory).equals(expected));
                third.destroy();
                third.waitFor();
            } finally {
                writer.finish();
                processes.forEach(Process::destroyForcibly);
                Files.copy(directory.resolve("server.log"), Path.of("target/hudi-kill-server.log"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            assertThat(writer.changes()).isGreaterThan(0);
            assertThat(pendingInstants(timeline)).as("instants left requested or inflight").isEmpty();
            assertThat(completed(timeline, ".rollback")).as("the killed delta commit, rolled back").isPositive();
        }
    }

    /**
     * Kills {@code runtime} once an instant of {@code action} is in flight. When the instant completed before the
     * kill landed, starts the runtime again and waits for the next one, until a kill leaves one pending.
     */
    private static void killInFlight(Process runtime, Path timeline, String action, Path file, Path directory,
            List<Process> processes) throws Exception {
        Process running = runtime;
        while (true) {
            Awaitility.await("a " + action + " in flight").atMost(TIMEOUT).pollInterval(Duration.ofMillis(5))
                    .until(() -> pending(timeline, action));
            running.destroyForcibly().waitFor();
            if (pending(timeline, action)) {
                return;
            }
            running = KillAndRestartIT.start(file, directory, processes);
        }
    }

    private static Map<Integer, Integer> rows(TestingHudiQuery spark, Path directory) {
        Map<Integer, Integer> rows = new TreeMap<>();
        String table = directory.resolve("lake/shop_shop_items").toUri().toString();
        for (JsonNode row : spark.query(table, Map.of(), "select id, version from t")) {
            assertThat(rows.put(row.get("id").asInt(), row.get("version").asInt()))
                    .as("a duplicate key %s", row.get("id")).isNull();
        }
        return rows;
    }

    private static int completed(Path timeline, String suffix) throws IOException {
        if (!Files.isDirectory(timeline)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(timeline)) {
            return (int) files.map(path -> path.getFileName().toString())
                    .filter(name -> name.contains("_") && name.endsWith(suffix)).count();
        }
    }

    /** Whether an instant of {@code action} is requested or inflight and not yet completed. */
    private static boolean pending(Path timeline, String action) throws IOException {
        return pendingInstants(timeline).stream().anyMatch(name -> name.contains(action));
    }

    /** The timeline's instants requested or inflight with no completed file. */
    private static List<String> pendingInstants(Path timeline) throws IOException {
        if (!Files.isDirectory(timeline)) {
            return List.of();
        }
        List<String> names;
        try (Stream<Path> files = Files.list(timeline)) {
            names = files.map(path -> path.getFileName().toString()).filter(name -> !name.startsWith("."))
                    .toList();
        }
        Set<String> completed = new HashSet<>();
        for (String name : names) {
            if (name.contains("_")) {
                completed.add(name.substring(0, name.indexOf('_')));
            }
        }
        List<String> pending = new ArrayList<>();
        for (String name : names) {
            if ((name.endsWith(".requested") || name.endsWith(".inflight"))
                    && !completed.contains(name.substring(0, name.indexOf('.')))) {
                pending.add(name);
            }
        }
        return pending;
    }
}
