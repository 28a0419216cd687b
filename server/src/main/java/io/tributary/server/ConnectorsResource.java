package io.tributary.server;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code /connectors}: the pipeline as Kafka Connect shows a connector (config with secrets hidden, status, pause,
 * resume, restart), plus Tributary's own snapshot progress and metrics.
 */
@Path("/connectors")
@Produces(MediaType.APPLICATION_JSON)
public final class ConnectorsResource {
    private final Pipeline pipeline;
    private final String workerId;

    @Inject
    public ConnectorsResource(Pipeline pipeline, RestServer.WorkerId workerId) {
        this.pipeline = pipeline;
        this.workerId = workerId.id();
    }

    @GET
    public List<String> names() {
        return List.of(name());
    }

    @GET
    @Path("/{name}")
    public Map<String, Object> info(@PathParam("name") String name) {
        check(name);
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("name", name());
        info.put("config", Secrets.masked(pipeline.config().sourceAsWritten()));
        info.put("tasks", List.of(Map.of("connector", name(), "task", 0)));
        info.put("type", "source");
        return info;
    }

    @GET
    @Path("/{name}/config")
    public Map<String, String> config(@PathParam("name") String name) {
        check(name);
        return Secrets.masked(pipeline.config().sourceAsWritten());
    }

    @GET
    @Path("/{name}/status")
    public Map<String, Object> status(@PathParam("name") String name) {
        check(name);
        String state = pipeline.state().name();
        Map<String, Object> task = new LinkedHashMap<>();
        task.put("id", 0);
        task.put("state", state);
        task.put("worker_id", workerId);
        pipeline.trace().ifPresent(trace -> task.put("trace", trace));
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("name", name());
        // as in Connect, a failed task leaves its connector RUNNING
        status.put("connector", Map.of("state", state.equals("FAILED") ? "RUNNING" : state, "worker_id", workerId));
        status.put("tasks", List.of(task));
        status.put("type", "source");
        return status;
    }

    @GET
    @Path("/{name}/progress")
    public Map<String, Object> progress(@PathParam("name") String name) {
        check(name);
        Map<String, Object> tables = new LinkedHashMap<>();
        pipeline.snapshotProgress().forEach((table, progress) -> tables.put(table,
                Map.of("rows_read", progress.rowsRead(), "rows_estimated", progress.rowsEstimated(),
                        "done", progress.done())));
        return Map.of("tables", tables);
    }

    @GET
    @Path("/{name}/metrics")
    public Map<String, Object> metrics(@PathParam("name") String name) {
        check(name);
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
        check(name);
        pipeline.pause();
        return Response.accepted().build();
    }

    @PUT
    @Path("/{name}/resume")
    public Response resume(@PathParam("name") String name) {
        check(name);
        pipeline.resume();
        return Response.accepted().build();
    }

    /** Stops and starts again from the stored offset; also the way out of FAILED. */
    @POST
    @Path("/{name}/restart")
    public Response restart(@PathParam("name") String name) throws InterruptedException {
        check(name);
        pipeline.restart();
        return Response.noContent().build();
    }

    private String name() {
        return pipeline.config().name();
    }

    private void check(String name) {
        if (!name.equals(name())) {
            throw new NotFoundException("Connector " + name + " not found");
        }
    }
}
