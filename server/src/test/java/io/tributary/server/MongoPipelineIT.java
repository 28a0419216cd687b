package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.tributary.testkit.TestingMariaDb;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The target half of scenario S5: change events into the MongoDB sink (mongo-java-server, MongoDB's wire protocol
 * in-process, through the official driver); after inserts, updates and deletes the collection equals the table.
 */
class MongoPipelineIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void theCollectionFollowsTheTable(@TempDir Path directory) {
        MongoServer mongo = new MongoServer(new MemoryBackend());
        InetSocketAddress address = mongo.bind();
        try (TestingMariaDb mariaDb = TestingMariaDb.create();
                MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            mariaDb.execute("CREATE DATABASE shop",
                    "CREATE TABLE shop.items (id INT PRIMARY KEY, name VARCHAR(20), price DECIMAL(8,2) NOT NULL)",
                    "INSERT INTO shop.items SELECT seq, CONCAT('item-', seq), seq / 4 FROM shop.seq_1_to_500");
            Map<String, String> pipeline = StandalonePipelineIT.pipeline(mariaDb, null, directory, "false");
            pipeline.keySet().removeIf(key -> key.startsWith("sink."));
            pipeline.put("sinks", "mongo");
            pipeline.put("sink.mongo.type", "mongodb");
            pipeline.put("sink.mongo.connection.uri", "mongodb://127.0.0.1:" + address.getPort());
            pipeline.put("sink.mongo.database", "replica");
            pipeline.put("sink.mongo.collection", "items");
            pipeline.put("rest.port", "-1");

            try (TributaryServer server = TributaryServer.start("shop.properties", pipeline)) {
                Awaitility.await().atMost(TIMEOUT).until(() -> documents(client).size() == 500);
                mariaDb.execute("INSERT INTO shop.items VALUES (501, 'new', 9.99)",
                        "UPDATE shop.items SET name = 'renamed', price = price + 1 WHERE id % 7 = 0",
                        "DELETE FROM shop.items WHERE id % 11 = 0",
                        "UPDATE shop.items SET id = 1000 WHERE id = 1");
                Map<Integer, String> expected = new TreeMap<>();
                mariaDb.query("SELECT id, name, price FROM shop.items").forEach(row -> expected.put(
                        ((Number) row.get("id")).intValue(), row.get("name") + "|" + row.get("price")));
                Awaitility.await().atMost(TIMEOUT).until(() -> documents(client).equals(expected));
            }
        } finally {
            mongo.shutdownNow();
        }
    }

    private static Map<Integer, String> documents(MongoClient client) {
        Map<Integer, String> documents = new TreeMap<>();
        for (Document document : client.getDatabase("replica").getCollection("items").find().into(new ArrayList<>())) {
            BigDecimal price = ((Decimal128) document.get("price")).bigDecimalValue();
            documents.put(document.getInteger("_id"), document.getString("name") + "|" + price);
        }
        return documents;
    }
}
