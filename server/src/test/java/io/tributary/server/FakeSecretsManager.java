package io.tributary.server;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A fake of the AWS Secrets Manager service, since no emulator can run here: a loopback HTTP endpoint that answers
 * {@code GetSecretValue} in the service's JSON 1.1 protocol as AWS documents it (a {@code SecretString}, or a
 * {@code ResourceNotFoundException}), and remembers each request's target and {@code Authorization} header so that a
 * test sees the real SDK's signed calls. Only the service is fake; the client, its signing and HTTP are the SDK's.
 */
final class FakeSecretsManager implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One call: its {@code X-Amz-Target} and {@code Authorization} headers and the secret it asked for. */
    record Call(String target, String authorization, String secretId) {
    }

    private final Map<String, String> secrets;
    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    private FakeSecretsManager(Map<String, String> secrets) throws IOException {
        this.secrets = Map.copyOf(secrets);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    /** @param secrets each secret's name and its SecretString */
    static FakeSecretsManager create(Map<String, String> secrets) throws IOException {
        return new FakeSecretsManager(secrets);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            JsonNode request = JSON.readTree(exchange.getRequestBody());
            String secretId = request.path("SecretId").asText();
            calls.add(new Call(target, exchange.getRequestHeaders().getFirst("Authorization"), secretId));
            if (!"secretsmanager.GetSecretValue".equals(target)) {
                respond(exchange, 400, Map.of("__type", "UnknownOperationException", "message", "not served: "
                        + target));
            } else if (!secrets.containsKey(secretId)) {
                respond(exchange, 400, Map.of("__type", "ResourceNotFoundException",
                        "message", "Secrets Manager can't find the specified secret."));
            } else {
                respond(exchange, 200, Map.of("ARN", "arn:aws:secretsmanager:ap-southeast-1:123456789012:secret:"
                        + secretId + "-AbCdEf", "Name", secretId, "SecretString", secrets.get(secretId),
                        "VersionId", "EXAMPLE1-90ab-cdef-fedc-ba987SECRET1", "VersionStages", List.of("AWSCURRENT"),
                        "CreatedDate", 1.523477145713E9));
            }
        }
    }

    private static void respond(HttpExchange exchange, int status, Map<String, Object> body) throws IOException {
        byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
