package io.tributary.server;

import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.tributary.api.TableProgress;
import io.tributary.api.config.ConfigException;
import io.tributary.api.config.ConfigProblem;

/**
 * The REST API, shaped like Kafka Connect's where they overlap ({@code /connectors}, {@code /status}, pause,
 * resume, restart, {@code /connector-plugins/.../config/validate}), plus Tributary's own snapshot progress and
 * metrics, a Prometheus endpoint ({@code /metrics}) and {@code /health}. Secrets never appear in its answers.
 */
public final class RestServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Pipeline pipeline;
    private final SinkRegistry registry;
    private final String workerId;

    private RestServer(HttpServer server, Pipeline pipeline, SinkRegistry registry) {
        this.server = server;
        this.pipeline = pipeline;
        this.registry = registry;
        this.workerId = server.getAddress().getHostString() + ":" + server.getAddress().getPort();
    }

    /**
     * Starts serving.
     *
     * @throws IllegalStateException when the port is taken
     */
    public static RestServer start(String host, int port, Pipeline pipeline, SinkRegistry registry) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 16);
        } catch (BindException e) {
            throw new IllegalStateException("the REST port " + host + ":" + port + " is in use (by another "
                    + "Tributary or a Kafka Connect worker?): set rest.port in the pipeline file to a free port, "
                    + "or -1 to run without the REST API", e);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serve REST on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        RestServer rest = new RestServer(server, pipeline, registry);
        server.createContext("/", rest::handle);
        server.setExecutor(Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "tributary-rest");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
        return rest;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        return "http://" + workerId;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            List<String> path = List.of(exchange.getRequestURI().getPath().replaceAll("^/+|/+$", "").split("/"));
            String name = pipeline.config().name();
            if (path.size() == 1 && path.get(0).isEmpty()) {
                send(exchange, 200, Map.of("version", Version.current(), "commit", "", "kafka_cluster_id", ""));
            } else if (path.equals(List.of("health"))) {
                boolean failed = pipeline.state() == Pipeline.State.FAILED;
                send(exchange, failed ? 503 : 200, Map.of("status", failed ? "DOWN" : "UP",
                        "pipeline", pipeline.state().name()));
            } else if (path.equals(List.of("metrics"))) {
                sendText(exchange, prometheus());
            } else if (path.equals(List.of("connectors")) && method.equals("GET")) {
                send(exchange, 200, List.of(name));
            } else if (path.size() >= 2 && path.get(0).equals("connectors")) {
                if (!path.get(1).equals(name)) {
                    send(exchange, 404, error(404, "Connector " + path.get(1) + " not found"));
                } else {
                    connector(exchange, method, path.subList(2, path.size()));
                }
            } else if (path.size() == 4 && path.get(0).equals("connector-plugins") && path.get(2).equals("config")
                    && path.get(3).equals("validate") && method.equals("PUT")) {
                validate(exchange, path.get(1));
            } else if (path.equals(List.of("connector-plugins"))) {
                List<Map<String, String>> plugins = new ArrayList<>();
                plugins.add(Map.of("class", "io.tributary.connect.MySqlSourceConnector", "type", "source"));
                registry.types().forEach(type -> plugins.add(Map.of("class", type, "type", "sink")));
                send(exchange, 200, plugins);
            } else {
                send(exchange, 404, error(404, "Unknown endpoint " + method + " " + exchange.getRequestURI()));
            }
        } catch (RuntimeException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            send(exchange, 500, error(500, String.valueOf(e.getMessage())));
        }
    }

    private void connector(HttpExchange exchange, String method, List<String> rest) throws IOException,
            InterruptedException {
        String action = rest.isEmpty() ? "" : rest.get(0);
        switch (method + " " + action) {
            case "GET " -> send(exchange, 200, Map.of("name", pipeline.config().name(),
                    "config", Secrets.masked(pipeline.config().source()),
                    "tasks", List.of(Map.of("connector", pipeline.config().name(), "task", 0)), "type", "source"));
            case "GET config" -> send(exchange, 200, Secrets.masked(pipeline.config().source()));
            case "GET status" -> send(exchange, 200, status());
            case "GET progress" -> send(exchange, 200, progress());
            case "GET metrics" -> send(exchange, 200, metrics());
            case "PUT pause" -> {
                pipeline.pause();
                send(exchange, 202, null);
            }
            case "PUT resume" -> {
                pipeline.resume();
                send(exchange, 202, null);
            }
            case "POST restart" -> {
                pipeline.restart();
                send(exchange, 204, null);
            }
            default -> send(exchange, 404, error(404, "Unknown endpoint " + method + " " + exchange.getRequestURI()));
        }
    }

    private Map<String, Object> status() {
        String state = pipeline.state().name();
        Map<String, Object> task = new LinkedHashMap<>();
        task.put("id", 0);
        task.put("state", state);
        task.put("worker_id", workerId);
        pipeline.trace().ifPresent(trace -> task.put("trace", trace));
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("name", pipeline.config().name());
        status.put("connector", Map.of("state", state.equals("FAILED") ? "RUNNING" : state, "worker_id", workerId));
        status.put("tasks", List.of(task));
        status.put("type", "source");
        return status;
    }

    private Map<String, Object> progress() {
        Map<String, Object> tables = new LinkedHashMap<>();
        pipeline.snapshotProgress().forEach((table, progress) -> tables.put(table,
                Map.of("rows_read", progress.rowsRead(), "rows_estimated", progress.rowsEstimated(),
                        "done", progress.done())));
        return Map.of("tables", tables);
    }

    private Map<String, Object> metrics() {
        PipelineMetrics metrics = pipeline.metrics();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("events", metrics.events());
        values.put("events_per_second", metrics.eventsPerSecond());
        values.put("lag_ms", metrics.lagMs());
        values.put("state", pipeline.state().name());
        return values;
    }

    private String prometheus() {
        PipelineMetrics metrics = pipeline.metrics();
        String label = "{pipeline=\"" + pipeline.config().name() + "\"}";
        StringBuilder text = new StringBuilder();
        metric(text, "tributary_events_total", "counter", "Events delivered to every sink", label, metrics.events());
        metric(text, "tributary_events_per_second", "gauge", "Events delivered per second, last full second",
                label, metrics.eventsPerSecond());
        metric(text, "tributary_lag_milliseconds", "gauge",
                "Time between the source committing the last delivered change and its delivery", label,
                metrics.lagMs());
        metric(text, "tributary_up", "gauge", "1 unless the pipeline failed", label,
                pipeline.state() == Pipeline.State.FAILED ? 0 : 1);
        text.append("# HELP tributary_snapshot_rows_read Rows read by the snapshot\n")
                .append("# TYPE tributary_snapshot_rows_read gauge\n");
        Map<String, TableProgress> tables = pipeline.snapshotProgress();
        tables.forEach((table, progress) -> text.append("tributary_snapshot_rows_read{pipeline=\"")
                .append(pipeline.config().name()).append("\",table=\"").append(table).append("\"} ")
                .append(progress.rowsRead()).append('\n'));
        text.append("# HELP tributary_snapshot_rows_estimated Rows the server estimates per table\n")
                .append("# TYPE tributary_snapshot_rows_estimated gauge\n");
        tables.forEach((table, progress) -> text.append("tributary_snapshot_rows_estimated{pipeline=\"")
                .append(pipeline.config().name()).append("\",table=\"").append(table).append("\"} ")
                .append(progress.rowsEstimated()).append('\n'));
        return text.toString();
    }

    private static void metric(StringBuilder text, String name, String type, String help, String label,
            Number value) {
        text.append("# HELP ").append(name).append(' ').append(help).append('\n')
                .append("# TYPE ").append(name).append(' ').append(type).append('\n')
                .append(name).append(label).append(' ').append(value).append('\n');
    }

    /** Checks a pipeline's source (and sink) properties without starting anything; Connect's answer shape. */
    private void validate(HttpExchange exchange, String plugin) throws IOException {
        Map<String, String> config = JSON.readValue(exchange.getRequestBody(), new TypeReference<>() {
        });
        List<ConfigProblem> problems;
        try {
            PipelineValidation.validate(pipeline.config().name(), config, registry);
            problems = List.of();
        } catch (ConfigException e) {
            problems = e.problems();
        }
        List<Map<String, Object>> configs = new ArrayList<>();
        for (ConfigProblem problem : problems) {
            configs.add(Map.of("value", Map.of("name", problem.key(), "errors", List.of(problem.message()))));
        }
        send(exchange, 200, Map.of("name", plugin, "error_count", problems.size(), "groups", List.of(),
                "configs", configs));
    }

    private static Map<String, Object> error(int code, String message) {
        return Map.of("error_code", code, "message", message);
    }

    private static void send(HttpExchange exchange, int status, Object body) throws IOException {
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sendText(HttpExchange exchange, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

}
