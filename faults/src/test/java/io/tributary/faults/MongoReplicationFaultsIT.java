package io.tributary.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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

    @Test
    void killedDuringTheSnapshotAndWhileStreamingTheReplicaConverges(@TempDir Path directory) throws Exception {
        MongoServer sourceServer = new MongoServer(new MemoryBackend());
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

            runtime = ChildJvm.start(ServerMain.class, log, file.toString());
            Awaitility.await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(10))
                    .until(() -> target.countDocuments() > 0);
            runtime.destroyForcibly().waitFor();
            long copiedBeforeTheKill = target.countDocuments();

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
        Properties pipeline = new Properties();
        pipeline.setProperty("name", "replication");
        pipeline.setProperty("connector.class", "io.debezium.connector.mongodb.MongoDbConnector");
        pipeline.setProperty("mongodb.connection.string", sourceUri);
        pipeline.setProperty("topic.prefix", "docdb");
        pipeline.setProperty("collection.include.list", "shop\\.products");
        pipeline.setProperty("sinks", "target");
        pipeline.setProperty("sink.target.type", "mongodb");
        pipeline.setProperty("sink.target.connection.uri", targetUri);
        pipeline.setProperty("sink.target.database", "shop");
        pipeline.setProperty("sink.target.collection", "products");
        pipeline.setProperty("offset.storage.dir", directory.resolve("offsets").toString());
        pipeline.setProperty("rest.port", "-1");
        Path file = directory.resolve("replication.properties");
        try (OutputStream out = Files.newOutputStream(file)) {
            pipeline.store(out, null);
        }
        return file;
    }
}
