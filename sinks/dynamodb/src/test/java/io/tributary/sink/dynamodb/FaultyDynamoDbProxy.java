package io.tributary.sink.dynamodb;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A proxy in front of DynamoDB Local that behaves as a table short of capacity does, which DynamoDB Local never
 * does: the first {@code throttled} BatchWriteItem calls are refused with {@code ProvisionedThroughputExceededException}
 * (HTTP 400, DynamoDB's error body), and the next {@code partial} calls forward only the first half of their writes
 * and return the rest as {@code UnprocessedItems}. Everything else passes through unchanged. A hand-written fault
 * injector: the only way to make throttling happen here.
 */
final class FaultyDynamoDbProxy implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> HOP_BY_HOP = Set.of("host", "content-length", "connection", "expect",
            "transfer-encoding", "upgrade");

    private final HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();
    private final URI target;
    private final AtomicInteger throttledLeft;
    private final AtomicInteger partialLeft;
    private final AtomicInteger throttledCalls = new AtomicInteger();
    private final AtomicInteger partialCalls = new AtomicInteger();

    FaultyDynamoDbProxy(URI target, int throttled, int partial) throws IOException {
        this.target = target;
        this.throttledLeft = new AtomicInteger(throttled);
        this.partialLeft = new AtomicInteger(partial);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    int throttledCalls() {
        return throttledCalls.get();
    }

    int partialCalls() {
        return partialCalls.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            String operation = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            boolean batchWrite = operation != null && operation.endsWith(".BatchWriteItem");
            if (batchWrite && throttledLeft.getAndDecrement() > 0) {
                throttledCalls.incrementAndGet();
                respond(exchange, 400, ("{\"__type\":\"com.amazonaws.dynamodb.v20120810#"
                        + "ProvisionedThroughputExceededException\",\"message\":\"The level of configured provisioned "
                        + "throughput for the table was exceeded.\"}").getBytes(StandardCharsets.UTF_8));
                return;
            }
            ObjectNode unprocessed = JSON.createObjectNode();
            if (batchWrite && partialLeft.getAndDecrement() > 0) {
                partialCalls.incrementAndGet();
                ObjectNode request = (ObjectNode) JSON.readTree(body);
                ObjectNode items = (ObjectNode) request.get("RequestItems");
                items.fields().forEachRemaining(table -> {
                    ArrayNode writes = (ArrayNode) table.getValue();
                    ArrayNode kept = JSON.createArrayNode();
                    ArrayNode left = JSON.createArrayNode();
                    for (int i = 0; i < writes.size(); i++) {
                        (i < (writes.size() + 1) / 2 ? kept : left).add(writes.get(i));
                    }
                    table.setValue(kept);
                    if (!left.isEmpty()) {
                        unprocessed.set(table.getKey(), left);
                    }
                });
                body = JSON.writeValueAsBytes(request);
            }
            HttpResponse<byte[]> response = forward(exchange, body);
            byte[] answer = response.body();
            if (!unprocessed.isEmpty() && response.statusCode() == 200) {
                ObjectNode parsed = (ObjectNode) JSON.readTree(answer);
                parsed.set("UnprocessedItems", unprocessed);
                answer = JSON.writeValueAsBytes(parsed);
            }
            respond(exchange, response.statusCode(), answer);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private HttpResponse<byte[]> forward(HttpExchange exchange, byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI()))
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                values.forEach(value -> request.header(name, value));
            }
        });
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().put("Content-Type", List.of("application/x-amz-json-1.0"));
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
