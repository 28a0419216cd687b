package io.tributary.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import io.tributary.api.ChangeSource;

/**
 * A real pipeline (engine, offset store, file sink; an {@link IdleSource} for its source) with its REST API on a free
 * loopback port, and an HTTP client for it. Counts the source's starts, so a test sees whether a restart happened.
 */
final class RestFixture implements AutoCloseable {
    static final String NAME = "shop";
    static final String PASSWORD = "s3cret-db-password";
    /** The database user, which the pipeline file takes from a file config provider. */
    static final String USER_FROM_FILE = "cdc-user-from-a-file";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicInteger sourceStarts = new AtomicInteger();
    private final AtomicBoolean failing = new AtomicBoolean();
    private final AtomicReference<Optional<Map<String, ?>>> startedFrom = new AtomicReference<>();
    private final Pipeline pipeline;
    private final Pipelines pipelines;
    private final RestServer rest;

    /**
     * @param rest {@code rest.*} keys for the pipeline file ({@code rest.port} defaults to 0, any free port)
     */
    RestFixture(Path directory, Map<String, String> rest) {
        Map<String, String> file = new LinkedHashMap<>(Map.of("name", NAME, "database.password", PASSWORD,
                "sinks", "files", "sink.files.type", "file", "sink.files.directory",
                directory.resolve("events").toString(), "offset.storage.dir", directory.resolve("offsets").toString(),
                "rest.port", "0"));
        // what a MySQL source's configuration needs (the idle source stands in for it): offsets are in its partition
        file.put("topic.prefix", NAME);
        file.put("database.hostname", "127.0.0.1");
        file.putAll(userFromFileProvider(directory));
        file.putAll(rest);
        SinkRegistry registry = new SinkRegistry();
        PipelineConfig config = config(file, registry);
        Function<Map<String, String>, ChangeSource> sources = sourceConfig -> {
            if (sourceConfig.get("topic.prefix").equals(NAME)) {
                sourceStarts.incrementAndGet();
                return new IdleSource(startedFrom::set, failing::get);
            }
            return new IdleSource(offset -> { });
        };
        pipeline = new Pipeline(config, registry, sources);
        pipelines = Pipelines.of(pipeline, () -> config(file, registry), registry,
                directory.resolve("offsets").resolve("connectors"), sources);
        try {
            this.rest = RestServer.start(config.rest(), pipelines);
        } catch (RuntimeException e) {
            pipelines.close();
            throw e;
        }
        pipeline.start();
    }

    /** The pipeline file's configuration as the runtime reads it, its source not checked (an idle one runs). */
    private static PipelineConfig config(Map<String, String> file, SinkRegistry registry) {
        ConfigProviders.Resolved resolved = ConfigProviders.resolveWithTtl(file);
        return PipelineConfig.of(NAME + ".properties", resolved.values(), registry.types())
                .shownAs(file, resolved.values()).withProvidedTtl(resolved.ttlMs());
    }

    /** The file provider's keys, and database.user as a reference to a file it writes in {@code directory}. */
    private static Map<String, String> userFromFileProvider(Path directory) {
        Path credentials = directory.resolve("credentials.properties");
        try {
            java.nio.file.Files.createDirectories(directory);
            java.nio.file.Files.writeString(credentials, "user=" + USER_FROM_FILE + "\n");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return Map.of("config.providers", "file",
                "config.providers.file.class", "org.apache.kafka.common.config.provider.FileConfigProvider",
                "database.user", "${file:" + credentials + ":user}");
    }

    RestServer rest() {
        return rest;
    }

    Pipeline pipeline() {
        return pipeline;
    }

    /** Makes the source fail at its next poll, and at every one after until {@code failing(false)}. */
    void failing(boolean fails) {
        failing.set(fails);
    }

    Pipelines pipelines() {
        return pipelines;
    }

    int sourceStarts() {
        return sourceStarts.get();
    }

    /** The offset the source was last started from; null before its first start. */
    Optional<Map<String, ?>> startedFrom() {
        return startedFrom.get();
    }

    String url(String path) {
        return rest.url() + path;
    }

    HttpResponse<String> get(String path, String... headers) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url(path))).GET(), headers);
    }

    /** A request without a body. */
    HttpResponse<String> call(String method, String path, String... headers) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url(path))).method(method, HttpRequest.BodyPublishers.noBody()),
                headers);
    }

    HttpResponse<String> callWithBody(String method, String path, String contentType, String body,
            String... headers) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)), headers);
    }

    HttpResponse<String> send(HttpRequest.Builder request, String... headers) throws Exception {
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        rest.close();
        pipelines.close();
    }
}
