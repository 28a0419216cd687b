package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.tributary.testkit.MongoDocuments;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pipeline file written for Debezium's MongoDB connector ({@code connector.class=...MongoDbConnector}) runs in the
 * standalone runtime: the MongoDB source (against mongo-java-server with its oplog on) into the file sink, Connect's
 * JSON with schemas; stopped and started again, it goes on from its stored offset with nothing lost and no new
 * snapshot.
 */
class MongoSourcePipelineIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void aDebeziumMongoDbPipelineFileRunsAndResumes(@TempDir Path directory) {
        MongoServer mongo = new MongoServer(new MemoryBackend());
        mongo.enableOplog();
        InetSocketAddress address = mongo.bind();
        String uri = "mongodb://127.0.0.1:" + address.getPort();
        Path topicFile = directory.resolve("events").resolve("inventory.shop.products.jsonl");
        try (MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> products = client.getDatabase("shop").getCollection("products");
            for (int id = 1; id <= 100; id++) {
                products.insertOne(new Document("_id", id).append("name", "product-" + id)
                        .append("tags", List.of("a", "b")));
            }
            Map<String, String> pipeline = pipeline("inventory", uri, directory, files(directory));
            pipeline.put("collection.include.list", "shop.products");

            try (TributaryServer server = TributaryServer.start("inventory.properties", pipeline)) {
                Awaitility.await().atMost(TIMEOUT).until(() -> lines(topicFile).size() == 100);
                products.updateOne(Filters.eq("_id", 7), Updates.set("name", "renamed"));
                products.deleteOne(Filters.eq("_id", 8));
                Awaitility.await().atMost(TIMEOUT).until(() -> lines(topicFile).size() == 103);
            }
            products.insertOne(new Document("_id", 101).append("name", "while stopped"));
            try (TributaryServer server = TributaryServer.start("inventory.properties", pipeline)) {
                Awaitility.await().atMost(TIMEOUT).until(() -> lines(topicFile).size() == 104);
            }
        } finally {
            mongo.shutdownNow();
        }
        List<String> lines = lines(topicFile);

        assertThat(lines).hasSize(104);
        assertThat(lines.get(0)).startsWith("{\"key\":{\"schema\":{\"type\":\"struct\",\"fields\":[{\"type\":\"string\","
                + "\"optional\":false,\"field\":\"id\"}],\"optional\":false,\"name\":\"inventory.shop.products.Key\"},"
                + "\"payload\":{\"id\":\"1\"}},\"value\":{\"schema\":{\"type\":\"struct\",\"fields\":[{\"type\":"
                + "\"string\",\"optional\":true,\"name\":\"io.debezium.data.Json\",\"version\":1,\"field\":\"before\"}")
                .contains("\"payload\":{\"before\":null,\"after\":\"{\\\"_id\\\": 1,\\\"name\\\": \\\"product-1\\\","
                        + "\\\"tags\\\": [\\\"a\\\",\\\"b\\\"]}\",\"updateDescription\":null,\"source\":{"
                        + "\"version\":")
                .contains("\"connector\":\"mongodb\",\"name\":\"inventory\"")
                .contains("\"snapshot\":\"true\",\"db\":\"shop\",\"sequence\":null")
                .contains("\"collection\":\"products\",\"ord\":-1,\"lsid\":null,\"txnNumber\":null,"
                        + "\"wallTime\":null},\"op\":\"r\"");
        assertThat(lines.get(99)).contains("\"snapshot\":\"last\"");
        assertThat(lines.subList(100, 104)).extracting(line -> line.replaceAll(".*\"payload\":\\{\"id\":\"(\\d+)\"}.*"
                + "\"op\":\"(\\w)\".*", "$2 $1").replaceAll(".*\"payload\":\\{\"id\":\"(\\d+)\"}},\"value\":null}",
                        "tombstone $1"))
                .containsExactly("u 7", "d 8", "tombstone 8", "c 101");
    }

    /** Debezium's MongoDB unwrap in a pipeline: the file sink gets documents as plain JSON rows, deletes as tombstones. */
    @Test
    void theMongoDbUnwrapWritesDocumentsAsRows(@TempDir Path directory) {
        MongoServer mongo = new MongoServer(new MemoryBackend());
        mongo.enableOplog();
        String uri = "mongodb://127.0.0.1:" + mongo.bind().getPort();
        Path topicFile = directory.resolve("events").resolve("flat.shop.products.jsonl");
        try (MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> products = client.getDatabase("shop").getCollection("products");
            products.insertOne(new Document("_id", 1).append("name", "first").append("Colors", List.of("Red", "Blue"))
                    .append("size", new Document("w", 2)));
            Map<String, String> pipeline = pipeline("flat", uri, directory, files(directory));
            pipeline.put("transforms", "unwrap");
            pipeline.put("transforms.unwrap.type", "io.debezium.connector.mongodb.transforms.ExtractNewDocumentState");
            pipeline.put("key.converter.schemas.enable", "false");
            pipeline.put("value.converter.schemas.enable", "false");

            try (TributaryServer server = TributaryServer.start("flat.properties", pipeline)) {
                Awaitility.await().atMost(TIMEOUT).until(() -> lines(topicFile).size() == 1);
                products.deleteOne(Filters.eq("_id", 1));
                Awaitility.await().atMost(TIMEOUT).until(() -> lines(topicFile).size() == 2);
            }
        } finally {
            mongo.shutdownNow();
        }

        assertThat(lines(topicFile)).containsExactly(
                "{\"key\":{\"id\":1},\"value\":{\"_id\":1,\"name\":\"first\",\"Colors\":[\"Red\",\"Blue\"],"
                        + "\"size\":{\"w\":2}}}",
                "{\"key\":{\"id\":1},\"value\":null}");
    }

    /**
     * Seed 004's replication without Kafka: a collection captured by the MongoDB source and written by the MongoDB sink
     * into a second server; after the snapshot and inserts, updates, replacements and deletes, the target collection
     * equals the source, every value of the same BSON type.
     */
    @Test
    void aCollectionReplicatesIntoAnotherServer(@TempDir Path directory) {
        MongoServer source = new MongoServer(new MemoryBackend());
        source.enableOplog();
        MongoServer target = new MongoServer(new MemoryBackend());
        String sourceUri = "mongodb://127.0.0.1:" + source.bind().getPort();
        String targetUri = "mongodb://127.0.0.1:" + target.bind().getPort();
        try (MongoClient sourceClient = MongoClients.create(sourceUri);
                MongoClient targetClient = MongoClients.create(targetUri)) {
            MongoCollection<Document> products = sourceClient.getDatabase("shop").getCollection("products");
            for (int id = 1; id <= 200; id++) {
                products.insertOne(new Document("_id", new org.bson.types.ObjectId()).append("sku", id)
                        .append("price", id * 1.25).append("stock", (long) id << 33)
                        .append("added", new java.util.Date(1700000000000L + id))
                        .append("Colors", List.of("Red", "Blue")).append("size", new Document("w", id).append("h", 2)));
            }
            Map<String, String> pipeline = pipeline("docdb", sourceUri, directory, Map.of("sinks", "target",
                    "sink.target.type", "mongodb", "sink.target.connection.uri", targetUri,
                    "sink.target.database", "shop", "sink.target.collection", "products"));
            pipeline.put("collection.include.list", "shop\\.products");
            MongoCollection<Document> replica = targetClient.getDatabase("shop").getCollection("products");

            try (TributaryServer server = TributaryServer.start("replication.properties", pipeline)) {
                Awaitility.await().atMost(TIMEOUT).until(() -> MongoDocuments.same(products, replica));
                products.insertOne(new Document("_id", "new").append("sku", 0));
                products.updateMany(Filters.lt("sku", 20), Updates.combine(Updates.inc("stock", 1L),
                        Updates.set("Colors", List.of("Green"))));
                products.replaceOne(Filters.eq("sku", 30), new Document("sku", 30).append("replaced", true));
                products.deleteMany(Filters.gt("sku", 190));
                Awaitility.await().atMost(TIMEOUT).until(() -> MongoDocuments.same(products, replica));
            }
            assertThat(replica.countDocuments()).isEqualTo(191);
            assertThat(replica.find(Filters.eq("_id", "new")).first()).isNotNull();
        } finally {
            source.shutdownNow();
            target.shutdownNow();
        }
    }

    /** A pipeline file written for Debezium's MongoDB connector: {@code name} is its topic prefix too. */
    private static Map<String, String> pipeline(String name, String uri, Path directory, Map<String, String> sinks) {
        Map<String, String> pipeline = new HashMap<>(sinks);
        pipeline.put("name", name);
        pipeline.put("connector.class", "io.debezium.connector.mongodb.MongoDbConnector");
        pipeline.put("mongodb.connection.string", uri);
        pipeline.put("topic.prefix", name);
        pipeline.put("offset.storage.dir", directory.resolve("offsets").toString());
        pipeline.put("rest.port", "-1");
        return pipeline;
    }

    private static Map<String, String> files(Path directory) {
        return Map.of("sinks", "files", "sink.files.type", "file", "sink.files.directory",
                directory.resolve("events").toString());
    }

    private static List<String> lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
