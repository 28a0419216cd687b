package io.tributary.server;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code /connectors}: the pipeline as Kafka Connect shows a connector with its one task (config with secrets hidden,
 * status, the task's config and status, pause, resume, restart of the connector or the task, stop, and its offsets as
 * KIP-875 reads and changes them), plus Tributary's own snapshot progress and metrics.
 */
@Path("/connectors")
@Produces(MediaType.APPLICATION_JSON)
public final class ConnectorsResource {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };
    /** The class of the connector's task, as Connect's task configuration names it. */
    private static final String TASK_CLASS = "io.tributary.connect.MySqlSourceTask";
    private static final String OFFSETS_BODY = "a JSON object {\"offsets\": [{\"partition\": {...}, \"offset\": "
            + "{...}}]}";

    private static final TypeReference<Map<String, String>> PROPERTIES = new TypeReference<>() {
    };
    private static final String CONFIG_BODY = "a JSON object of string properties, the pipeline's configuration";

    private final Pipelines pipelines;
    private final String workerId;
    private final JsonBodies bodies;

    @Inject
    public ConnectorsResource(Pipelines pipelines, RestServer.WorkerId workerId, JsonBodies bodies) {
        this.pipelines = pipelines;
        this.workerId = workerId.id();
        this.bodies = bodies;
    }

    /**
     * The connectors' names; with {@code ?expand=status} and/or {@code ?expand=info}, an object of each connector's
     * status and/or info by name, as Connect answers (an unknown expansion is left out).
     */
    @GET
    public Object names(@QueryParam("expand") List<String> expand) {
        if (expand == null || expand.isEmpty()) {
            return pipelines.names();
        }
        Map<String, Object> connectors = new LinkedHashMap<>();
        for (Pipeline pipeline : pipelines.all()) {
            Map<String, Object> expansions = new LinkedHashMap<>();
            for (String expansion : expand) {
                switch (expansion) {
                    case "status" -> expansions.put("status", status(pipeline, connectorState(pipeline),
                            taskStatus(pipeline)));
                    case "info" -> expansions.put("info", info(pipeline));
                    default -> {
                        // Connect ignores an expansion it does not know
                    }
                }
            }
            connectors.put(pipeline.config().name(), expansions);
        }
        return connectors;
    }

    /**
     * Creates a pipeline from {@code {"name": ..., "config": {...}}} (Connect's POST): 201 with its info, 409 when
     * the name is taken, 400 listing every problem of the configuration.
     */
    @POST
    public Response create(InputStream body) throws IOException {
        Map<String, Object> request = bodies.read(body, OBJECT, "a JSON object {\"name\": \"...\", \"config\": "
                + "{...}}");
        Object named = request.get("name");
        Object config = request.get("config");
        if (!(config instanceof Map<?, ?> entries) || !entries.values().stream().allMatch(String.class::isInstance)) {
            throw new BadRequestException("the request's \"config\" is not " + CONFIG_BODY);
        }
        Map<String, String> written = new LinkedHashMap<>();
        entries.forEach((key, value) -> written.put(String.valueOf(key), (String) value));
        String name = named instanceof String text ? text : written.get("name");
        if (name == null || name.isBlank()) {
            throw new BadRequestException("the request names no connector: expected {\"name\": \"...\", "
                    + "\"config\": {...}}");
        }
        Pipeline pipeline = changed(() -> pipelines.create(name, written));
        return Response.created(java.net.URI.create("/connectors/" + name)).entity(created(info(pipeline))).build();
    }

    /** Creates or reconfigures a pipeline (Connect's PUT): 201 with its info when created, 200 when changed. */
    @PUT
    @Path("/{name}/config")
    public Response putConfig(@PathParam("name") String name, InputStream body) throws IOException {
        Map<String, String> written = bodies.read(body, PROPERTIES, CONFIG_BODY);
        if (written.containsValue(null)) {
            throw new BadRequestException("the request body is not " + CONFIG_BODY + ": a key has the value null");
        }
        Pipelines.Change change = changed(() -> pipelines.put(name, written));
        Map<String, Object> info = change.created() ? created(info(change.pipeline())) : info(change.pipeline());
        return change.created() ? Response.created(java.net.URI.create("/connectors/" + name)).entity(info).build()
                : Response.ok(info).build();
    }

    /**
     * Changes some keys of a pipeline's configuration (Connect's PATCH, KIP-477): a key given null is removed. 200
     * with its info.
     */
    @PATCH
    @Path("/{name}/config")
    public Map<String, Object> patchConfig(@PathParam("name") String name, InputStream body) throws IOException {
        Map<String, String> patch = bodies.read(body, PROPERTIES, CONFIG_BODY);
        pipeline(name);
        Map<String, String> written = new LinkedHashMap<>(pipelines.written(name).orElseThrow(
                () -> new NotFoundException("Connector " + name + " not found")));
        patch.forEach((key, value) -> {
            if (value == null) {
                written.remove(key);
            } else {
                written.put(key, value);
            }
        });
        return info(changed(() -> pipelines.put(name, written)).pipeline());
    }

    /** Stops and forgets a pipeline (Connect's DELETE): 204; its offsets stay. */
    @DELETE
    @Path("/{name}")
    public Response delete(@PathParam("name") String name) {
        changed(() -> {
            pipelines.delete(name);
            return null;
        });
        return Response.noContent().build();
    }

    /** A pipeline's info right after its creation, as Connect answers it: its tasks not yet made. */
    private static Map<String, Object> created(Map<String, Object> info) {
        Map<String, Object> created = new LinkedHashMap<>(info);
        created.put("tasks", List.of());
        return created;
    }

    /** A change of the runtime's pipelines, its refusals in Connect's statuses. */
    private static <T> T changed(java.util.function.Supplier<T> change) {
        try {
            return change.get();
        } catch (Pipelines.NotFound e) {
            throw new NotFoundException(e.getMessage());
        } catch (Pipelines.AlreadyExists | Pipelines.NotChangeable e) {
            throw new jakarta.ws.rs.ClientErrorException(e.getMessage(), Response.Status.CONFLICT);
        } catch (io.tributary.api.config.ConfigException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    @GET
    @Path("/{name}")
    public Map<String, Object> info(@PathParam("name") String name) {
        return info(pipeline(name));
    }

    private Map<String, Object> info(Pipeline pipeline) {
        String name = pipeline.config().name();
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("name", name);
        info.put("config", shownConfig(pipeline));
        // a stopped connector has no tasks, as in Connect
        info.put("tasks", pipeline.stoppedByRequest() ? List.of() : List.of(Map.of("connector", name, "task", 0)));
        info.put("type", "source");
        return info;
    }

    @GET
    @Path("/{name}/config")
    public Map<String, String> config(@PathParam("name") String name) {
        return shownConfig(pipeline(name));
    }

    @GET
    @Path("/{name}/status")
    public Map<String, Object> status(@PathParam("name") String name) {
        // Connect's words for a status it has not
        Pipeline pipeline = pipeline(name, "No status found for connector " + name);
        return status(pipeline, connectorState(pipeline), taskStatus(pipeline));
    }

    /** The task's configuration as Connect stores it: the connector's (secrets hidden) and the task's class. */
    @GET
    @Path("/{name}/tasks")
    public List<Map<String, Object>> tasks(@PathParam("name") String name) {
        Pipeline pipeline = pipeline(name);
        if (pipeline.stoppedByRequest()) {
            return List.of();
        }
        Map<String, String> config = new LinkedHashMap<>(shownConfig(pipeline));
        config.put("task.class", TASK_CLASS);
        Map<String, Object> task = new LinkedHashMap<>();
        task.put("id", Map.of("connector", name, "task", 0));
        task.put("config", config);
        return List.of(task);
    }

    @GET
    @Path("/{name}/tasks/{task}/status")
    public Map<String, Object> taskStatus(@PathParam("name") String name, @PathParam("task") int task) {
        Pipeline pipeline = pipeline(name, "No status found for task " + name + "-" + task);
        if (task != 0 || pipeline.stoppedByRequest()) {
            throw new NotFoundException("No status found for task " + name + "-" + task);
        }
        return taskStatus(pipeline);
    }

    /** Restarts the one task: the pipeline stops and starts again from the stored offset. */
    @POST
    @Path("/{name}/tasks/{task}/restart")
    public Response restartTask(@PathParam("name") String name, @PathParam("task") int task)
            throws InterruptedException {
        Pipeline pipeline = pipeline(name, "Unknown connector: " + name);
        if (task != 0 || pipeline.stoppedByRequest()) {
            throw new NotFoundException("Unknown task: " + name + "-" + task);
        }
        pipeline.restart();
        return Response.noContent().build();
    }

    @GET
    @Path("/{name}/progress")
    public Map<String, Object> progress(@PathParam("name") String name) {
        Pipeline pipeline = pipeline(name);
        Map<String, Object> tables = new LinkedHashMap<>();
        pipeline.snapshotProgress().forEach((table, progress) -> tables.put(table,
                Map.of("rows_read", progress.rowsRead(), "rows_estimated", progress.rowsEstimated(),
                        "done", progress.done())));
        return Map.of("tables", tables);
    }

    @GET
    @Path("/{name}/metrics")
    public Map<String, Object> metrics(@PathParam("name") String name) {
        Pipeline pipeline = pipeline(name);
        PipelineMetrics metrics = pipeline.metrics();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("events", metrics.events());
        values.put("events_per_second", metrics.eventsPerSecond());
        values.put("lag_ms", metrics.lagMs());
        values.put("state", pipeline.state().name());
        return values;
    }

    @PUT
    @Path("/{name}/pause")
    public Response pause(@PathParam("name") String name) {
        Pipeline pipeline = pipeline(name, "Unknown connector " + name);
        pipeline.pause();
        return Response.accepted().build();
    }

    @PUT
    @Path("/{name}/resume")
    public Response resume(@PathParam("name") String name) {
        Pipeline pipeline = pipeline(name, "Unknown connector " + name);
        pipeline.resume();
        return Response.accepted().build();
    }

    /**
     * Stops and starts again from the stored offset; also the way out of FAILED. With neither {@code includeTasks}
     * nor {@code onlyFailed}, Connect's restart of the connector alone: 204. Otherwise (KIP-745) the pipeline restarts
     * when the task is asked for ({@code includeTasks}) and, under {@code onlyFailed}, has failed; the answer is 202
     * with the status, RESTARTING for what restarts, as Connect gives it.
     */
    @POST
    @Path("/{name}/restart")
    public Response restart(@PathParam("name") String name,
            @QueryParam("includeTasks") @DefaultValue("false") boolean includeTasks,
            @QueryParam("onlyFailed") @DefaultValue("false") boolean onlyFailed) throws InterruptedException {
        Pipeline pipeline = pipeline(name, "Unknown connector: " + name);
        if (!includeTasks && !onlyFailed) {
            pipeline.restart();
            return Response.noContent().build();
        }
        if (pipeline.stoppedByRequest()) {
            // Connect restarts nothing of a stopped connector, which has no tasks
            return Response.accepted(status(pipeline, connectorState(pipeline), null)).build();
        }
        Map<String, Object> task = taskStatus(pipeline);
        // the connector itself never fails here (a failed pipeline is a failed task), so onlyFailed leaves it be
        String connector = onlyFailed ? connectorState(pipeline) : "RESTARTING";
        boolean restartsTask = includeTasks && (!onlyFailed || pipeline.state() == Pipeline.State.FAILED);
        if (restartsTask) {
            task.put("state", "RESTARTING");
            task.remove("trace");
        }
        Map<String, Object> status = status(pipeline, connector, task);
        if (restartsTask) {
            pipeline.restart();
        }
        return Response.accepted(status).build();
    }

    /**
     * Kafka Connect's stop (KIP-875): the pipeline finishes its batch, stores its offset, releases the source and the
     * sinks and stays STOPPED until resumed; only then may its offsets be changed.
     */
    @PUT
    @Path("/{name}/stop")
    public Response stop(@PathParam("name") String name) throws InterruptedException {
        Pipeline pipeline = pipeline(name, "Unknown connector " + name);
        pipeline.stopCapture();
        return Response.noContent().build();
    }

    /** The stored offset in Connect's shape: {@code {"offsets":[{"partition":{...},"offset":{...}}]}}, or none. */
    @GET
    @Path("/{name}/offsets")
    public Map<String, Object> offsets(@PathParam("name") String name) {
        Pipeline pipeline = pipeline(name);
        List<Map<String, Object>> offsets = new ArrayList<>();
        pipeline.storedOffset().ifPresent(stored -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("partition", stored.partition().isEmpty() ? partition(pipeline) : stored.partition());
            entry.put("offset", stored.offset());
            offsets.add(entry);
        });
        return Map.of("offsets", offsets);
    }

    /**
     * Replaces the stored offset (Connect's PATCH; an entry whose offset is null deletes it), while STOPPED. The
     * source has one partition, {@code {"server": <topic.prefix>}}; an offset needs at least Debezium's {@code file}
     * and {@code pos}.
     */
    @PATCH
    @Path("/{name}/offsets")
    public Map<String, String> alterOffsets(@PathParam("name") String name, InputStream body) throws IOException {
        Pipeline pipeline = pipeline(name);
        Object offsets = bodies.read(body, OBJECT, OFFSETS_BODY).get("offsets");
        if (!(offsets instanceof List<?> entries) || entries.isEmpty()) {
            throw new BadRequestException("Partitions / offsets need to be provided for an alter offsets request");
        }
        requireStopped(pipeline, name);
        String partition = JSON.writeValueAsString(partition(pipeline));
        if (entries.size() != 1 || !(entries.get(0) instanceof Map<?, ?> entry)
                || !partition(pipeline).equals(entry.get("partition"))) {
            throw new BadRequestException("the pipeline's source has one partition, " + partition + ": expected "
                    + "one entry {\"partition\": " + partition + ", \"offset\": {...}}, found " + entries.size()
                    + " entr" + (entries.size() == 1 ? "y of another partition" : "ies"));
        }
        Object offset = entry.get("offset");
        if (offset == null) {
            change(pipeline::resetOffset);
            return message("reset");
        }
        Map<String, ?> checked = checkedOffset(pipeline, offset);
        change(() -> pipeline.alterOffset(partition(pipeline), checked));
        return message("altered");
    }

    /** Deletes the stored offset (Connect's DELETE), while STOPPED: the next start is a first start. */
    @DELETE
    @Path("/{name}/offsets")
    public Map<String, String> resetOffsets(@PathParam("name") String name) {
        Pipeline pipeline = pipeline(name);
        requireStopped(pipeline, name);
        change(pipeline::resetOffset);
        return message("reset");
    }

    /** A change of the stored offset; one the pipeline refuses (a sink keeps its offsets) is a bad request. */
    private static void change(Runnable change) {
        try {
            change.run();
        } catch (UnsupportedOperationException | IllegalStateException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    private static void requireStopped(Pipeline pipeline, String name) {
        if (!pipeline.stoppedByRequest()) {
            // Connect's words, and its status (400)
            throw new BadRequestException("Connectors must be in the STOPPED state before their offsets can be "
                    + "modified. This can be done for the specified connector by issuing a 'PUT' request to the "
                    + "'/connectors/" + name + "/stop' endpoint");
        }
    }

    /** An offset the pipeline's source can resume from (for the binlog source: Debezium's file and pos at least). */
    private static Map<String, ?> checkedOffset(Pipeline pipeline, Object offset) {
        if (!(offset instanceof Map<?, ?> map) || !map.keySet().stream().allMatch(String.class::isInstance)) {
            throw new BadRequestException("an offset is a JSON object of the source's keys (GET .../offsets shows "
                    + "them); found " + offset);
        }
        @SuppressWarnings("unchecked")
        Map<String, ?> typed = (Map<String, ?>) map;
        SourceRegistry.installed().require(pipeline.config().source()).offsetProblem(typed).ifPresent(problem -> {
            throw new BadRequestException(problem);
        });
        return typed;
    }

    private static Map<String, String> message(String done) {
        return Map.of("message", "The Connect framework-managed offsets for this connector have been " + done
                + " successfully. However, if this connector manages offsets externally, they will need to be "
                + "manually " + done + " in the system that the connector uses.");
    }

    /** The one source partition, as Debezium's connector of the same kind names it. */
    private static Map<String, ?> partition(Pipeline pipeline) {
        return SourceRegistry.installed().identify(pipeline.config().source()).partition();
    }

    private Pipeline pipeline(String name) {
        return pipeline(name, "Connector " + name + " not found");
    }

    /** The pipeline of this name, or 404 with {@code notFound}: Connect words it differently per endpoint. */
    private Pipeline pipeline(String name, String notFound) {
        return pipelines.get(name).orElseThrow(() -> new NotFoundException(notFound));
    }

    /** The configuration as written, secrets hidden. */
    private Map<String, String> shownConfig(Pipeline pipeline) {
        return Secrets.masked(pipelines.written(pipeline.config().name()).orElse(pipeline.config().sourceAsWritten()));
    }

    /** The connector's state: as in Connect, a failed task leaves its connector RUNNING. */
    private static String connectorState(Pipeline pipeline) {
        String state = pipeline.state().name();
        return state.equals("FAILED") ? "RUNNING" : state;
    }

    /** The one task's status, with the failure's trace when it failed. */
    private Map<String, Object> taskStatus(Pipeline pipeline) {
        Map<String, Object> task = new LinkedHashMap<>();
        task.put("id", 0);
        task.put("state", pipeline.state().name());
        task.put("worker_id", workerId);
        // Connect 4's status names the plugin's version beside the worker
        task.put("version", Version.current());
        pipeline.trace().ifPresent(trace -> task.put("trace", trace));
        return task;
    }

    /** Connect's connector status: a stopped connector has no tasks, as in Connect. */
    private Map<String, Object> status(Pipeline pipeline, String connectorState, Map<String, Object> task) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("name", pipeline.config().name());
        status.put("connector", Map.of("state", connectorState, "worker_id", workerId, "version",
                Version.current()));
        status.put("tasks", pipeline.stoppedByRequest() || task == null ? List.of() : List.of(task));
        status.put("type", "source");
        return status;
    }

}
