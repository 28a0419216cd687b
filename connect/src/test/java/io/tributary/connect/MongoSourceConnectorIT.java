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
}
