package io.tributary.cli;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tributary status}: asks a running pipeline's REST API. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Shows the state, snapshot progress, rate and lag of the pipelines a running Tributary serves.")
final class StatusCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--url", defaultValue = "http://127.0.0.1:8083",
            description = "the REST API (default: ${DEFAULT-VALUE})")
    private String url;

    @Option(names = "--user", defaultValue = "${env:" + RestApiClient.USER_VARIABLE + "}",
            description = "the user, when the REST API needs HTTP basic authentication (default: the environment "
                    + "variable " + RestApiClient.USER_VARIABLE + "); the password is taken from "
                    + RestApiClient.PASSWORD_VARIABLE + " or asked for with --password")
    private String user;

    @Option(names = "--password", interactive = true, arity = "0",
            description = "ask for the user's password (without echo) instead of reading "
                    + RestApiClient.PASSWORD_VARIABLE)
    private char[] password;

    @Override
    public Integer call() throws InterruptedException {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        if (password == null && System.getenv(RestApiClient.PASSWORD_VARIABLE) != null) {
            password = System.getenv(RestApiClient.PASSWORD_VARIABLE).toCharArray();
        }
        if (user != null && password == null) {
            err.println("error: --user " + user + " needs a password: set " + RestApiClient.PASSWORD_VARIABLE
                    + " or add --password to be asked for it");
            return 1;
        }
        RestApiClient api = new RestApiClient(url, Optional.ofNullable(user)
                .map(name -> new RestApiClient.Credentials(name, new String(password))));
        try {
            for (JsonNode name : api.get("/connectors")) {
                String base = "/connectors/" + name.asText();
                JsonNode status = api.get(base + "/status");
                JsonNode metrics = api.get(base + "/metrics");
                out.printf("%s: %s, %,d events, %,.0f events/s, lag %s ms%n", name.asText(),
                        status.at("/tasks/0/state").asText(), metrics.get("events").asLong(),
                        metrics.get("events_per_second").asDouble(), metrics.get("lag_ms").asText());
                api.get(base + "/progress").get("tables").fields().forEachRemaining(table -> out.printf(
                        "  snapshot %s: %,d of ~%,d rows%n", table.getKey(), table.getValue().get("rows_read").asLong(),
                        table.getValue().get("rows_estimated").asLong()));
                if (status.at("/tasks/0/trace").isTextual()) {
                    out.println("  error: " + status.at("/tasks/0/trace").asText().lines().findFirst().orElse(""));
                }
            }
            return 0;
        } catch (RestApiClient.RefusedException e) {
            err.println("error: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("error: no Tributary REST API answers at " + url + " (" + e.getClass().getSimpleName()
                    + "): is it running, and on which rest.port? Use --url");
            return 1;
        }
    }
}
