package io.tributary.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.tributary.server.ServerMain;
import io.tributary.testkit.ChildJvm;
import io.tributary.testkit.MongoDocuments;
import io.tributary.testkit.TestingKafka;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seed 004's replication (the MongoDB source into the MongoDB sink of a second server, both mongo-java-server with the
 * source's oplog on) run as users run it, in a process of its own, killed with SIGKILL during the snapshot and again
 * while a writer inserts, updates and deletes: after each restart it goes on from its stored offset, and once the
 * writer stops the target collection equals the source, every value of the same BSON type.
 */
class MongoReplicationFaultsIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final int DOCUMENTS = 20_000;
    private static final String KAFKA_TOPIC = "docdb.shop.products";
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    @Test
    void killedDuringTheSnapshotAndWhileStreamingTheReplicaConverges(@TempDir Path directory) throws Exception {
        GatedMemoryBackend gate = new GatedMemoryBackend();
        MongoServer sourceServer = new MongoServer(gate);
        sourceServer.enableOplog();
        MongoServer targetServer = new MongoServer(new MemoryBackend());
        String sourceUri = "mongodb://127.0.0.1:" + sourceServer.bind().getPort();
        String targetUri = "mongodb://127.0.0.1:" + targetServer.bind().getPort();
        Process runtime = null;
        try (MongoClient sourceClient = MongoClients.create(sourceUri);
                MongoClient targetClient = MongoClients.create(targetUri)) {
            MongoCollection<Document> source = sourceClient.getDatabase("shop").getCollection("products");
            MongoCollection<Document> target = targetClient.getDatabase("shop").getCollection("products");
            List<Document> documents = new java.util.ArrayList<>();
            for (int id = 0; id < DOCUMENTS; id++) {
                documents.add(new Document("_id", id).append("version", 0L).append("tags", List.of("a", "b"))
                        .append("size", new Document("w", id)));
            }
            source.insertMany(documents);
            Path file = pipelineFile(directory, sourceUri, targetUri);
            Path log = directory.resolve("runtime.log");

            // the snapshot's cursor is held after its first batch: the kill lands during the snapshot
            runtime = ChildJvm.start(ServerMain.class, log, file.toString());
            Awaitility.await().atMost(TIMEOUT).until(() -> target.countDocuments() > 0);
            runtime.destroyForcibly().waitFor();
            long copiedBeforeTheKill = target.countDocuments();
            gate.open();

            // the snapshot is taken again; the writer starts once it is done (a document deleted before a snapshot
            // began is in no snapshot and no stream: a re-snapshot leaves it in the replica, as Debezium's does)
            runtime = ChildJvm.start(ServerMain.class, log, file.toString());
            Path offsets = directory.resolve("offsets").resolve("replication.offsets.json");
            Awaitility.await().atMost(TIMEOUT).until(() -> Files.exists(offsets)
                    && !Files.readString(offsets).contains("initsync"));
            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicInteger changes = new AtomicInteger();
            Thread writer = new Thread(() -> write(source, writing, changes), "writer");
            writer.start();
            Awaitility.await().atMost(TIMEOUT).until(() -> changes.get() >= 2_000);
            runtime.destroyForcibly().waitFor();
            runtime = ChildJvm.start(ServerMain.class, log, file.toString());
            Awaitility.await().atMost(TIMEOUT).until(() -> changes.get() >= 4_000);
            writing.set(false);
            writer.join();

            Awaitility.await("the replica to equal the source").atMost(TIMEOUT).pollInterval(Duration.ofMillis(500))
                    .until(() -> MongoDocuments.same(source, target));
            assertThat(copiedBeforeTheKill).as("killed during the snapshot").isLessThan(DOCUMENTS);
            assertThat(target.countDocuments()).isEqualTo(source.countDocuments());
            runtime.destroy();
            assertThat(runtime.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).as("stops when asked").isTrue();
            assertThat(runtime.exitValue()).as("SIGTERM's exit status").isIn(0, 143);
        } finally {
            if (runtime != null) {
                runtime.destroyForcibly().waitFor();
            }
            Path log = directory.resolve("runtime.log");
            if (Files.exists(log)) {
                Files.copy(log, Path.of("target", "mongo-replication-runtime.log"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            sourceServer.shutdownNow();
            targetServer.shutdownNow();
        }
    }

    /**
     * The MongoDB source into Kafka with {@code exactly.once=true}, killed with SIGKILL during the snapshot and again
     * while a writer inserts, updates and deletes: a read_committed consumer sees every document in a snapshot, and
     * every change made after it exactly once — each insert one {@code c}, each update one {@code u}, each delete one
     * {@code d}. (Updates go to documents never deleted: the test server sends an update of a document deleted before
     * its lookup without the document's _id, which no source can key.)
     */
    @Test
    void intoKafkaWithExactlyOnceKilledDuringTheSnapshotAndWhileStreamingEachChangeArrivesOnce(
            @TempDir Path directory) throws Exception {
        GatedMemoryBackend gate = new GatedMemoryBackend();
        MongoServer sourceServer = new MongoServer(gate);
        sourceServer.enableOplog();
        String sourceUri = "mongodb://127.0.0.1:" + sourceServer.bind().getPort();
        Process runtime = null;
        try (TestingKafka kafka = TestingKafka.create(); MongoClient sourceClient = MongoClients.create(sourceUri)) {
            MongoCollection<Document> source = sourceClient.getDatabase("shop").getCollection("products");
            List<Document> documents = new java.util.ArrayList<>();
            for (int id = 0; id < DOCUMENTS; id++) {
                documents.add(new Document("_id", id).append("version", 0L));
            }
            source.insertMany(documents);
            Properties pipeline = pipeline(directory, sourceUri);
            pipeline.setProperty("sink.target.type", "kafka");
            pipeline.setProperty("sink.target.bootstrap.servers", kafka.bootstrapServers());
            pipeline.setProperty("sink.target.exactly.once", "true");
            // a transaction per batch of 500: the snapshot is seen in parts, so a kill can fall within it
            pipeline.setProperty("offset.flush.interval.ms", "0");
            pipeline.setProperty("max.batch.size", "500");
            Path file = store(pipeline, directory);
            Path log = directory.resolve("runtime.log");

            // the snapshot's cursor is held after its first batch: the kill lands during the snapshot
            runtime = ChildJvm.start(ServerMain.class, log, file.toString());
            Awaitility.await().atMost(TIMEOUT).until(() -> !TopicChanges.read(kafka, KAFKA_TOPIC).isEmpty());
            runtime.destroyForcibly().waitFor();
            long readBeforeTheKill = TopicChanges.read(kafka, KAFKA_TOPIC).readIds().size();
            gate.open();

            runtime = ChildJvm.start(ServerMain.class, log, file.toString());
            Awaitility.await("the snapshot").atMost(TIMEOUT).pollInterval(Duration.ofMillis(500))
                    .until(() -> TopicChanges.read(kafka, KAFKA_TOPIC).readIds().size() == DOCUMENTS);
            ChangesMade made = new ChangesMade();
            AtomicBoolean writing = new AtomicBoolean(true);
            Thread writer = new Thread(() -> writeCountingEach(source, writing, made), "writer");
            writer.start();
            Awaitility.await().atMost(TIMEOUT).until(() -> made.total() >= 2_000);
            runtime.destroyForcibly().waitFor();
            runtime = ChildJvm.start(ServerMain.class, log, file.toString());
            Awaitility.await().atMost(TIMEOUT).until(() -> made.total() >= 4_000);
            writing.set(false);
            writer.join();

            Awaitility.await("every change in the topic").atMost(TIMEOUT).pollInterval(Duration.ofMillis(500))
                    .until(() -> TopicChanges.read(kafka, KAFKA_TOPIC).streamed() >= made.total());
            TopicChanges seen = TopicChanges.read(kafka, KAFKA_TOPIC);
            assertThat(readBeforeTheKill).as("killed during the snapshot").isLessThan(DOCUMENTS);
            assertThat(seen.readIds()).as("every document in a snapshot").hasSize(DOCUMENTS);
            assertThat(seen.changes()).as("each change once").isEqualTo(made.expected());
            runtime.destroy();
            assertThat(runtime.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).as("stops when asked").isTrue();
        } finally {
            if (runtime != null) {
                runtime.destroyForcibly().waitFor();
            }
            Path log = directory.resolve("runtime.log");
            if (Files.exists(log)) {
                Files.copy(log, Path.of("target", "mongo-kafka-runtime.log"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            sourceServer.shutdownNow();
        }
    }

    /** What the writer did and the server acknowledged, as the events each change makes: "c 7", "u 4", "d 9". */
    private static final class ChangesMade {
        private final Map<String, Integer> counts = new java.util.concurrent.ConcurrentHashMap<>();
        private final AtomicInteger total = new AtomicInteger();

        void made(String op, int id) {
            counts.merge(op + " " + id, 1, Integer::sum);
            total.incrementAndGet();
        }

        int total() {
            return total.get();
        }

        Map<String, Integer> expected() {
            return new java.util.TreeMap<>(counts);
        }
    }

    /** Inserts new documents, updates even ids and deletes odd ones (each once), until told to stop. */
    private static void writeCountingEach(MongoCollection<Document> source, AtomicBoolean writing, ChangesMade made) {
        Random random = new Random(21);
        int next = DOCUMENTS;
        java.util.Set<Integer> deleted = new java.util.HashSet<>();
        while (writing.get()) {
            int id = random.nextInt(DOCUMENTS);
            switch (random.nextInt(3)) {
                case 0 -> {
                    source.insertOne(new Document("_id", next).append("version", 0L));
                    made.made("c", next++);
                }
                case 1 -> {
                    int odd = id | 1;
                    if (deleted.add(odd)) {
                        source.deleteOne(Filters.eq("_id", odd));
                        made.made("d", odd);
                    }
                }
                default -> {
                    int even = id & ~1;
                    source.updateOne(Filters.eq("_id", even), Updates.inc("version", 1L));
                    made.made("u", even);
                }
            }
        }
    }

    /** The change events of a topic as a read_committed consumer sees them. */
    private record TopicChanges(java.util.Set<String> readIds, Map<String, Integer> changes) {
        static TopicChanges read(TestingKafka kafka, String topic) {
            java.util.Set<String> reads = new java.util.HashSet<>();
            Map<String, Integer> changes = new java.util.TreeMap<>();
            List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> records;
            try {
                records = kafka.readAll(topic, new StringDeserializer(), new StringDeserializer(),
                        IsolationLevel.READ_COMMITTED);
            } catch (RuntimeException notYet) {
                return new TopicChanges(reads, changes); // the topic does not exist yet
            }
            for (var record : records) {
                if (record.value() == null) {
                    continue; // a delete's tombstone
                }
                String id = payload(record.key()).get("id").asText();
                String op = payload(record.value()).get("op").asText();
                if (op.equals("r")) {
                    reads.add(id);
                } else {
                    changes.merge(op + " " + id, 1, Integer::sum);
                }
            }
            return new TopicChanges(reads, changes);
        }

        boolean isEmpty() {
            return readIds.isEmpty() && changes.isEmpty();
        }

        int streamed() {
            return changes.values().stream().mapToInt(Integer::intValue).sum();
        }

        private static com.fasterxml.jackson.databind.JsonNode payload(String json) {
            try {
                com.fasterxml.jackson.databind.JsonNode node = JSON.readTree(json);
                return node.has("payload") ? node.get("payload") : node;
            } catch (java.io.IOException e) {
                throw new AssertionError("not JSON: " + json, e);
            }
        }
    }

    /** Inserts, updates and deletes at random until told to stop. */
    private static void write(MongoCollection<Document> source, AtomicBoolean writing, AtomicInteger changes) {
        Random random = new Random(4);
        int next = DOCUMENTS;
        while (writing.get()) {
            int id = random.nextInt(next);
            switch (random.nextInt(4)) {
                case 0 -> source.insertOne(new Document("_id", next++).append("version", 0L));
                case 1 -> source.deleteOne(Filters.eq("_id", id));
                default -> source.updateOne(Filters.eq("_id", id), Updates.combine(Updates.inc("version", 1L),
                        Updates.set("tags", List.of("c"))));
            }
            changes.incrementAndGet();
        }
    }

    private static Path pipelineFile(Path directory, String sourceUri, String targetUri) throws Exception {
        Properties pipeline = pipeline(directory, sourceUri);
        pipeline.setProperty("sink.target.type", "mongodb");
        pipeline.setProperty("sink.target.connection.uri", targetUri);
        pipeline.setProperty("sink.target.database", "shop");
        pipeline.setProperty("sink.target.collection", "products");
        return store(pipeline, directory);
    }

    /** The MongoDB source of shop.products into one sink, "target", whose settings the caller adds. */
    private static Properties pipeline(Path directory, String sourceUri) {
        Properties pipeline = new Properties();
        pipeline.setProperty("name", "replication");
        pipeline.setProperty("connector.class", "io.debezium.connector.mongodb.MongoDbConnector");
        pipeline.setProperty("mongodb.connection.string", sourceUri);
        pipeline.setProperty("topic.prefix", "docdb");
        pipeline.setProperty("collection.include.list", "shop\\.products");
        pipeline.setProperty("sinks", "target");
        pipeline.setProperty("offset.storage.dir", directory.resolve("offsets").toString());
        pipeline.setProperty("rest.port", "-1");
        return pipeline;
    }

    private static Path store(Properties pipeline, Path directory) throws Exception {
        Path file = directory.resolve("replication.properties");
        try (OutputStream out = Files.newOutputStream(file)) {
            pipeline.store(out, null);
        }
        return file;
    }
}
