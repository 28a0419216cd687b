package io.tributary.testkit;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A proxy in front of DynamoDB Local (on a free port of 127.0.0.1) that behaves as DynamoDB short of capacity or out
 * of reach does, which DynamoDB Local never does. On demand: the next BatchWriteItem calls are refused as throttled
 * (HTTP 400 with DynamoDB's error body, alternately {@code ProvisionedThroughputExceededException} and
 * {@code ThrottlingException}); the next calls forward only the first half of their writes and return the rest as
 * {@code UnprocessedItems}; the next calls of any operation fail with HTTP 500; or the proxy is cut — its port
 * closed, connections refused — until restored on the same port. Everything else passes through unchanged. A
 * hand-written fault injector: the only way to make these happen here.
 */
public final class FaultyDynamoDbProxy implements Closeable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> HOP_BY_HOP = Set.of("host", "content-length", "connection", "expect",
            "transfer-encoding", "upgrade");
    private static final List<String> THROTTLING_ERRORS = List.of(
            "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException\",\"message\":"
                    + "\"The level of configured provisioned throughput for the table was exceeded.\"}",
            "{\"__type\":\"com.amazon.coral.availability#ThrottlingException\",\"message\":"
                    + "\"Rate of requests exceeds the allowed throughput.\"}");

    private static final byte[] INTERNAL_ERROR = ("{\"__type\":"
            + "\"com.amazonaws.dynamodb.v20120810#InternalServerError\",\"message\":\"Internal server error\"}")
            .getBytes(StandardCharsets.UTF_8);

    private final HttpClient client = HttpClient.newHttpClient();
    private final URI target;
    private final int port;
    private final AtomicInteger failingLeft = new AtomicInteger();
    private final AtomicInteger failedCalls = new AtomicInteger();
    private final AtomicInteger throttledLeft = new AtomicInteger();
    private final AtomicInteger partialLeft = new AtomicInteger();
    private final AtomicInteger throttledCalls = new AtomicInteger();
    private final AtomicInteger partialCalls = new AtomicInteger();
    private final AtomicInteger forwardedWrites = new AtomicInteger();
    private HttpServer server;

    private FaultyDynamoDbProxy(URI target, int port) {
        this.target = target;
        this.port = port;
    }

    /** A proxy to {@code target} (a {@link TestingDynamoDb#endpoint()}), passing everything through until told. */
    public static FaultyDynamoDbProxy create(URI target) {
        FaultyDynamoDbProxy proxy = new FaultyDynamoDbProxy(target, FreePorts.next());
        proxy.restore();
        ExitCleanup.register(proxy);
        return proxy;
    }

    /** The proxy's endpoint, for {@code aws.dynamodb.endpoint}; the same while cut. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Answers the next {@code calls} calls of any operation with HTTP 500 ({@code InternalServerError}). */
    public void failNext(int calls) {
        failingLeft.set(calls);
    }

    /** Refuses the next {@code calls} BatchWriteItem calls as throttled. */
    public void throttle(int calls) {
        throttledLeft.set(calls);
    }

    /** Has the next {@code calls} BatchWriteItem calls write only half of their items, returning the rest. */
    public void returnUnprocessed(int calls) {
        partialLeft.set(calls);
    }

    /** Closes the proxy's port: connections are refused, those open are closed, until {@link #restore()}. */
    public synchronized void cut() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** Opens the proxy's port again (the same port: a server socket rebinds it at once). */
    public synchronized void restore() {
        if (server != null) {
            return;
        }
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the DynamoDB proxy on port " + port, e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    /** Calls answered with HTTP 500 so far. */
    public int failedCalls() {
        return failedCalls.get();
    }

    /** BatchWriteItem calls refused as throttled so far. */
    public int throttledCalls() {
        return throttledCalls.get();
    }

    /** BatchWriteItem calls that returned unprocessed items so far. */
    public int partialCalls() {
        return partialCalls.get();
    }

    /** Writes (put and delete requests) of BatchWriteItem calls forwarded to DynamoDB so far. */
    public int forwardedWrites() {
        return forwardedWrites.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            String operation = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            boolean batchWrite = operation != null && operation.endsWith(".BatchWriteItem");
            if (failingLeft.getAndDecrement() > 0) {
                failedCalls.incrementAndGet();
                respond(exchange, 500, INTERNAL_ERROR);
                return;
            }
            if (batchWrite && throttledLeft.getAndDecrement() > 0) {
                int call = throttledCalls.getAndIncrement();
                respond(exchange, 400, THROTTLING_ERRORS.get(call % THROTTLING_ERRORS.size())
                        .getBytes(StandardCharsets.UTF_8));
                return;
            }
            ObjectNode request = batchWrite ? (ObjectNode) JSON.readTree(body) : null;
            ObjectNode unprocessed = JSON.createObjectNode();
            if (batchWrite && partialLeft.getAndDecrement() > 0) {
                partialCalls.incrementAndGet();
                keepFirstHalf(request, unprocessed);
                body = JSON.writeValueAsBytes(request);
            }
            HttpResponse<byte[]> response = forward(exchange, body);
            byte[] answer = response.body();
            if (batchWrite && response.statusCode() == 200) {
                request.get("RequestItems").forEach(writes -> forwardedWrites.addAndGet(writes.size()));
                if (!unprocessed.isEmpty()) {
                    ObjectNode parsed = (ObjectNode) JSON.readTree(answer);
                    parsed.set("UnprocessedItems", unprocessed);
                    answer = JSON.writeValueAsBytes(parsed);
                }
            }
            respond(exchange, response.statusCode(), answer);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Leaves the first half of each table's writes in {@code request}, moves the rest into {@code unprocessed}. */
    private static void keepFirstHalf(ObjectNode request, ObjectNode unprocessed) {
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
    }

    private HttpResponse<byte[]> forward(HttpExchange exchange, byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI()))
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
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
        ExitCleanup.unregister(this);
        cut();
    }

    @Override
    public String toString() {
        return "FaultyDynamoDbProxy[" + endpoint() + " -> " + target + "]";
    }
}
