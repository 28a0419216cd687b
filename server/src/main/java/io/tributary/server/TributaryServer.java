package io.tributary.server;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A pipeline file running: its pipeline and, unless turned off, its REST API. */
public final class TributaryServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TributaryServer.class);

    /** The pipeline file's pipeline's name; null for a runtime file's runtime. */
    private final String fileName;
    private final Pipelines pipelines;
    private final RestServer rest;

    private TributaryServer(String fileName, Pipelines pipelines, RestServer rest) {
        this.fileName = fileName;
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
        Supplier<PipelineConfig> again = () -> PipelineValidation.validateFile(fileName, properties, registry);
        // with the REST API, the pipelines it created too
        Pipelines pipelines = config.rest().enabled()
                ? Pipelines.of(pipeline, again, registry, connectorDirectory(config))
                : Pipelines.single(pipeline, again, registry);
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
        return new TributaryServer(config.name(), pipelines, rest);
    }

    /**
     * A runtime file running: no pipeline of its own, those created through its REST API (kept in {@code
     * connectors/} of its directory, and started again from there).
     *
     * @throws io.tributary.api.config.ConfigException listing every problem in the file
     * @throws IllegalStateException when the REST port is taken
     */
    public static TributaryServer serve(String fileName, Map<String, String> properties) {
        RuntimeConfig config = RuntimeConfig.of(fileName, ConfigProviders.resolve(properties));
        Pipelines pipelines = Pipelines.of(new SinkRegistry(), config.directory().resolve("connectors"));
        try {
            RestServer rest = RestServer.start(config.rest(), pipelines);
            LOG.info("REST API of the runtime at {}, running {} pipeline(s) from {}", rest.url(),
                    pipelines.names().size(), config.directory().resolve("connectors"));
            return new TributaryServer(null, pipelines, rest);
        } catch (RuntimeException e) {
            pipelines.close();
            throw e;
        }
    }

    /** Where the pipelines created through the REST API are kept: {@code connectors/} in the offset store. */
    static Path connectorDirectory(PipelineConfig config) {
        return config.offsetDirectory().resolve("connectors");
    }

    public Pipelines pipelines() {
        return pipelines;
    }

    /**
     * The pipeline file's pipeline as it runs now (another object after it restarted to read its config providers'
     * values again); null for a runtime file's runtime.
     */
    public Pipeline pipeline() {
        return fileName == null ? null : pipelines.get(fileName).orElse(null);
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
