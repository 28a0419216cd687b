package io.tributary.server;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The runtime itself: {@code /} (Connect's version answer), {@code /health} and {@code /metrics} (Prometheus). */
@Path("/")
public final class WorkerResource {
    private final Pipelines pipelines;
    private final PrometheusMetrics metrics;

    @Inject
    public WorkerResource(Pipelines pipelines, PrometheusMetrics metrics) {
        this.pipelines = pipelines;
        this.metrics = metrics;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, String> version() {
        return Map.of("version", Version.current(), "commit", "", "kafka_cluster_id", "");
    }

    /**
     * 200 and UP, or 503 and DOWN when a pipeline failed, for a load balancer or Kubernetes probe; with each
     * pipeline's state.
     */
    @GET
    @Path("health")
    @Produces(MediaType.APPLICATION_JSON)
    public Response health() {
        Map<String, String> states = new java.util.LinkedHashMap<>();
        pipelines.all().forEach(pipeline -> states.put(pipeline.config().name(), pipeline.state().name()));
        boolean failed = states.containsValue(Pipeline.State.FAILED.name());
        return Response.status(failed ? 503 : 200).entity(Map.of("status", failed ? "DOWN" : "UP",
                "pipelines", states)).build();
    }

    @GET
    @Path("metrics")
    @Produces(PrometheusMetrics.MEDIA_TYPE)
    public String metrics() {
        return metrics.scrape();
    }
}
