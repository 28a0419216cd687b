package io.tributary.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.tributary.testkit.TestingKafka;
import org.apache.flink.types.Row;
import org.apache.flink.types.RowKind;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seed 004's downstream Flink table reading the topic Tributary writes from a MongoDB collection. Debezium's MongoDB
 * envelope carries the document as an extended-JSON string, which Flink's {@code debezium-json} cannot read; with
 * Debezium's MongoDB unwrap the topic is an upsert stream (key {@code {"id": <_id>}}, the document as a row, a
 * tombstone per delete), which Flink reads with {@code upsert-kafka} and the {@code json} format: nested documents
 * and arrays declared {@code STRING} come out as JSON text, as the seed's consumers print them, and tombstones become
 * deletes. After the snapshot of the seed's documents and a stream of inserts, updates, a replacement and deletes,
 * spread over the seed's four partitions, the table Flink materialises equals the collection, row for row.
 */
class Seed004FlinkIT {
    private static final Duration TIMEOUT = Duration.ofMinutes(1);
    private static final String TOPIC = "mongo-kafka";
    /**
     * The seed's {@code mongo_kafka} table with the fields the seed's documents have and a few more (a number, a date,
     * a 64-bit count); {@code upsert-kafka} instead of {@code kafka} + {@code debezium-json}, the key's {@code id}
     * read as {@code _id}.
     */
    private static final String TABLE = """
            CREATE TABLE mongo_kafka (
              _id STRING,
              Item STRING,
              Colors STRING,
              Inventory STRING,
              Price DOUBLE,
              Added BIGINT, -- a date: milliseconds since the epoch
              Stock BIGINT,
              PRIMARY KEY(_id) NOT ENFORCED
            ) WITH (
              'connector' = 'upsert-kafka',
              'topic' = '%s',
              'properties.bootstrap.servers' = '%s',
              'properties.group.id' = 'mongo-kafka-group',
              'key.format' = 'json',
              'key.fields-prefix' = '_',
              'value.format' = 'json',
              'value.fields-include' = 'EXCEPT_KEY'
            )""";
    private static final String QUERY = "SELECT _id, Item, Colors, Inventory, Price, TO_TIMESTAMP_LTZ(Added, 3), Stock "
            + "FROM mongo_kafka";
    private static final JsonWriterSettings RELAXED = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void seed004sConsumersReadTributarysTopic(@TempDir Path directory) throws Exception {
        MongoServer mongo = new MongoServer(new MemoryBackend());
        mongo.enableOplog();
        String uri = "mongodb://127.0.0.1:" + mongo.bind().getPort();
        List<List<Object>> expected;
        List<Object> deleted = new ArrayList<>();
        try (TestingKafka kafka = TestingKafka.create(); MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> products = client.getDatabase("inventory").getCollection("products");
            products.insertMany(seedProducts());
            products.insertMany(moreProducts());
            kafka.createTopic(TOPIC, 4); // the seed's topic for its throughput test
            long events = products.countDocuments();
            try (TributaryFeed feed = TributaryFeed.mongo(uri, kafka, directory, "docdb", pipeline())) {
                await().atMost(TIMEOUT).until(() -> kafka.readAll(TOPIC).size() == events);

                products.insertOne(new Document("_id", "new").append("Item", "Brush").append("Colors", List.of("深蓝"))
                        .append("Inventory", new Document("OnHand", 3).append("MinOnHand", 1)));
                products.insertOne(product(new ObjectId(), 100));
                products.updateOne(Filters.eq("Item", "Spray Paint"), Updates.set("Inventory.OnHand", 30));
                long updated = products.updateMany(Filters.lt("Stock", 5L << 33),
                        Updates.combine(Updates.set("Colors", List.of("Green", "Say \"cheese\"")),
                                Updates.inc("Price", 0.5))).getModifiedCount();
                products.replaceOne(Filters.eq("Item", "Item-6"), new Document("Item", "Item-6 replaced"));
                deleted.add(products.find(Filters.eq("Item", "Poster Paint")).first().get("_id"));
                products.deleteOne(Filters.eq("Item", "Poster Paint"));
                products.find(Filters.gt("Stock", 16L << 33)).forEach(document -> deleted.add(document.get("_id")));
                long deletes = 1 + products.deleteMany(Filters.gt("Stock", 16L << 33)).getDeletedCount();
                // unwrapped, each change is one record: the document after it, or a tombstone
                long changes = 2 + 1 + updated + 1 + deletes;
                await().atMost(TIMEOUT).until(() -> kafka.readAll(TOPIC).size() == events + changes);
                assertThat(updated).isEqualTo(4);
                assertThat(deletes).isEqualTo(6);
                // keyed by _id: each document's changes in one partition, in order; the documents spread over several
                assertThat(kafka.readAll(TOPIC).stream().map(ConsumerRecord::partition).distinct())
                        .hasSizeGreaterThan(1);
            }
            expected = new ArrayList<>();
            products.find().forEach(document -> expected.add(row(document)));

            FlinkSql flink = FlinkSql.create();
            flink.executeScript(FlinkSql.bounded(TABLE.formatted(TOPIC, kafka.bootstrapServers())));
            List<Row> changelog = flink.changelog(QUERY);

            assertThat(expected).hasSize(23 + 2 - 6);
            assertThat(FlinkSql.finalRows(changelog)).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(changelog).filteredOn(change -> change.getKind() == RowKind.DELETE)
                    .extracting(change -> change.getField(0)).containsExactlyInAnyOrderElementsOf(
                            deleted.stream().map(Seed004FlinkIT::id).toList());
            assertThat(changelog).filteredOn(change -> change.getKind() == RowKind.UPDATE_AFTER).hasSize(6);
            assertThat(FlinkSql.finalRows(changelog)).filteredOn(row -> "Pen".equals(row.get(1))).singleElement()
                    .satisfies(pen -> assertThat(pen.subList(2, 4)).containsExactly("[\"Red\",\"Green\",\"Blue\","
                            + "\"Black\"]", "{\"OnHand\":244,\"MinOnHand\":72}"));
        } finally {
            mongo.shutdownNow();
        }
    }

    /** Seed 004's pipeline up to Kafka: its collection, Debezium's MongoDB unwrap, the seed's topic, plain JSON. */
    private static Map<String, String> pipeline() {
        return Map.of("collection.include.list", "inventory\\.products",
                "transforms", "unwrap,route",
                "transforms.unwrap.type", "io.debezium.connector.mongodb.transforms.ExtractNewDocumentState",
                "transforms.route.type", "org.apache.kafka.connect.transforms.RegexRouter",
                "transforms.route.regex", ".*",
                "transforms.route.replacement", TOPIC,
                "key.converter.schemas.enable", "false",
                "value.converter.schemas.enable", "false");
    }

    /** The three documents seed 004 inserts, as it writes them. */
    private static List<Document> seedProducts() {
        return List.of(
                new Document("Item", "Pen").append("Colors", List.of("Red", "Green", "Blue", "Black"))
                        .append("Inventory", new Document("OnHand", 244).append("MinOnHand", 72)),
                new Document("Item", "Poster Paint").append("Colors", List.of("Red", "Green", "Blue", "Black", "White"))
                        .append("Inventory", new Document("OnHand", 47).append("MinOnHand", 50)),
                new Document("Item", "Spray Paint").append("Colors", List.of("Black", "Red", "Green", "Blue"))
                        .append("Inventory", new Document("OnHand", 47).append("MinOnHand", 50)
                                .append("OrderQnty", 36)));
    }

    private static List<Document> moreProducts() {
        List<Document> products = new ArrayList<>();
        for (int n = 1; n <= 20; n++) {
            products.add(product(new ObjectId(), n));
        }
        return products;
    }

    private static Document product(Object id, int n) {
        return new Document("_id", id).append("Item", "Item-" + n).append("Colors", List.of("Red", "White"))
                .append("Inventory", new Document("OnHand", n).append("MinOnHand", 10).append("Price", n * 1.25))
                .append("Price", n * 2.5).append("Added", new Date(1_704_067_200_000L + n * 86_400_000L))
                .append("Stock", (long) n << 33);
    }

    /**
     * A document as the row the seed's consumers expect: {@code _id} as text (an ObjectId's hex), nested documents and
     * arrays as compact JSON text, the date an instant; a field the document lacks is null.
     */
    private static List<Object> row(Document document) {
        Date added = document.getDate("Added");
        return Arrays.asList(id(document.get("_id")), document.getString("Item"), json(document.get("Colors")),
                json(document.get("Inventory")), document.getDouble("Price"),
                added == null ? null : added.toInstant(), document.getLong("Stock"));
    }

    private static String id(Object id) {
        return id instanceof ObjectId objectId ? objectId.toHexString() : String.valueOf(id);
    }

    /** A BSON value as the JSON text Flink's json format gives a STRING column: compact, fields in their order. */
    private static String json(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return JSON.readTree(new Document("value", value).toJson(RELAXED)).get("value").toString();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
