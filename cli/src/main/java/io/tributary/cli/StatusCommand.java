package io.tributary.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tributary status}: asks a running pipeline's REST API. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Shows the state, snapshot progress, rate and lag of the pipelines a running Tributary serves.")
final class StatusCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    private CommandSpec spec;

    @Option(names = "--url", defaultValue = "http://127.0.0.1:8083",
            description = "the REST API (default: ${DEFAULT-VALUE})")
    private String url;

    @Override
    public Integer call() throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        var out = spec.commandLine().getOut();
        try {
            for (JsonNode name : get(http, "/connectors")) {
                String base = "/connectors/" + name.asText();
                JsonNode status = get(http, base + "/status");
                JsonNode metrics = get(http, base + "/metrics");
                out.printf("%s: %s, %,d events, %,.0f events/s, lag %s ms%n", name.asText(),
                        status.at("/tasks/0/state").asText(), metrics.get("events").asLong(),
                        metrics.get("events_per_second").asDouble(), metrics.get("lag_ms").asText());
                get(http, base + "/progress").get("tables").fields().forEachRemaining(table -> out.printf(
                        "  snapshot %s: %,d of ~%,d rows%n", table.getKey(), table.getValue().get("rows_read").asLong(),
                        table.getValue().get("rows_estimated").asLong()));
                if (status.at("/tasks/0/trace").isTextual()) {
                    out.println("  error: " + status.at("/tasks/0/trace").asText().lines().findFirst().orElse(""));
                }
            }
            return 0;
        } catch (IOException e) {
            spec.commandLine().getErr().println("error: no Tributary REST API answers at " + url + " ("
                    + e.getClass().getSimpleName() + "): is it running, and on which rest.port? Use --url");
            return 1;
        }
    }

    private JsonNode get(HttpClient http, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode() + " from " + path + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
