package io.tributary.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.api.ChangeSource;
import io.tributary.api.SourceIdentity;
import io.tributary.api.config.ConfigException;
import io.tributary.api.config.ConfigProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipelines one runtime runs, by name, as a Kafka Connect worker runs connectors: the pipeline file's, and those
 * created, changed and removed through the REST API. Those are kept in the runtime's connector directory, one JSON
 * file of the configuration as written (config provider references unresolved) per pipeline, and started again from
 * there when the runtime starts; the file's pipeline is the file's to change. A pipeline whose config providers gave
 * their values a time to live is restarted with them read again once it passes, as a Connect worker restarts a
 * connector ({@code config.action.reload}).
 */
public final class Pipelines implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Pipelines.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> CONFIG = new TypeReference<>() {
    };

    private final SinkRegistry registry;
    private final Function<Map<String, String>, ChangeSource> sources;
    private final Optional<Path> directory;
    private final Optional<String> fromFile;
    private final Map<String, Running> running = new LinkedHashMap<>();
    private final ScheduledExecutorService reloads = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "tributary-config-reload");
        thread.setDaemon(true);
        return thread;
    });
    private boolean closed;

    /**
     * A pipeline and its MBeans.
     *
     * @param shown its configuration as shown: as the API was given it, or the file's source keys as written
     * @param reconfigured its configuration made again from what was written, config providers read again
     */
    private record Running(Pipeline pipeline, DebeziumMBeans mbeans, Map<String, String> shown,
            Supplier<PipelineConfig> reconfigured) {
        void close() {
            pipeline.close();
            mbeans.close();
        }
    }

    /** How a change through the API went: whether it created the pipeline, and the pipeline. */
    public record Change(boolean created, Pipeline pipeline) {
    }

    private Pipelines(SinkRegistry registry, Function<Map<String, String>, ChangeSource> sources,
            Optional<Path> directory, Optional<String> fromFile) {
        this.registry = registry;
        this.sources = sources;
        this.directory = directory;
        this.fromFile = fromFile;
    }

    /**
     * The runtime of a pipeline file: that pipeline (not started), and those the API created before, from {@code
     * directory} (started). A stored configuration that no longer validates is left out with an ERROR naming it.
     */
    public static Pipelines of(Pipeline filePipeline, Supplier<PipelineConfig> fileConfig, SinkRegistry registry,
            Path directory) {
        return of(filePipeline, fileConfig, registry, directory, SourceRegistry.installed()::create);
    }

    /**
     * As {@link #of(Pipeline, Supplier, SinkRegistry, Path)}, the pipelines' sources from {@code sources} (tests).
     *
     * @param fileConfig the file's configuration made again, its config providers read again
     */
    static Pipelines of(Pipeline filePipeline, Supplier<PipelineConfig> fileConfig, SinkRegistry registry,
            Path directory, Function<Map<String, String>, ChangeSource> sources) {
        Pipelines pipelines = new Pipelines(registry, sources, Optional.of(directory),
                Optional.of(filePipeline.config().name()));
        pipelines.add(filePipeline, filePipeline.config().sourceAsWritten(), fileConfig);
        pipelines.loadStored();
        return pipelines;
    }

    /**
     * A runtime with no pipeline of its own: those the API created before, from {@code directory} (started), and
     * those it creates.
     */
    public static Pipelines of(SinkRegistry registry, Path directory) {
        Pipelines pipelines = new Pipelines(registry, SourceRegistry.installed()::create, Optional.of(directory), Optional.empty());
        pipelines.loadStored();
        return pipelines;
    }

    /** One pipeline alone, none created through the API (without the REST API, tests). */
    public static Pipelines single(Pipeline pipeline, Supplier<PipelineConfig> config, SinkRegistry registry) {
        Pipelines pipelines = new Pipelines(registry, SourceRegistry.installed()::create, Optional.empty(),
                Optional.of(pipeline.config().name()));
        pipelines.add(pipeline, pipeline.config().sourceAsWritten(), config);
        return pipelines;
    }

    public SinkRegistry registry() {
        return registry;
    }

    public synchronized List<String> names() {
        return List.copyOf(running.keySet());
    }

    public synchronized List<Pipeline> all() {
        return running.values().stream().map(Running::pipeline).toList();
    }

    public synchronized Optional<Pipeline> get(String name) {
        return Optional.ofNullable(running.get(name)).map(Running::pipeline);
    }

    /**
     * Creates the pipeline {@code name} from a connector configuration as Connect takes one (the source's keys, the
     * sinks', the pipeline's runtime keys), stores it and starts it.
     *
     * @throws ConfigException listing every problem of the configuration
     * @throws IllegalStateException when a pipeline of that name exists already
     */
    public synchronized Pipeline create(String name, Map<String, String> written) {
        if (running.containsKey(name)) {
            throw new AlreadyExists(name);
        }
        return put(name, written).pipeline();
    }

    /** Creates the pipeline, or replaces its configuration and restarts it with the new one (Connect's PUT). */
    public synchronized Change put(String name, Map<String, String> written) {
        requireChangeable(name);
        PipelineConfig config = validated(name, written);
        boolean created = !running.containsKey(name);
        if (!created) {
            running.remove(name).close();
        }
        store(name, written);
        Pipeline pipeline = new Pipeline(config, registry, sources);
        add(pipeline, written, () -> validated(name, written));
        pipeline.start();
        LOG.info("pipeline {} {} through the REST API", name, created ? "created" : "reconfigured");
        return new Change(created, pipeline);
    }

    /** Stops the pipeline and forgets it; its offsets stay, so a pipeline created again of that name resumes. */
    public synchronized void delete(String name) {
        requireChangeable(name);
        Running removed = running.remove(name);
        if (removed == null) {
            throw new NotFound(name);
        }
        removed.close();
        directory.ifPresent(dir -> {
            try {
                Files.deleteIfExists(file(dir, name));
            } catch (IOException e) {
                throw new UncheckedIOException("pipeline " + name + " stopped, but its stored configuration "
                        + file(dir, name) + " could not be deleted: " + e.getMessage(), e);
            }
        });
        LOG.info("pipeline {} deleted through the REST API", name);
    }

    /**
     * The pipeline's configuration as written, config provider references unresolved and secrets still in it: the
     * whole configuration the API was given, or the source's keys of the pipeline file.
     */
    public synchronized Optional<Map<String, String>> written(String name) {
        return Optional.ofNullable(running.get(name)).map(Running::shown);
    }

    /** Stops every pipeline, each finishing its batch and storing its offset. */
    @Override
    public synchronized void close() {
        closed = true;
        reloads.shutdownNow();
        running.values().forEach(Running::close);
    }

    /**
     * Restarts the pipeline with its configuration made again, its config providers read again, when it is still the
     * one whose values expired; when reading them fails, it keeps running and is tried again after the same time.
     * A pipeline stopped through the API waits for its resume.
     */
    private synchronized void reload(String name, Pipeline expired, long afterMs) {
        Running current = running.get(name);
        if (closed || current == null || current.pipeline() != expired) {
            return;
        }
        if (expired.stoppedByRequest()) {
            reloads.schedule(() -> reload(name, expired, afterMs), afterMs, TimeUnit.MILLISECONDS);
            return;
        }
        PipelineConfig config;
        try {
            config = current.reconfigured().get();
        } catch (RuntimeException e) {
            LOG.error("pipeline {}: its config provider values expired, but reading them again failed ({}); it keeps "
                    + "the ones it has and tries again in {} ms", name, e.getMessage(), afterMs);
            reloads.schedule(() -> reload(name, expired, afterMs), afterMs, TimeUnit.MILLISECONDS);
            return;
        }
        LOG.info("pipeline {} restarts with its config provider values read again: they expired after {} ms", name,
                afterMs);
        boolean paused = expired.state() == Pipeline.State.PAUSED;
        running.remove(name).close();
        Pipeline pipeline = new Pipeline(config, registry, sources);
        add(pipeline, current.shown(), current.reconfigured());
        if (paused) {
            pipeline.pause();
        }
        pipeline.start();
    }

    /** A pipeline of this name exists already (Connect: 409). */
    static final class AlreadyExists extends IllegalStateException {
        AlreadyExists(String name) {
            super("Connector " + name + " already exists");
        }
    }

    /** No pipeline of this name (Connect: 404). */
    static final class NotFound extends IllegalStateException {
        NotFound(String name) {
            super("Connector " + name + " not found");
        }
    }

    /** A change the runtime refuses: the file's pipeline, or a runtime that keeps no configurations (409). */
    static final class NotChangeable extends IllegalStateException {
        NotChangeable(String message) {
            super(message);
        }
    }

    private void requireChangeable(String name) {
        if (closed) {
            throw new NotChangeable("the runtime is stopping");
        }
        if (fromFile.isPresent() && fromFile.get().equals(name)) {
            throw new NotChangeable("pipeline " + name + " is the pipeline file's: change the file and restart "
                    + "tributary to change it");
        }
        if (directory.isEmpty()) {
            throw new NotChangeable("this runtime runs its pipeline file's pipeline only");
        }
    }

    private PipelineConfig validated(String name, Map<String, String> written) {
        List<ConfigProblem> problems = new ArrayList<>();
        if (name.isBlank() || name.contains("/")) {
            problems.add(new ConfigProblem("name", "a pipeline's name is not empty and has no '/'; found '" + name
                    + "'"));
        }
        String named = written.getOrDefault(PipelineOptions.NAME.key(), name);
        if (!named.equals(name)) {
            problems.add(new ConfigProblem("name", "the configuration names '" + named + "', the request '" + name
                    + "': give one name"));
        }
        written.keySet().stream().filter(key -> key.startsWith("rest.")).forEach(key -> problems.add(
                new ConfigProblem(key, "the REST API's settings are the runtime's, from its pipeline file; leave "
                        + "them out of a pipeline created through the API")));
        Map<String, String> withName = new LinkedHashMap<>(written);
        withName.put(PipelineOptions.NAME.key(), name);
        withName.put(PipelineOptions.REST_PORT.key(), "-1");
        // offsets beside the runtime's by default, not in the working directory
        directory.map(Path::getParent).ifPresent(runtime -> withName.putIfAbsent(
                PipelineOptions.OFFSET_STORAGE_DIR.key(), runtime.toString()));
        PipelineConfig config = null;
        try {
            config = PipelineValidation.validateFile(name, withName, registry);
        } catch (ConfigException e) {
            problems.addAll(e.problems());
        }
        source(withName).ifPresent(source -> running.values().stream().map(Running::pipeline)
                .filter(other -> !other.config().name().equals(name)).forEach(other -> source(other.config().source())
                        .ifPresent(theirs -> problems.addAll(clashes(source, theirs, other.config().name())))));
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return config;
    }

    /** What the source is known by, when its configuration is valid. */
    private static Optional<SourceIdentity> source(Map<String, String> properties) {
        try {
            return Optional.of(SourceRegistry.installed().identify(PipelineConfig.sourceProperties(properties)));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * What a new pipeline's source shares with another's and must not: its topic prefix (their topics and offsets
     * would mix), or what it holds on the server (for a binlog source, its replica server id: the server would drop
     * one binlog connection for the other, over and over).
     */
    private static List<ConfigProblem> clashes(SourceIdentity source, SourceIdentity other, String otherName) {
        List<ConfigProblem> problems = new ArrayList<>();
        if (source.topicPrefix().equals(other.topicPrefix())) {
            problems.add(new ConfigProblem("topic.prefix", "'" + source.topicPrefix() + "' is pipeline " + otherName
                    + "'s too: each pipeline of a runtime needs its own, as each Debezium connector does"));
        }
        for (SourceIdentity.Exclusive held : source.exclusive()) {
            if (other.exclusive().stream().anyMatch(held::clashesWith)) {
                problems.add(new ConfigProblem(held.key(), held.value() + " is pipeline " + otherName + "'s "
                        + held.what() + " too: " + held.why() + "; give each pipeline its own"));
            }
        }
        return problems;
    }

    private void add(Pipeline pipeline, Map<String, String> shown, Supplier<PipelineConfig> reconfigured) {
        SourceIdentity source = SourceRegistry.installed().identify(pipeline.config().source());
        DebeziumMBeans mbeans = DebeziumMBeans.register(pipeline, source.metricsType(), source.topicPrefix());
        String name = pipeline.config().name();
        running.put(name, new Running(pipeline, mbeans, java.util.Collections.unmodifiableMap(
                new LinkedHashMap<>(shown)), reconfigured));
        pipeline.config().reloadAfterMs().ifPresent(afterMs -> reloads.schedule(() -> reload(name, pipeline,
                afterMs), afterMs, TimeUnit.MILLISECONDS));
    }

    private void store(String name, Map<String, String> written) {
        Path dir = directory.orElseThrow();
        try {
            Files.createDirectories(dir);
            Path file = file(dir, name);
            Path temporary = dir.resolve(file.getFileName() + ".tmp");
            Files.write(temporary, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(new TreeMap<>(written)));
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store pipeline " + name + "'s configuration in " + dir + ": "
                    + e.getMessage(), e);
        }
    }

    private void loadStored() {
        Path dir = directory.orElseThrow();
        if (!Files.isDirectory(dir)) {
            return;
        }
        List<Path> files;
        try (Stream<Path> listed = Files.list(dir)) {
            files = listed.filter(file -> file.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the pipelines stored in " + dir + ": " + e.getMessage(), e);
        }
        for (Path file : files) {
            String fileName = file.getFileName().toString();
            String name = URLDecoder.decode(fileName.substring(0, fileName.length() - ".json".length()),
                    StandardCharsets.UTF_8);
            try {
                Map<String, String> written = JSON.readValue(file.toFile(), CONFIG);
                if (running.containsKey(name)) {
                    LOG.error("pipeline {} stored in {} is not started: the pipeline file has one of that name", name,
                            file);
                    continue;
                }
                Pipeline pipeline = new Pipeline(validated(name, written), registry, sources);
                add(pipeline, written, () -> validated(name, written));
                pipeline.start();
                LOG.info("pipeline {} started from {}", name, file);
            } catch (IOException | RuntimeException e) {
                LOG.error("pipeline {} stored in {} is not started: {}", name, file, e.getMessage());
            }
        }
    }

    private static Path file(Path directory, String name) {
        return directory.resolve(URLEncoder.encode(name, StandardCharsets.UTF_8) + ".json");
    }
}
