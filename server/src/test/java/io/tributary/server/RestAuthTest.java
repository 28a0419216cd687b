package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.testkit.LogCapture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTP basic authentication by Kafka Connect's own {@code BasicAuthSecurityRestExtension}, configured as on a Connect
 * worker: {@code rest.extension.classes} and the JVM's {@code java.security.auth.login.config} naming a JAAS file
 * whose {@code KafkaConnect} entry uses {@code PropertyFileLoginModule} with a users file. The extension reads the JAAS
 * configuration once per JVM, so this is the only test class that turns it on.
 */
class RestAuthTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String USER = "operator";
    private static final String USER_PASSWORD = "op-pa55word";

    @TempDir
    static Path security;
    private static String previousLoginConfig;

    @TempDir
    Path directory;
    private LogCapture log;
    private LogCapture ownLog;
    private RestFixture api;

    @BeforeAll
    static void writeJaasFileAndUsers() throws Exception {
        Path users = Files.writeString(security.resolve("users.properties"), USER + ": " + USER_PASSWORD + "\n");
        Path jaas = Files.writeString(security.resolve("rest-jaas.conf"), BasicAuthPreflight.ENTRY + " {\n  "
                + BasicAuthPreflight.LOGIN_MODULE + " required\n  file=\"" + users + "\";\n};\n");
        previousLoginConfig = System.setProperty(BasicAuthPreflight.LOGIN_CONFIG_PROPERTY, jaas.toString());
    }

    @AfterAll
    static void restoreLoginConfig() {
        if (previousLoginConfig == null) {
            System.clearProperty(BasicAuthPreflight.LOGIN_CONFIG_PROPERTY);
        } else {
            System.setProperty(BasicAuthPreflight.LOGIN_CONFIG_PROPERTY, previousLoginConfig);
        }
    }

    @BeforeEach
    void start() {
        // everything at INFO, and Tributary's and Connect's own code at every level (Jetty's DEBUG log shows raw
        // requests, Authorization header included: the README says so)
        log = new LogCapture(Level.INFO, "ROOT");
        ownLog = new LogCapture(Level.TRACE, "io.tributary", "org.apache.kafka.connect");
        // bound to every address: with authentication on, no warning is due
        api = new RestFixture(directory, Map.of("rest.host", "0.0.0.0",
                "rest.extension.classes", BasicAuthPreflight.EXTENSION));
        await().atMost(Duration.ofSeconds(30)).until(() -> api.pipeline().state() == Pipeline.State.RUNNING);
    }

    @AfterEach
    void stop() {
        api.close();
        List<String> lines = new java.util.ArrayList<>(log.lines());
        lines.addAll(ownLog.lines());
        ownLog.close();
        log.close();
        assertThat(lines).as("what was logged").noneMatch(line -> line.contains(USER_PASSWORD)
                || line.contains(RestFixture.PASSWORD) || line.contains(basic(USER, USER_PASSWORD)));
        assertThat(lines).as("no warning about an unauthenticated API").noneMatch(line ->
                line.contains("without authentication"));
    }

    @Test
    void everyRequestWithoutValidCredentialsIsAnswered401WithAChallenge() throws Exception {
        for (HttpResponse<String> refused : List.of(api.get("/connectors"), api.get("/health"), api.get("/metrics"),
                api.get("/no/such/endpoint"), api.call("POST", "/connectors/shop/restart"),
                api.call("PUT", "/connectors/shop/pause", "Authorization", basic(USER, "wrong")),
                api.call("PUT", "/connectors/shop/pause", "Authorization", basic("nobody", USER_PASSWORD)),
                api.get("/connectors", "Authorization", "Basic not-base64!"),
                api.get("/connectors", "Authorization", "Bearer " + USER_PASSWORD))) {
            assertThat(refused.statusCode()).as(refused.request().method() + " " + refused.uri()).isEqualTo(401);
            assertThat(refused.headers().firstValue("WWW-Authenticate")).contains(AuthChallengeFilter.CHALLENGE);
            assertThat(JSON.readTree(refused.body()).get("error_code").asInt()).isEqualTo(401);
            assertThat(refused.body()).doesNotContain(USER_PASSWORD);
        }
        assertThat(api.sourceStarts()).as("the refused restart did nothing").isEqualTo(1);
        assertThat(api.pipeline().state()).as("the refused pause did nothing").isEqualTo(Pipeline.State.RUNNING);
    }

    @Test
    void aKnownUserIsServed() throws Exception {
        String credentials = basic(USER, USER_PASSWORD);
        HttpResponse<String> connectors = api.get("/connectors", "Authorization", credentials);
        assertThat(connectors.statusCode()).isEqualTo(200);
        assertThat(connectors.body()).isEqualTo("[\"shop\"]");
        assertThat(api.get("/metrics", "Authorization", credentials).body()).contains("tributary_up{");
        assertThat(api.call("PUT", "/connectors/shop/pause", "Authorization", credentials).statusCode())
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> api.pipeline().state() == Pipeline.State.PAUSED);
        assertThat(api.call("POST", "/connectors/shop/restart", "Authorization", credentials).statusCode())
                .isEqualTo(204);
        await().atMost(Duration.ofSeconds(30)).until(() -> api.sourceStarts() == 2);
        assertThat(api.get("/no/such/endpoint", "Authorization", credentials).statusCode()).isEqualTo(404);
    }

    /** A browser sends cached basic credentials along with a cross-site request: the origin rule still holds. */
    @Test
    void credentialsDoNotMakeACrossOriginStateChangeAcceptable() throws Exception {
        HttpResponse<String> restart = api.callWithBody("POST", "/connectors/shop/restart", "text/plain", "x",
                "Authorization", basic(USER, USER_PASSWORD), "Origin", "https://evil.example");
        assertThat(restart.statusCode()).isEqualTo(403);
        assertThat(api.sourceStarts()).isEqualTo(1);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }
}
