package io.tributary.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Spark SQL with Hudi's Spark bundle, in a JVM of its own (module {@code sinks/hudi-query}): the engine Hudi users
 * query tables with, never the writer's own classes. One session answers every query of a test class.
 */
public final class TestingHudiQuery implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> OPENS = List.of("java.lang", "java.lang.invoke", "java.lang.reflect", "java.io",
            "java.net", "java.nio", "java.util", "java.util.concurrent", "java.util.concurrent.atomic", "sun.nio.ch",
            "sun.nio.cs", "sun.security.action", "sun.util.calendar");

    private final Process process;
    private final BufferedReader answers;
    private final Writer requests;

    private TestingHudiQuery(Process process) {
        this.process = process;
        this.answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.requests = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    }

    /** Starts the engine, its log in {@code log}; the module {@code sinks/hudi-query} must have been packaged. */
    public static TestingHudiQuery start(Path log) throws IOException {
        Path module = queryModule();
        String classPath = module.resolve("classes") + ":" + Files.readString(module.resolve("query-classpath.txt"))
                .trim();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx768m"));
        OPENS.forEach(pkg -> command.add("--add-opens=java.base/" + pkg + "=ALL-UNNAMED"));
        command.addAll(List.of("-cp", classPath, "io.tributary.hudi.query.HudiQuery"));
        Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        TestingHudiQuery engine = new TestingHudiQuery(process);
        String first = engine.answers.readLine();
        if (!"READY".equals(first)) {
            process.destroyForcibly();
            throw new IllegalStateException("the query engine did not start (" + first + "); see " + log);
        }
        return engine;
    }

    /** The rows {@code sql} (over the view {@code t}) returns from the table at {@code path}, read with options. */
    public List<JsonNode> query(String path, Map<String, String> options, String sql) {
        String optionText = options.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("&"));
        try {
            requests.write(path + "\t" + optionText + "\t" + sql + "\n");
            requests.flush();
            List<JsonNode> rows = new ArrayList<>();
            for (String line = answers.readLine(); ; line = answers.readLine()) {
                if (line == null) {
                    throw new IllegalStateException("the query engine stopped");
                }
                if (line.equals("END")) {
                    return rows;
                }
                if (line.startsWith("FAILED ")) {
                    throw new IllegalStateException("query failed: " + line.substring(7));
                }
                if (line.startsWith("ROW ")) {
                    rows.add(JSON.readTree(line.substring(4)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The query module's target directory, found from any module of the build. */
    private static Path queryModule() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path target = dir.resolve(Path.of("sinks", "hudi-query", "target"));
            if (Files.exists(target.resolve("query-classpath.txt"))) {
                return target;
            }
        }
        throw new IllegalStateException("sinks/hudi-query/target/query-classpath.txt not found above "
                + Path.of("").toAbsolutePath() + ": package the module sinks/hudi-query first");
    }

    @Override
    public void close() throws IOException {
        requests.close();
        try {
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
