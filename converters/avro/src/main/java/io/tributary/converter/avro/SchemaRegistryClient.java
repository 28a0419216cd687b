package io.tributary.converter.avro;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.api.SinkException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client of a schema registry's Confluent-compatible REST API (Confluent Schema Registry, Apicurio Registry's
 * {@code /apis/ccompat/v7}, Karapace): registers an Avro schema under a subject, or looks it up when schemas are not
 * registered automatically, and returns its id. A registry that is down or overloaded is retried, with growing
 * pauses, for up to {@code retryTimeout}, trying each of its URLs in turn; a refusal is an error that says why.
 */
final class SchemaRegistryClient {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaRegistryClient.class);
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<URI> urls;
    private final Optional<String> authorization;
    private final Duration retryTimeout;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /**
     * @param urls the registry's base URLs (the Confluent-compatible API's root)
     * @param userInfo {@code user:password} for HTTP basic authentication, if the registry needs it
     * @param retryTimeout how long to keep retrying a registry that does not answer
     */
    SchemaRegistryClient(List<URI> urls, Optional<String> userInfo, Duration retryTimeout) {
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("no schema registry URL");
        }
        this.urls = List.copyOf(urls);
        this.authorization = userInfo.map(info -> "Basic "
                + Base64.getEncoder().encodeToString(info.getBytes(StandardCharsets.UTF_8)));
        this.retryTimeout = retryTimeout;
    }

    /** Registers {@code schema} under {@code subject} (a no-op if it is there already) and returns its id. */
    int register(String subject, String schema) {
        Answer answer = send("POST", "/subjects/" + encode(subject) + "/versions", body(schema));
        if (answer.status() == 409) {
            // a registry may refuse the loser of two writers registering the same schema at once (Apicurio's
            // "version already exists"): registered now, it is found on the second call; a real conflict repeats
            answer = send("POST", "/subjects/" + encode(subject) + "/versions", body(schema));
        }
        if (answer.status() == 200) {
            return answer.json().path("id").asInt();
        }
        throw refused(answer, subject, "register a schema under");
    }

    /** The id {@code schema} has under {@code subject}, which must hold it already. */
    int lookUp(String subject, String schema) {
        Answer answer = send("POST", "/subjects/" + encode(subject), body(schema));
        if (answer.status() == 200) {
            return answer.json().path("id").asInt();
        }
        if (answer.status() == 404) {
            throw new SinkException("the schema registry at " + answer.url() + " has no such schema under subject "
                    + subject + " (" + answer.message() + ") and schemas are not registered automatically "
                    + "(auto.register.schemas=false): register it, or set the converter's auto.register.schemas=true; "
                    + "the schema is:\n" + schema);
        }
        throw refused(answer, subject, "look up a schema under");
    }

    private SinkException refused(Answer answer, String subject, String attempt) {
        String at = "the schema registry at " + answer.url();
        return switch (answer.status()) {
            case 409 -> new SinkException(at + " refused a new version of subject " + subject + ": it is not "
                    + "compatible with the versions registered under the subject's compatibility rule"
                    + compatibility(subject).map(rule -> " (" + rule + ")").orElse("") + ": " + answer.message()
                    + ". A column change made the table's schema one that rule does not allow; the events before it "
                    + "were delivered and nothing after it was. Change the subject's compatibility rule (PUT /config/"
                    + subject + ") or the table, then start the pipeline again: it resumes at this event");
            case 422 -> new SinkException(at + " refused the schema of subject " + subject + " as invalid ("
                    + answer.message() + ")");
            case 401, 403 -> new SinkException(at + " refused the credentials (HTTP " + answer.status() + ": "
                    + answer.message() + "): check the converter's basic.auth.user.info");
            default -> new SinkException("could not " + attempt + " subject " + subject + " at " + answer.url()
                    + ": HTTP " + answer.status() + " " + answer.message());
        };
    }

    /** The subject's compatibility rule, or the registry's global one, for an error message. */
    private Optional<String> compatibility(String subject) {
        try {
            Answer answer = send("GET", "/config/" + encode(subject) + "?defaultToGlobal=true", null);
            if (answer.status() == 200) {
                JsonNode level = answer.json().path("compatibilityLevel");
                if (level.isTextual()) {
                    return Optional.of(level.asText());
                }
            }
        } catch (SinkException e) {
            // the refusal matters more than why its rule could not be read
        }
        return Optional.empty();
    }

    private static String body(String schema) {
        try {
            return JSON.writeValueAsString(Map.of("schema", schema));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** An answer of the registry: status, body, and the URL that gave it. */
    private record Answer(URI url, int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new SinkException("the schema registry at " + url + " answered HTTP " + status
                        + " with a body that is not JSON: " + body, e);
            }
        }

        /** The registry's error message, or the body. */
        String message() {
            try {
                JsonNode message = JSON.readTree(body).path("message");
                return message.isTextual() ? message.asText() : body;
            } catch (IOException e) {
                return body;
            }
        }
    }

    /**
     * Sends a request to each URL in turn until one answers with anything but a server error; while none does,
     * pauses (250 ms, doubling to 5 s) and tries again, up to {@link #retryTimeout}.
     */
    private Answer send(String method, String path, String body) {
        long deadline = System.nanoTime() + retryTimeout.toNanos();
        long pause = 250;
        String problem;
        while (true) {
            problem = null;
            for (URI url : urls) {
                URI target = URI.create(url.toString().replaceAll("/+$", "") + path);
                HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30))
                        .header("Accept", CONTENT_TYPE + ", application/json");
                authorization.ifPresent(value -> request.header("Authorization", value));
                if (body == null) {
                    request.GET();
                } else {
                    request.header("Content-Type", CONTENT_TYPE)
                            .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
                }
                try {
                    HttpResponse<String> response = http.send(request.build(),
                            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                    int status = response.statusCode();
                    if (status < 500 && status != 408 && status != 429) {
                        return new Answer(url, status, response.body());
                    }
                    problem = url + " answered HTTP " + status + " " + response.body();
                } catch (IOException e) {
                    problem = url + " cannot be reached (" + e + ")";
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SinkException("interrupted while calling the schema registry at " + url, e);
                }
            }
            if (System.nanoTime() + pause * 1_000_000 > deadline) {
                throw new SinkException("the schema registry does not answer: " + problem + "; tried for "
                        + retryTimeout.toSeconds() + " s. Check the converter's schema.registry.url and that the "
                        + "registry is up; nothing after the last delivered event was written");
            }
            LOG.warn("The schema registry does not answer ({}); retrying in {} ms", problem, pause);
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SinkException("interrupted while waiting for the schema registry", e);
            }
            pause = Math.min(pause * 2, 5_000);
        }
    }
}
