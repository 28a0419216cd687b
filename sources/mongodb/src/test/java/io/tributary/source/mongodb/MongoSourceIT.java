package io.tributary.source.mongodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import ch.qos.logback.classic.Level;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.tributary.api.ChangeRecord;
import io.tributary.core.tls.TlsFileOptions;
import io.tributary.testkit.LogCapture;
import io.tributary.testkit.TestingCertificate;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MongoDB source against mongo-java-server with its oplog on (change streams per collection: inserts, updates,
 * replacements and deletes, resume tokens, update lookup) — the server these tests have; it gives no
 * updateDescription, transactions or pre-images (those events are decoded in {@code MongoEventsTest} and compared
 * with Debezium's in compat-mongodb), and its oplog never loses history ({@link HistoryLosingBackend} adds that). The documents' JSON, the keys and the
 * source blocks are compared with the strings Debezium 3.5's MongoDB connector writes for the same documents.
 */
class MongoSourceIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** The server's data and oplog, kept when it shuts down (as a server's data directory is), for restarts. */
    private final HistoryLosingBackend backend = new HistoryLosingBackend();
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

    /** skipped.operations: the changes of the operations it names are not captured, the others are. */
    @Test
    void aTlsServerIsTrustedThroughTheConnectionStringsCaFile(@TempDir Path directory) throws Exception {
        TestingCertificate certificate = TestingCertificate.create(directory);
        MongoServer tlsServer = new MongoServer(new MemoryBackend());
        tlsServer.enableSsl(certificate.key(), null, certificate.certificate());
        tlsServer.enableOplog();
        String address = "mongodb://localhost:" + tlsServer.bind().getPort() + "/?tls=true";
        try {
            // the driver alone does not read tlsCAFile: it trusts the JVM's authorities only, and refuses this server
            try (MongoClient untrusting = MongoClients.create(address + "&serverSelectionTimeoutMS=2000"
                    + "&tlsCAFile=" + certificate.pemFile())) {
                assertThatThrownBy(() -> untrusting.getDatabase("shop").runCommand(new Document("ping", 1)))
                        .hasStackTraceContaining("PKIX");
            }
            TlsFileOptions tls = TlsFileOptions.of(address + "&tlsCAFile=" + certificate.pemFile());
            try (MongoClient writer = MongoClients.create(MongoClientSettings.builder()
                    .applyConnectionString(new ConnectionString(tls.connectionString()))
                    .applyToSslSettings(ssl -> ssl.context(tls.sslContext().orElseThrow())).build())) {
                writer.getDatabase("shop").getCollection("orders").insertOne(new Document("_id", 1));
                MongoSource source = start(Optional.empty(), Map.of("mongodb.connection.string",
                        address + "&tlsCAFile=" + certificate.pemFile()));
                assertThat(poll(source, 1)).extracting(record -> value(record)[4] + " " + key(record))
                        .containsExactly("r 1");
                writer.getDatabase("shop").getCollection("orders").insertOne(new Document("_id", 2));
                assertThat(poll(source, 1)).extracting(record -> value(record)[4] + " " + key(record))
                        .containsExactly("c 2");
            }
        } finally {
            tlsServer.shutdownNow();
        }
    }

    @Test
    void skippedOperationsAreNotCaptured() throws Exception {
        MongoCollection<Document> orders = client.getDatabase("shop").getCollection("orders");
        orders.insertOne(new Document("_id", 1));
        MongoSource source = start(Optional.empty(), Map.of("skipped.operations", "u,d"));
        assertThat(poll(source, 1)).extracting(record -> value(record)[4] + " " + key(record))
                .containsExactly("r 1");

        orders.updateOne(Filters.eq("_id", 1), Updates.set("status", "paid"));
        orders.replaceOne(Filters.eq("_id", 1), new Document("_id", 1).append("status", "sent"));
        orders.deleteOne(Filters.eq("_id", 1));
        orders.insertOne(new Document("_id", 2));

        assertThat(poll(source, 1)).extracting(record -> value(record)[4] + " " + key(record))
                .containsExactly("c 2");
    }

    /** The server down when the source starts: retried until it is up, then the snapshot and the stream. */
    @Test
    void aSourceStartedWhileTheServerIsDownCapturesOnceItIsUp() throws Exception {
        InetSocketAddress address = server.getLocalAddress();
        client.getDatabase("shop").getCollection("orders").insertOne(new Document("_id", 1));
        server.shutdownNow();
        client.close();
        connectionString += "/?serverSelectionTimeoutMS=500";
        MongoSource source;
        try (LogCapture log = new LogCapture(Level.WARN, MongoSource.class.getName())) {
            source = start(Optional.empty(), Map.of("errors.max.retries", "-1", "errors.retry.delay.initial.ms",
                    "50", "errors.retry.delay.max.ms", "200"));
            Awaitility.await("the source to retry").atMost(TIMEOUT).until(() -> log.lines().stream()
                    .anyMatch(line -> line.contains("lost the connection to MongoDB") && line.contains("retry 2")));
        }
        assertThat(source.poll()).isEmpty();
        server = new MongoServer(backend);
        server.bind(address);
        client = MongoClients.create(connectionString);

        assertThat(poll(source, 1)).extracting(MongoSourceIT::key).containsExactly("1");
        client.getDatabase("shop").getCollection("orders").insertOne(new Document("_id", 2));
        assertThat(poll(source, 1)).extracting(MongoSourceIT::key).containsExactly("2");
    }

    /**
     * The server down in the middle of the snapshot (the source's reader blocked on the hand-off with a cursor open):
     * the source retries, and once the server is back reads the collection again — every document read, the last
     * one marked, and streaming goes on after it.
     */
    @Test
    void aServerRestartDuringTheSnapshotIsRetriedWithNothingLost() throws Exception {
        InetSocketAddress address = server.getLocalAddress();
        List<Document> documents = new ArrayList<>();
        for (int id = 0; id < 3_000; id++) {
            documents.add(new Document("_id", id).append("name", "item " + id));
        }
        client.getDatabase("shop").getCollection("orders").insertMany(documents);
        connectionString += "/?serverSelectionTimeoutMS=500";
        MongoSource source = start(Optional.empty(), Map.of("errors.max.retries", "-1",
                "errors.retry.delay.initial.ms", "50", "errors.retry.delay.max.ms", "200", "max.batch.size", "100",
                "max.queue.size", "100"));
        List<ChangeRecord> read = new ArrayList<>();
        Awaitility.await("the snapshot's first records").atMost(TIMEOUT).until(() -> {
            read.addAll(source.poll());
            return read.size() >= 100;
        });

        try (LogCapture log = new LogCapture(Level.WARN, MongoSource.class.getName())) {
            server.shutdownNow();
            client.close();
            Awaitility.await("the source to retry").atMost(TIMEOUT).until(() -> {
                read.addAll(source.poll());
                return log.lines().stream().anyMatch(line -> line.contains("lost the connection to MongoDB")
                        && line.contains("retry 2"));
            });
        }
        assertThat(read).as("read before the server came back").hasSizeLessThan(3_000);
        server = new MongoServer(backend);
        server.bind(address);
        client = MongoClients.create(connectionString);
        Awaitility.await("every document").atMost(TIMEOUT).until(() -> {
            read.addAll(source.poll());
            return !read.isEmpty() && "last".equals(source(read.get(read.size() - 1))[4]);
        });

        assertThat(read).extracting(MongoSourceIT::key).containsAll(
                java.util.stream.IntStream.range(0, 3_000).mapToObj(String::valueOf).toList());
        assertThat(read).filteredOn(record -> "last".equals(source(record)[4])).as("the snapshot's last record")
                .hasSize(1);
        client.getDatabase("shop").getCollection("orders").insertOne(new Document("_id", 3_000));
        assertThat(poll(source, 1)).extracting(MongoSourceIT::key).containsExactly("3000");
    }

    /**
     * The capture modes' requests reach the server and the events flow. What they change in an update's event is
     * proven by the decoded events of compat-mongodb (updates with a description only, with a pre-image, with both):
     * this server leaves an update's documentKey without the _id, so without the lookup an update here names no
     * document (logged, not captured); and it keeps no pre-images, so those asked for "when available" are absent.
     */
    @Test
    void captureModesAskForWhatTheyNameAndTheEventsFlow() throws Exception {
        MongoCollection<Document> orders = client.getDatabase("shop").getCollection("orders");
        orders.insertOne(new Document("_id", 1).append("name", "x"));
        MongoSource descriptions = start(Optional.empty(), Map.of("capture.mode", "change_streams"));
        MongoSource preImages = start(Optional.empty(), Map.of("capture.mode",
                "change_streams_update_full_with_pre_image", "topic.prefix", "pre"));
        // the snapshot read: its stream starts from before the snapshot
        poll(descriptions, 1);
        poll(preImages, 1);

        orders.updateOne(Filters.eq("_id", 1), Updates.set("name", "y"));
        orders.insertOne(new Document("_id", 2).append("name", "z"));
        orders.deleteOne(Filters.eq("_id", 2));

        assertThat(poll(descriptions, 3)).extracting(record -> record.isTombstone() ? "tombstone"
                : value(record)[4] + " " + key(record) + " " + value(record)[1]).containsExactly(
                        "c 2 {\"_id\": 2,\"name\": \"z\"}", "d 2 null", "tombstone");
        assertThat(poll(preImages, 4)).extracting(record -> record.isTombstone() ? "tombstone"
                : value(record)[4] + " " + value(record)[0] + " " + value(record)[1]).containsExactly(
                        "u null {\"_id\": 1,\"name\": \"y\"}", "c null {\"_id\": 2,\"name\": \"z\"}",
                        "d null null", "tombstone");
    }

    @Test
    void snapshotModeAlwaysSnapshotsOnEveryStartAndInitialOnlyNeverStreams() throws Exception {
        MongoCollection<Document> orders = client.getDatabase("shop").getCollection("orders");
        orders.insertOne(new Document("_id", 1));
        MongoSource always = start(Optional.empty(), Map.of("snapshot.mode", "always"));
        MongoSource initialOnly = start(Optional.empty(), Map.of("snapshot.mode", "initial_only",
                "topic.prefix", "once"));
        ChangeRecord alwaysRead = poll(always, 1).get(0);
        ChangeRecord onlyRead = poll(initialOnly, 1).get(0);
        assertThat(value(onlyRead)[4]).isEqualTo("r");

        orders.insertOne(new Document("_id", 2));
        assertThat(poll(always, 1)).extracting(record -> value(record)[4] + " " + key(record)).containsExactly("c 2");
        always.close();
        MongoSource again = start(Optional.of(alwaysRead.offset()), Map.of("snapshot.mode", "always"));
        assertThat(poll(again, 2)).extracting(record -> value(record)[4] + " " + key(record))
                .containsExactly("r 1", "r 2");

        // the change above was made after initial_only's snapshot: it is not streamed, now or after a restart
        assertThat(initialOnly.poll()).isEmpty();
        initialOnly.close();
        MongoSource restarted = start(Optional.of(onlyRead.offset()), Map.of("snapshot.mode", "initial_only",
                "topic.prefix", "once"));
        orders.insertOne(new Document("_id", 3));
        orders.insertOne(new Document("_id", 4));
        assertThat(poll(again, 2)).as("a change both would stream").extracting(record -> key(record))
                .containsExactly("3", "4");
        assertThat(restarted.poll()).isEmpty();
    }

    /**
     * Stopped, and the oplog rolls past the stored offset (the test server's backend is told to lose that history,
     * as a capped oplog does): snapshot.mode=initial stops with an error saying what was lost and what to do;
     * when_needed takes a new snapshot and streams on from it.
     */
    @Test
    void anOffsetTheOplogNoLongerHoldsFailsClearlyOrIsSnapshottedAgainWhenNeeded() throws Exception {
        MongoCollection<Document> orders = client.getDatabase("shop").getCollection("orders");
        orders.insertOne(new Document("_id", 1));
        MongoSource source = start(Optional.empty(), Map.of("snapshot.mode", "when_needed"));
        poll(source, 1);
        orders.insertOne(new Document("_id", 2));
        Map<String, ?> stored = poll(source, 1).get(0).offset();
        source.close();
        orders.insertOne(new Document("_id", 3));
        orders.deleteOne(Filters.eq("_id", 1));
        backend.loseHistoryBefore(newestOplogEntry());

        MongoSource initial = start(Optional.of(stored), Map.of("snapshot.mode", "initial"));
        Awaitility.await("the source to fail").atMost(TIMEOUT).until(() -> {
            try {
                initial.poll();
                return false;
            } catch (io.tributary.api.SourceException e) {
                assertThat(e.getMessage()).contains("cannot resume from the stored offset", "shop.orders",
                        "the oplog no longer holds it", "ChangeStreamHistoryLost", "delete its offset",
                        "snapshot.mode=when_needed");
                assertThat(e.isRetriable()).isFalse();
                return true;
            }
        });

        MongoSource whenNeeded = start(Optional.of(stored), Map.of("snapshot.mode", "when_needed"));
        assertThat(poll(whenNeeded, 2)).extracting(record -> value(record)[4] + " " + key(record))
                .containsExactly("r 2", "r 3");
        orders.insertOne(new Document("_id", 4));
        assertThat(poll(whenNeeded, 1)).extracting(record -> value(record)[4] + " " + key(record))
                .containsExactly("c 4");
    }

    @Test
    void collectionsAndDatabasesCreatedWhileStreamingAreCapturedFromTheirFirstChange() throws Exception {
        client.getDatabase("shop").getCollection("orders").insertOne(new Document("_id", 1));
        MongoSource source = start(Optional.empty(), Map.of("collection.include.list", "shop\\..*,outlet\\.sales",
                "mongodb.poll.interval.ms", "1000"));
        poll(source, 1);

        MongoCollection<Document> returns = client.getDatabase("shop").getCollection("returns");
        for (int id = 1; id <= 3; id++) {
            returns.insertOne(new Document("_id", id));
        }
        returns.updateOne(Filters.eq("_id", 2), Updates.set("why", "broken"));
        client.getDatabase("outlet").getCollection("sales").insertOne(new Document("_id", "s1"));
        client.getDatabase("outlet").getCollection("stock").insertOne(new Document("_id", "not captured"));

        assertThat(poll(source, 5))
                .extracting(record -> record.topic() + " " + value(record)[4] + " " + key(record))
                .containsExactlyInAnyOrder("shop.shop.returns c 1", "shop.shop.returns c 2", "shop.shop.returns c 3",
                        "shop.shop.returns u 2", "shop.outlet.sales c \"s1\"");
    }

    /**
     * Debezium's heartbeat records at heartbeat.interval.ms, carrying the offset; a restart from a heartbeat's offset
     * repeats nothing. (On a real server a quiet collection's resume token moves forward with the server's
     * post-batch token; this server sends none, so here the tokens stay those of the last changes.)
     */
    @Test
    void heartbeatsCarryTheOffsetAndARestartFromOneRepeatsNothing() throws Exception {
        MongoCollection<Document> orders = client.getDatabase("shop").getCollection("orders");
        orders.insertOne(new Document("_id", 1));
        MongoSource source = start(Optional.empty(), Map.of("heartbeat.interval.ms", "100"));
        List<ChangeRecord> records = new ArrayList<>();
        Awaitility.await("the snapshot read").atMost(TIMEOUT).until(() -> {
            records.addAll(source.poll());
            return records.stream().anyMatch(record -> record.topic().equals("shop.shop.orders"));
        });
        orders.insertOne(new Document("_id", 2));

        Awaitility.await("a heartbeat after the change").atMost(TIMEOUT).until(() -> {
            records.addAll(source.poll());
            return records.stream().anyMatch(record -> record.topic().equals("shop.shop.orders")
                    && value(record)[4].equals("c")) && records.get(records.size() - 1).topic()
                            .startsWith("__debezium-heartbeat");
        });
        ChangeRecord change = records.stream().filter(record -> record.topic().equals("shop.shop.orders")
                && value(record)[4].equals("c")).findFirst().orElseThrow();
        ChangeRecord heartbeat = records.get(records.size() - 1);
        assertThat(heartbeat.topic()).isEqualTo("__debezium-heartbeat.shop");
        assertThat(heartbeat.keySchema().name()).contains("io.debezium.connector.common.ServerNameKey");
        assertThat((Object[]) heartbeat.key()).containsExactly("shop");
        assertThat(heartbeat.valueSchema().name()).contains("io.debezium.connector.common.Heartbeat");
        assertThat((Long) ((Object[]) heartbeat.value())[0]).isPositive();
        assertThat(heartbeat.partition()).isEqualTo(change.partition());
        assertThat(heartbeat.offset()).isEqualTo(change.offset());

        source.close();
        orders.insertOne(new Document("_id", 3));
        MongoSource restarted = start(Optional.of(heartbeat.offset()));
        assertThat(poll(restarted, 1)).extracting(record -> value(record)[4] + " " + key(record))
                .containsExactly("c 3");
    }

    private org.bson.BsonTimestamp newestOplogEntry() {
        return client.getDatabase("local").getCollection("oplog.rs").find()
                .sort(new Document("$natural", -1)).first().get("ts", org.bson.BsonTimestamp.class);
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
        return poll(source, count, TIMEOUT);
    }

    private static List<ChangeRecord> poll(MongoSource source, int count, Duration timeout)
            throws InterruptedException {
        List<ChangeRecord> records = new ArrayList<>();
        Awaitility.await("%d records".formatted(count)).atMost(timeout).until(() -> {
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
