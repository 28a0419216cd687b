package io.tributary.source.mongodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import ch.qos.logback.classic.Level;
import io.tributary.api.ChangeRecord;
import io.tributary.testkit.LogCapture;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The MongoDB source against mongo-java-server with its oplog on (change streams per collection: inserts, updates,
 * replacements and deletes, resume tokens, update lookup) — the server these tests have; it gives no
 * updateDescription, transactions or pre-images, which are not captured yet. The documents' JSON, the keys and the
 * source blocks are compared with the strings Debezium 3.5's MongoDB connector writes for the same documents.
 */
class MongoSourceIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** The server's data and oplog, kept when it shuts down (as a server's data directory is), for restarts. */
    private final MemoryBackend backend = new MemoryBackend() {
        @Override
        public void close() {
        }
    };
    private MongoServer server;
    private MongoClient client;
    private String connectionString;
    private final List<MongoSource> sources = new ArrayList<>();

    @BeforeEach
    void startServer() {
        server = new MongoServer(backend);
        server.enableOplog();
        InetSocketAddress address = server.bind();
        connectionString = "mongodb://" + address.getHostString() + ":" + address.getPort();
        client = MongoClients.create(connectionString);
    }

    @AfterEach
    void stop() {
        sources.forEach(MongoSource::close);
        client.close();
        server.shutdownNow();
    }

    @Test
    void snapshotThenStreamInDebeziumsFormatAndResumeWithNothingLost() throws Exception {
        MongoDatabase shop = client.getDatabase("shop");
        ObjectId customerId = new ObjectId("64b7f0c2a1b2c3d4e5f60718");
        shop.getCollection("orders").insertOne(new Document("_id", 1).append("name", "x").append("n", 5)
                .append("big", 1234567890123L).append("d", 1.5).append("when", new java.util.Date(1700000000000L))
                .append("nested", new Document("a", List.of(1, 2))));
        shop.getCollection("orders").insertOne(new Document("_id", "abc").append("note", "é\t\"q\""));
        shop.getCollection("customers").insertOne(new Document("_id", customerId).append("name", "Ann"));
        client.getDatabase("other").getCollection("ignored").insertOne(new Document("_id", 1));

        MongoSource source = start(Optional.empty());
        List<ChangeRecord> snapshot = poll(source, 3);

        // Debezium's order: collections by name, documents as found
        assertThat(snapshot).extracting(ChangeRecord::topic)
                .containsExactly("shop.shop.customers", "shop.shop.orders", "shop.shop.orders");
        assertThat(snapshot).extracting(record -> key(record)).containsExactly(
                "{\"$oid\": \"64b7f0c2a1b2c3d4e5f60718\"}", "1", "\"abc\"");
        assertThat(snapshot).extracting(record -> value(record)[4]).containsOnly("r");
        assertThat(snapshot).extracting(record -> source(record)[4]).containsExactly("true", "true", "last");
        assertThat(value(snapshot.get(1))[1]).isEqualTo("{\"_id\": 1,\"name\": \"x\",\"n\": 5,\"big\": "
                + "{\"$numberLong\": \"1234567890123\"},\"d\": 1.5,\"when\": {\"$date\": 1700000000000},"
                + "\"nested\": {\"a\": [1,2]}}");
        assertThat(value(snapshot.get(2))[1]).isEqualTo("{\"_id\": \"abc\",\"note\": \"é\\t\\\"q\\\"\"}");
        Object[] readSource = source(snapshot.get(0));
        assertThat(java.util.Arrays.asList(readSource).subList(1, 3)).containsExactly("mongodb", "shop");
        assertThat(readSource[5]).isEqualTo("shop");
        assertThat(readSource[9]).isEqualTo("customers");
        assertThat(readSource[10]).as("ord of a snapshot read").isEqualTo(-1);
        assertThat(snapshot.get(0).partition()).isEqualTo(Map.of("server_id", "shop"));
        assertThat(snapshot.get(0).offset().get("initsync")).isEqualTo(true);
        assertThat(snapshot.get(2).offset()).doesNotContainKey("initsync");

        shop.getCollection("orders").insertOne(new Document("_id", 2).append("name", "y"));
        shop.getCollection("orders").updateOne(Filters.eq("_id", 2), Updates.set("name", "z"));
        shop.getCollection("customers").replaceOne(Filters.eq("_id", customerId),
                new Document("_id", customerId).append("name", "Bea"));
        shop.getCollection("orders").deleteOne(Filters.eq("_id", "abc"));
        client.getDatabase("other").getCollection("ignored").insertOne(new Document("_id", 2));
        List<ChangeRecord> changes = poll(source, 5);

        assertThat(changes).extracting(record -> record.value() == null ? "tombstone" : value(record)[4])
                .containsExactlyInAnyOrder("c", "u", "u", "d", "tombstone");
        ChangeRecord insert = only(changes, "c");
        assertThat(value(insert)[1]).isEqualTo("{\"_id\": 2,\"name\": \"y\"}");
        assertThat(source(insert)[4]).as("snapshot while streaming: null, written as the default").isNull();
        assertThat((Integer) source(insert)[10]).as("ord: the cluster time's increment").isPositive();
        assertThat(changes.stream().filter(record -> record.value() != null && value(record)[4].equals("u"))
                .map(record -> key(record) + " " + value(record)[1]))
                .containsExactlyInAnyOrder("2 {\"_id\": 2,\"name\": \"z\"}",
                        "{\"$oid\": \"64b7f0c2a1b2c3d4e5f60718\"} {\"_id\": {\"$oid\": \"64b7f0c2a1b2c3d4e5f60718\"},"
                                + "\"name\": \"Bea\"}");
        ChangeRecord delete = only(changes, "d");
        assertThat(key(delete)).isEqualTo("\"abc\"");
        assertThat(value(delete)[1]).isNull();
        assertThat(changes).filteredOn(ChangeRecord::isTombstone).singleElement()
                .satisfies(tombstone -> assertThat(key(tombstone)).isEqualTo("\"abc\""));

        // stopped at the last record's offset; changes made meanwhile are streamed after the restart, once
        Map<String, ?> last = changes.get(changes.size() - 1).offset();
        source.close();
        shop.getCollection("orders").insertOne(new Document("_id", 3).append("name", "while stopped"));
        shop.getCollection("customers").deleteOne(Filters.eq("_id", customerId));
        MongoSource restarted = start(Optional.of(last));
        List<ChangeRecord> resumed = poll(restarted, 3);

        assertThat(resumed).extracting(record -> record.value() == null ? "tombstone" : value(record)[4] + " "
                + key(record)).containsExactlyInAnyOrder("c 3", "d {\"$oid\": \"64b7f0c2a1b2c3d4e5f60718\"}",
                        "tombstone");

        // a dropped collection's stream ends; the others go on
        shop.getCollection("customers").drop();
        shop.getCollection("orders").insertOne(new Document("_id", 4).append("name", "after the drop"));
        assertThat(poll(restarted, 1)).extracting(record -> key(record)).containsExactly("4");
    }

    /**
     * The server down while the source streams, for longer than the driver's own resume of a change stream waits (its
     * data and oplog kept: the backend outlives the server): the source retries as errors.max.retries says, and once
     * the server is back goes on after the last change it read, nothing lost or repeated.
     */
    @Test
    void aServerRestartWhileStreamingIsRetriedWithNothingLost() throws Exception {
        InetSocketAddress address = server.getLocalAddress();
        client.getDatabase("shop").getCollection("orders").insertOne(new Document("_id", 1));
        connectionString += "/?serverSelectionTimeoutMS=500";
        MongoSource source = start(Optional.empty(), Map.of("errors.max.retries", "-1",
                "errors.retry.delay.initial.ms", "50", "errors.retry.delay.max.ms", "200"));
        assertThat(poll(source, 1)).extracting(record -> key(record)).containsExactly("1");
        client.getDatabase("shop").getCollection("orders").insertOne(new Document("_id", 2));
        assertThat(poll(source, 1)).extracting(record -> key(record)).containsExactly("2");

        try (LogCapture log = new LogCapture(Level.WARN, MongoSource.class.getName())) {
            server.shutdownNow();
            client.close();
            Awaitility.await("the source to retry").atMost(TIMEOUT).until(() -> log.lines().stream()
                    .anyMatch(line -> line.contains("lost the connection to MongoDB") && line.contains("retry 2")));
        }
        server = new MongoServer(backend);
        server.bind(address);
        client = MongoClients.create(connectionString);
        client.getDatabase("shop").getCollection("orders").insertOne(new Document("_id", 3));
        client.getDatabase("shop").getCollection("orders").insertOne(new Document("_id", 4));

        assertThat(poll(source, 2)).extracting(record -> key(record)).containsExactly("3", "4");
    }

    private MongoSource start(Optional<Map<String, ?>> offset) {
        return start(offset, Map.of());
    }

    private MongoSource start(Optional<Map<String, ?>> offset, Map<String, String> more) {
        MongoSource source = new MongoSource();
        sources.add(source);
        Map<String, String> config = new java.util.HashMap<>(Map.of("mongodb.connection.string", connectionString,
                "topic.prefix", "shop", "collection.include.list", "shop\\..*"));
        config.putAll(more);
        source.start(config, offset);
        return source;
    }

    /** Polls until {@code count} records came, then a little longer to see that no more come. */
    private static List<ChangeRecord> poll(MongoSource source, int count) throws InterruptedException {
        List<ChangeRecord> records = new ArrayList<>();
        Awaitility.await("%d records".formatted(count)).atMost(TIMEOUT).until(() -> {
            records.addAll(source.poll());
            return records.size() >= count;
        });
        records.addAll(source.poll());
        assertThat(records).hasSize(count);
        return records;
    }

    private static ChangeRecord only(List<ChangeRecord> records, String op) {
        return records.stream().filter(record -> record.value() != null && value(record)[4].equals(op)).findFirst()
                .orElseThrow();
    }

    private static String key(ChangeRecord record) {
        return (String) ((Object[]) record.key())[0];
    }

    private static Object[] value(ChangeRecord record) {
        return (Object[]) record.value();
    }

    private static Object[] source(ChangeRecord record) {
        return (Object[]) value(record)[3];
    }
}
