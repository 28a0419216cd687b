package io.tributary.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.tributary.testkit.MongoDocuments;
import io.tributary.testkit.TestingConnect;
import io.tributary.testkit.TestingKafka;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * The MongoDB source as a Kafka Connect plugin on a real worker (against mongo-java-server with its oplog on): the
 * snapshot and the changes reach the topic; deleted and created again, the connector goes on from the offset the
 * worker stored under Debezium's partition, with no new snapshot.
 */
class MongoSourceConnectorIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @Test
    void snapshotAndChangesReachTheTopicAndACreatedAgainConnectorResumes() {
        MongoServer mongo = new MongoServer(new MemoryBackend());
        mongo.enableOplog();
        InetSocketAddress address = mongo.bind();
        String uri = "mongodb://127.0.0.1:" + address.getPort();
        try (MongoClient client = MongoClients.create(uri); TestingKafka kafka = TestingKafka.create();
                TestingConnect connect = TestingConnect.create(kafka)) {
            MongoCollection<Document> products = client.getDatabase("shop").getCollection("products");
            products.insertOne(new Document("_id", 1).append("name", "first"));
            Map<String, String> config = Map.of("connector.class", MongoSourceConnector.class.getName(),
                    "mongodb.connection.string", uri, "topic.prefix", "inventory",
                    "collection.include.list", "shop\\.products");
            String topic = "inventory.shop.products";

            assertThat(connect.rest().request("GET", "/connector-plugins", null).toString())
                    .as("listed by the worker's plugin discovery").contains(MongoSourceConnector.class.getName());
            connect.rest().putConnector("products", config);
            Awaitility.await().atMost(TIMEOUT).ignoreExceptions().until(() -> kafka.readAll(topic).size() == 1);
            products.insertOne(new Document("_id", 2).append("name", "second"));
            Awaitility.await().atMost(TIMEOUT).ignoreExceptions().until(() -> kafka.readAll(topic).size() == 2);
            connect.rest().deleteConnector("products");
            Awaitility.await().atMost(TIMEOUT).until(() -> connect.rest().connectors().isEmpty());
            products.insertOne(new Document("_id", 3).append("name", "while deleted"));
            connect.rest().putConnector("products", config);
            Awaitility.await().atMost(TIMEOUT).ignoreExceptions().until(() -> kafka.readAll(topic).size() == 3);

            List<ConsumerRecord<String, String>> records = kafka.readAll(topic);
            assertThat(records).extracting(ConsumerRecord::value)
                    .anySatisfy(value -> assertThat(value).contains("\"op\":\"r\"").contains("first"))
                    .anySatisfy(value -> assertThat(value).contains("\"op\":\"c\"").contains("second"))
                    .anySatisfy(value -> assertThat(value).contains("\"op\":\"c\"").contains("while deleted"));
            assertThat(records).extracting(ConsumerRecord::value).filteredOn(value -> value.contains("\"op\":\"r\""))
                    .as("one snapshot only").hasSize(1);
        } finally {
            mongo.shutdownNow();
        }
    }

    /**
     * Seed 004's pipeline on Kafka Connect: a collection captured by the MongoDB source connector into Kafka and written
     * by Tributary's MongoDB sink connector into a second server; after the snapshot and inserts, updates, a
     * replacement and deletes the target equals the source, every value of the same BSON type.
     */
    @Test
    void aCollectionReplicatesThroughKafkaIntoAnotherServer() {
        MongoServer sourceServer = new MongoServer(new MemoryBackend());
        sourceServer.enableOplog();
        MongoServer targetServer = new MongoServer(new MemoryBackend());
        String sourceUri = "mongodb://127.0.0.1:" + sourceServer.bind().getPort();
        String targetUri = "mongodb://127.0.0.1:" + targetServer.bind().getPort();
        try (MongoClient sourceClient = MongoClients.create(sourceUri);
                MongoClient targetClient = MongoClients.create(targetUri); TestingKafka kafka = TestingKafka.create();
                TestingConnect connect = TestingConnect.create(kafka)) {
            MongoCollection<Document> products = sourceClient.getDatabase("shop").getCollection("products");
            for (int id = 1; id <= 300; id++) {
                products.insertOne(new Document("_id", new org.bson.types.ObjectId()).append("sku", id)
                        .append("stock", (long) id << 33).append("added", new java.util.Date(1700000000000L + id))
                        .append("Colors", List.of("Red", "Blue")).append("size", new Document("w", id * 0.5)));
            }
            connect.rest().putConnector("documents", Map.of("connector.class", MongoSourceConnector.class.getName(),
                    "mongodb.connection.string", sourceUri, "topic.prefix", "docdb",
                    "collection.include.list", "shop\\.products"));
            connect.rest().putConnector("replica", Map.of("connector.class", MongoSinkConnector.class.getName(),
                    "topics", "docdb.shop.products", "connection.uri", targetUri, "database", "shop",
                    "collection", "products"));
            MongoCollection<Document> replica = targetClient.getDatabase("shop").getCollection("products");

            Awaitility.await().atMost(TIMEOUT).until(() -> MongoDocuments.same(products, replica));
            products.insertOne(new Document("_id", "new").append("sku", 0));
            products.updateMany(com.mongodb.client.model.Filters.lt("sku", 30),
                    com.mongodb.client.model.Updates.inc("stock", 1L));
            products.replaceOne(com.mongodb.client.model.Filters.eq("sku", 40), new Document("sku", 40));
            products.deleteMany(com.mongodb.client.model.Filters.gt("sku", 290));
            Awaitility.await().atMost(TIMEOUT).until(() -> MongoDocuments.same(products, replica));
            assertThat(replica.countDocuments()).isEqualTo(291);
        } finally {
            sourceServer.shutdownNow();
            targetServer.shutdownNow();
        }
    }

}
