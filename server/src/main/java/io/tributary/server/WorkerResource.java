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
    private final Pipeline pipeline;
    private final PrometheusMetrics metrics;

    @Inject
    public WorkerResource(Pipeline pipeline, PrometheusMetrics metrics) {
        this.pipeline = pipeline;
        this.metrics = metrics;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, String> version() {
        return Map.of("version", Version.current(), "commit", "", "kafka_cluster_id", "");
    }

    /** 200 and UP, or 503 and DOWN when the pipeline failed, for a load balancer or Kubernetes probe. */
    @GET
    @Path("health")
    @Produces(MediaType.APPLICATION_JSON)
    public Response health() {
        boolean failed = pipeline.state() == Pipeline.State.FAILED;
        return Response.status(failed ? 503 : 200).entity(Map.of("status", failed ? "DOWN" : "UP",
                "pipeline", pipeline.state().name())).build();
    }

    @GET
    @Path("metrics")
    @Produces(PrometheusMetrics.MEDIA_TYPE)
    public String metrics() {
        return metrics.scrape();
    }
}
