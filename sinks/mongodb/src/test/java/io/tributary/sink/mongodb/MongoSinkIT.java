package io.tributary.sink.mongodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.tributary.api.ChangeRecord;
import io.tributary.api.EventSchema.Type;
import io.tributary.api.EventSchema;
import io.tributary.api.SinkException;
import io.tributary.core.tls.TlsFileOptions;
import io.tributary.testkit.TestingCertificate;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MongoDB sink through the official sync driver against mongo-java-server, an in-process implementation of
 * MongoDB's wire protocol (no mongod runs here; DESIGN.md): envelopes, unwrapped rows, tombstones, ids.
 */
class MongoSinkIT {
    private static final EventSchema KEY = EventSchema.struct("s.shop.items.Key", EventSchema.fieldsBuilder()
            .add("id", EventSchema.of(Type.INT32)).build());
    private static final EventSchema ROW = EventSchema.struct("s.shop.items.Value", EventSchema.fieldsBuilder()
            .add("id", EventSchema.of(Type.INT32))
            .add("name", EventSchema.of(Type.STRING).asOptional())
            .add("price", EventSchema.of(Type.BYTES).withName(EventSchema.DECIMAL, 1).withParameter("scale", "2"))
            .add("tags", EventSchema.of(Type.STRING).withName("io.debezium.data.Json", 1).asOptional())
            .build());
    private static final EventSchema ENVELOPE = EventSchema.struct("s.shop.items.Envelope", EventSchema.fieldsBuilder()
            .add("before", ROW.asOptional()).add("after", ROW.asOptional()).add("op", EventSchema.of(Type.STRING))
            .build());

    private MongoServer server;
    private String uri;
    private MongoClient client;

    @BeforeEach
    void startServer() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        uri = "mongodb://127.0.0.1:" + address.getPort();
        client = MongoClients.create(uri);
    }

    @AfterEach
    void stopServer() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void changesUpsertAndDeleteDocumentsByKeyInOrder() {
        try (MongoSink sink = start(Map.of())) {
            Object[] one = row(1, "pen", "1.50", "{\"colour\":\"blue\",\"sizes\":[1,2]}");
            Object[] two = row(2, "ink", "7.25", null);
            sink.write(List.of(envelope("r", null, one), envelope("c", null, two)));
            sink.flush();
            List<ChangeRecord> changes = new ArrayList<>();
            changes.add(envelope("u", one, row(1, "fountain pen", "1.75", null)));
            changes.add(envelope("d", two, null));
            changes.add(new ChangeRecord("s.shop.items", KEY, new Object[] {2}, null, null, Map.of(), Map.of()));
            changes.add(envelope("c", null, row(3, "cap", "2.00", "[1,\"a\"]")));
            changes.add(envelope("d", row(3, "cap", "2.00", null), null));
            changes.add(envelope("c", null, row(3, "lid", "2.50", null)));
            sink.write(changes);
            sink.flush();

            List<Document> documents = client.getDatabase("shop").getCollection("s.shop.items").find()
                    .into(new ArrayList<>());
            assertThat(documents).extracting(document -> document.get("_id")).containsExactlyInAnyOrder(1, 3);
            Document first = documents.stream().filter(d -> d.get("_id").equals(1)).findFirst().orElseThrow();
            assertThat(first.getString("name")).isEqualTo("fountain pen");
            assertThat(first.get("price")).isEqualTo(new Decimal128(new BigDecimal("1.75")));
            assertThat(first.get("tags")).isNull();
            Document third = documents.stream().filter(d -> d.get("_id").equals(3)).findFirst().orElseThrow();
            assertThat(third.getString("name")).as("ordered: the re-insert after the delete wins").isEqualTo("lid");
        }
    }

    @Test
    void manyPendingWritesAreSentWithoutWaitingForTheFlush() {
        try (MongoSink sink = start(Map.of())) {
            List<ChangeRecord> records = new ArrayList<>();
            for (int id = 1; id <= MongoSink.SEND_AT; id++) {
                records.add(envelope("r", null, row(id, "pen", "1.50", null)));
            }
            sink.write(records.subList(0, 10));
            assertThat(client.getDatabase("shop").getCollection("s.shop.items").countDocuments())
                    .as("10 writes wait for the flush").isZero();

            sink.write(records.subList(10, records.size()));

            assertThat(client.getDatabase("shop").getCollection("s.shop.items").countDocuments())
                    .isEqualTo(MongoSink.SEND_AT);
        }
    }

    @Test
    void jsonColumnsBecomeDocumentsAndIdsCanComeFromValueFields() {
        try (MongoSink sink = start(Map.of("document.id.fields", "name,id"))) {
            sink.write(List.of(envelope("c", null, row(1, "pen", "1.50", "{\"colour\":\"blue\",\"sizes\":[1,2]}"))));
            sink.flush();

            Document document = client.getDatabase("shop").getCollection("s.shop.items").find().first();
            assertThat(document.get("_id")).isEqualTo(new Document("name", "pen").append("id", 1));
            assertThat(document.get("tags", Document.class).getString("colour")).isEqualTo("blue");
            assertThat(document.get("tags", Document.class).getList("sizes", Integer.class)).containsExactly(1, 2);
        }
    }

    @Test
    void aBadConnectionStringIsReportedWithoutRepeatingIt() {
        MongoSink sink = new MongoSink();
        assertThatThrownBy(() -> sink.start("shop", Map.of("connection.uri", "postgres://u:Pw-123@h/x",
                "database", "shop")))
                .isInstanceOf(SinkException.class)
                .hasMessageContaining("connection.uri is not a MongoDB connection string")
                .hasMessageNotContaining("Pw-123");
    }

    @Test
    void aTlsServerIsTrustedThroughTheConnectionStringsCaFile(@TempDir Path directory) throws Exception {
        TestingCertificate certificate = TestingCertificate.create(directory);
        MongoServer tlsServer = new MongoServer(new MemoryBackend());
        tlsServer.enableSsl(certificate.key(), null, certificate.certificate());
        String tlsUri = "mongodb://localhost:" + tlsServer.bind().getPort() + "/?tls=true&tlsCAFile="
                + certificate.pemFile();
        TlsFileOptions tls = TlsFileOptions.of(tlsUri);
        try (MongoSink sink = start(Map.of("connection.uri", tlsUri));
                MongoClient reader = MongoClients.create(MongoClientSettings.builder()
                        .applyConnectionString(new ConnectionString(tls.connectionString()))
                        .applyToSslSettings(ssl -> ssl.context(tls.sslContext().orElseThrow())).build())) {
            sink.write(List.of(envelope("c", null, row(1, "pen", "1.50", null))));
            sink.flush();

            assertThat(reader.getDatabase("shop").getCollection("s.shop.items").find().into(new ArrayList<>()))
                    .extracting(document -> document.get("name")).containsExactly("pen");
        } finally {
            tlsServer.shutdownNow();
        }
    }

    @Test
    void aClientCertificateIsRefusedRatherThanIgnored() {
        MongoSink sink = new MongoSink();
        assertThatThrownBy(() -> sink.start("shop", Map.of("connection.uri", uri + "/?tls=true"
                + "&tlsCertificateKeyFile=/etc/client.pem", "database", "shop")))
                .isInstanceOf(SinkException.class)
                .hasMessageContaining("connection.uri: the connection string's tlsCertificateKeyFile (a client "
                        + "certificate) is not supported");
    }

    private MongoSink start(Map<String, String> overrides) {
        Map<String, String> config = new HashMap<>(Map.of("connection.uri", uri, "database", "shop"));
        config.putAll(overrides);
        MongoSink sink = new MongoSink();
        sink.start("shop", config);
        return sink;
    }

    private static Object[] row(int id, String name, String price, String tags) {
        return new Object[] {id, name, new BigDecimal(price), tags};
    }

    private static ChangeRecord envelope(String op, Object[] before, Object[] after) {
        Object[] key = {after != null ? after[0] : before[0]};
        return new ChangeRecord("s.shop.items", KEY, key, ENVELOPE, new Object[] {before, after, op}, Map.of(),
                Map.of());
    }
}
