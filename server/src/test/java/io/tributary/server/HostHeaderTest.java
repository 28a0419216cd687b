package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DNS rebinding: a loopback listener without authentication answers only requests addressed to a loopback name. The
 * requests are written on a socket, as the JDK's HTTP client does not let a caller set {@code Host}.
 */
class HostHeaderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path directory;

    @Test
    void onLoopbackWithoutAuthenticationARequestForAnotherHostIsRefused() throws Exception {
        try (RestFixture api = running(Map.of())) {
            int port = api.rest().port();
            Answer refused = request(api, "GET", "/connectors", "rebound.example:" + port);
            Answer restart = request(api, "POST", "/connectors/shop/restart", "rebound.example:" + port);

            assertThat(refused.status()).isEqualTo(403);
            JsonNode error = JSON.readTree(refused.body());
            assertThat(error.get("error_code").asInt()).isEqualTo(403);
            assertThat(error.get("message").asText()).contains("Host rebound.example:" + port, "DNS rebinding",
                    "http://127.0.0.1:" + port, "rest.extension.classes=" + BasicAuthPreflight.EXTENSION);
            assertThat(restart.status()).isEqualTo(403);
            assertThat(api.sourceStarts()).as("the refused restart did nothing").isEqualTo(1);
        }
    }

    @Test
    void onLoopbackEveryLoopbackNameIsServed() throws Exception {
        try (RestFixture api = running(Map.of())) {
            int port = api.rest().port();
            for (String host : new String[] {"127.0.0.1:" + port, "localhost:" + port, "LocalHost", "[::1]:" + port,
                "127.0.0.1"}) {
                assertThat(request(api, "GET", "/connectors", host).status()).as(host).isEqualTo(200);
            }
        }
    }

    @Test
    void theConfiguredHostIsServedToo() throws Exception {
        try (RestFixture api = running(Map.of("rest.host", "127.0.0.2"))) {
            assertThat(request(api, "GET", "/connectors", "127.0.0.2:" + api.rest().port()).status())
                    .isEqualTo(200);
            assertThat(request(api, "GET", "/connectors", "rebound.example").status()).isEqualTo(403);
        }
    }

    /** Other machines reach such a listener by any name: no name is refused (the start logs a WARN instead). */
    @Test
    void aListenerOtherMachinesReachServesAnyHost() throws Exception {
        try (RestFixture api = running(Map.of("rest.host", "0.0.0.0"))) {
            assertThat(request(api, "GET", "/connectors", "tributary.internal:8083").status()).isEqualTo(200);
        }
    }

    private RestFixture running(Map<String, String> rest) {
        RestFixture api = new RestFixture(directory, rest);
        await().atMost(Duration.ofSeconds(30)).until(() -> api.pipeline().state() == Pipeline.State.RUNNING);
        return api;
    }

    private record Answer(int status, String body) {
    }

    private static Answer request(RestFixture api, String method, String path, String host) throws IOException {
        String address = api.rest().url().replaceFirst("^http://", "").replaceFirst(":\\d+$", "");
        try (Socket socket = new Socket(address.equals("0.0.0.0") ? "127.0.0.1" : address, api.rest().port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Answer(Integer.parseInt(answer.substring(9, 12)), answer.substring(answer.indexOf("\r\n\r\n")
                    + 4));
        }
    }
}
