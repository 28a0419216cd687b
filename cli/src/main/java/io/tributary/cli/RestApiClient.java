package io.tributary.cli;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A running Tributary's REST API as the command line calls it: JSON GETs, with HTTP basic credentials when given.
 * Neither the password nor the header made of it is ever part of a message.
 */
final class RestApiClient {
    static final String USER_VARIABLE = "TRIBUTARY_REST_USER";
    static final String PASSWORD_VARIABLE = "TRIBUTARY_REST_PASSWORD";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String url;
    private final Optional<Credentials> credentials;

    RestApiClient(String url, Optional<Credentials> credentials) {
        this.url = requireNonNull(url, "url is null");
        this.credentials = requireNonNull(credentials, "credentials is null");
    }

    /** A user and password for HTTP basic authentication; {@link #toString()} hides the password. */
    record Credentials(String user, String password) {
        Credentials {
            requireNonNull(user, "user is null");
            requireNonNull(password, "password is null");
        }

        String header() {
            return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                    .getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String toString() {
            return "Credentials[user=" + user + ", password hidden]";
        }
    }

    /** An answer other than 200, with what to do about it. */
    static final class RefusedException extends RuntimeException {
        RefusedException(String message) {
            super(message);
        }
    }

    /**
     * @throws IOException when nothing answers at the URL
     * @throws RefusedException when the API answers something other than 200
     */
    JsonNode get(String path) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(10));
        credentials.ifPresent(given -> request.header("Authorization", given.header()));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 401) {
            throw new RefusedException(credentials.map(given -> "the REST API at " + url + " refused the "
                    + "credentials of user '" + given.user() + "' (HTTP 401): check the user and password against "
                    + "the users file its JAAS configuration names")
                    .orElse("the REST API at " + url + " needs credentials (HTTP 401): pass --user <name> (or set "
                            + USER_VARIABLE + ") and the password in " + PASSWORD_VARIABLE + " (or --password to be "
                            + "asked for it)"));
        }
        if (response.statusCode() != 200) {
            throw new RefusedException("the REST API at " + url + " answered HTTP " + response.statusCode() + " to GET "
                    + path + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
