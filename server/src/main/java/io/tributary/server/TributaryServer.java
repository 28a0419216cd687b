package io.tributary.server;

import java.nio.file.Path;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A pipeline file running: its pipeline and, unless turned off, its REST API. */
public final class TributaryServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TributaryServer.class);

    private final Pipeline pipeline;
    private final Pipelines pipelines;
    private final RestServer rest;

    private TributaryServer(Pipeline pipeline, Pipelines pipelines, RestServer rest) {
        this.pipeline = pipeline;
        this.pipelines = pipelines;
        this.rest = rest;
    }

    /**
     * Validates the file, locks the offset store, serves REST and starts the pipeline.
     *
     * @throws io.tributary.api.config.ConfigException listing every problem in the file
     * @throws IllegalStateException when the offset store or REST port is taken
     */
    public static TributaryServer start(Path pipelineFile) {
        return start(pipelineFile.getFileName().toString(), PipelineFile.read(pipelineFile));
    }

    public static TributaryServer start(String fileName, Map<String, String> properties) {
        SinkRegistry registry = new SinkRegistry();
        PipelineConfig config = PipelineValidation.validateFile(fileName, properties, registry);
        Pipeline pipeline = new Pipeline(config, registry);
        // with the REST API, the pipelines it created too
        Pipelines pipelines = config.rest().enabled()
                ? Pipelines.of(pipeline, registry, connectorDirectory(config))
                : Pipelines.single(pipeline, registry);
        RestServer rest = null;
        try {
            if (config.rest().enabled()) {
                rest = RestServer.start(config.rest(), pipelines);
                LOG.info("REST API of pipeline {} at {}", config.name(), rest.url());
            }
        } catch (RuntimeException e) {
            pipelines.close();
            throw e;
        }
        pipeline.start();
        return new TributaryServer(pipeline, pipelines, rest);
    }

    /** Where the pipelines created through the REST API are kept: {@code connectors/} in the offset store. */
    static Path connectorDirectory(PipelineConfig config) {
        return config.offsetDirectory().resolve("connectors");
    }

    public Pipelines pipelines() {
        return pipelines;
    }

    public Pipeline pipeline() {
        return pipeline;
    }

    /** The REST API's base URL, or null when it is off. */
    public String restUrl() {
        return rest == null ? null : rest.url();
    }

    /** Graceful stop: the batch in hand is delivered and its offset stored. */
    @Override
    public void close() {
        pipelines.close();
        if (rest != null) {
            rest.close();
        }
    }
}
