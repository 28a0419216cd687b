package io.tributary.server;

import java.nio.file.Path;
import java.util.Map;

import io.tributary.source.mysql.MySqlSourceConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A pipeline file running: its pipeline and, unless turned off, its REST API. */
public final class TributaryServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TributaryServer.class);

    private final Pipeline pipeline;
    private final RestServer rest;
    private final DebeziumMBeans mbeans;

    private TributaryServer(Pipeline pipeline, RestServer rest, DebeziumMBeans mbeans) {
        this.pipeline = pipeline;
        this.rest = rest;
        this.mbeans = mbeans;
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
        RestServer rest = null;
        try {
            if (config.rest().enabled()) {
                rest = RestServer.start(config.rest(), pipeline, registry);
                LOG.info("REST API of pipeline {} at {}", config.name(), rest.url());
            }
        } catch (RuntimeException e) {
            pipeline.close();
            throw e;
        }
        DebeziumMBeans mbeans = DebeziumMBeans.register(pipeline, Sources.debeziumConnectorType(config.source()),
                MySqlSourceConfig.parse(config.source()).topicPrefix());
        pipeline.start();
        return new TributaryServer(pipeline, rest, mbeans);
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
        pipeline.close();
        mbeans.close();
        if (rest != null) {
            rest.close();
        }
    }
}
