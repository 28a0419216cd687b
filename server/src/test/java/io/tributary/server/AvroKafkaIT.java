package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.tributary.testkit.TestingKafka;
import io.tributary.testkit.TestingMariaDb;
import io.tributary.testkit.TestingSchemaRegistry;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seed 002's converters — {@code io.confluent.connect.avro.AvroConverter} for keys and values with a schema registry,
 * the worker settings of its fixture, whose misspelt registry key is an error naming the right one — through the
 * standalone runtime into Kafka, on a real registry (Apicurio's Confluent-compatible API), read back by
 * Apicurio's Kafka Avro deserializer: the snapshot and streamed changes decode; ADD and DROP COLUMN register new
 * versions under the registry's BACKWARD rule, and events before and after decode with their own schemas; a change the
 * rule refuses stops the pipeline with an error naming the subject and the rule, and once the rule allows it the
 * pipeline resumes at that event, nothing lost.
 */
class AvroKafkaIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final String TOPIC = "shop.shop.items";
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void seed002sAvroConvertersWriteEventsAConsumerDecodesAcrossSchemaChanges(@TempDir Path directory)
            throws Exception {
        try (TestingMariaDb mariaDb = TestingMariaDb.create();
                TestingKafka kafka = TestingKafka.create();
                TestingSchemaRegistry registry = TestingSchemaRegistry.create()) {
            mariaDb.execute("CREATE DATABASE shop",
                    "CREATE TABLE shop.items (id INT PRIMARY KEY, name VARCHAR(20), price DECIMAL(10,2))",
                    "INSERT INTO shop.items VALUES (1, 'pen', 1.50), (2, 'ink', NULL)");
            Map<String, String> pipeline = StandalonePipelineIT.pipeline(mariaDb, kafka, directory, "false");
            pipeline.put("sinks", "kafka");
            pipeline.remove("sink.files.type");
            pipeline.remove("sink.files.directory");
            // seed 002's worker settings as its environment gives them: the registry URL's key is misspelt, which
            // is an error naming the right one (the worker's internal converters, JSON, are what Kafka does anyway)
            Map<String, String> seed = seed002();
            Map<String, String> asWritten = new java.util.HashMap<>(pipeline);
            asWritten.putAll(seed);
            assertThatThrownBy(() -> PipelineValidation.validate("shop.properties", asWritten, new SinkRegistry()))
                    .hasMessageStartingWith("4 configuration problems")
                    .hasMessageContaining("key.converter.schema.registry.ur: ")
                    .hasMessageContaining("did you mean key.converter.schema.registry.url?")
                    .hasMessageContaining("key.converter.schema.registry.url: required by "
                            + "io.confluent.connect.avro.AvroConverter");
            // corrected as the errors say, the registry's endpoint changed: the keys' as the pipeline's (reaching
            // every sink), the values' as the Kafka sink's
            pipeline.put("key.converter", seed.get("key.converter"));
            pipeline.put("key.converter.schema.registry.url", registry.confluentUrl());
            pipeline.put("sink.kafka.value.converter", seed.get("value.converter"));
            pipeline.put("sink.kafka.value.converter.schema.registry.url", registry.confluentUrl());

            try (TributaryServer server = TributaryServer.start("shop.properties", pipeline)) {
                awaitEvents(kafka, registry, 2);
                mariaDb.execute("INSERT INTO shop.items VALUES (3, 'nib', 0.25)",
                        "ALTER TABLE shop.items ADD COLUMN note VARCHAR(10) NULL",
                        "INSERT INTO shop.items VALUES (4, 'pad', 3.00, 'lined')",
                        "ALTER TABLE shop.items DROP COLUMN price",
                        "UPDATE shop.items SET name = 'quill' WHERE id = 1");
                List<GenericRecord> events = awaitEvents(kafka, registry, 5);

                assertThat(events).extracting(event -> event.get("op").toString())
                        .containsExactly("r", "r", "c", "c", "u");
                GenericRecord snapshot = (GenericRecord) events.get(0).get("after");
                assertThat(snapshot.get("name").toString()).isEqualTo("pen");
                assertThat(snapshot.getSchema().getField("price")).isNotNull();
                assertThat(snapshot.getSchema().getField("note")).isNull();
                GenericRecord withNote = (GenericRecord) events.get(3).get("after");
                assertThat(withNote.get("note").toString()).isEqualTo("lined");
                GenericRecord withoutPrice = (GenericRecord) events.get(4).get("after");
                assertThat(withoutPrice.getSchema().getField("price")).isNull();
                assertThat(withoutPrice.get("name").toString()).isEqualTo("quill");
                assertThat(((GenericRecord) events.get(4).get("source")).get("table").toString()).isEqualTo("items");
                assertThat(get(registry.confluentUrl() + "/subjects/" + TOPIC + "-value/versions"))
                        .isEqualTo("[1,2,3]");
                assertThat(get(registry.confluentUrl() + "/subjects/" + TOPIC + "-key/versions")).isEqualTo("[1]");

                // a required column without a default: BACKWARD cannot read the older events with it
                mariaDb.execute("ALTER TABLE shop.items ADD COLUMN code INT NOT NULL",
                        "INSERT INTO shop.items VALUES (5, 'cap', NULL, 7)");
                Awaitility.await().atMost(TIMEOUT).until(() -> server.pipeline().state() == Pipeline.State.FAILED);
                assertThat(server.pipeline().error().orElseThrow())
                        .contains("subject " + TOPIC + "-value").contains("BACKWARD");
            }
            assertThat(events(kafka, registry)).hasSize(5);

            put(registry.confluentUrl() + "/config/" + TOPIC + "-value", "{\"compatibility\":\"NONE\"}");
            try (TributaryServer server = TributaryServer.start("shop.properties", pipeline)) {
                List<GenericRecord> events = awaitEvents(kafka, registry, 6);
                GenericRecord added = (GenericRecord) events.get(5).get("after");
                assertThat(added.get("id")).isEqualTo(5);
                assertThat(added.get("code")).isEqualTo(7);
            }
        }
    }

    private static Map<String, String> seed002() throws java.io.IOException {
        java.util.Properties seed = new java.util.Properties();
        try (java.io.InputStream in = AvroKafkaIT.class.getResourceAsStream(
                "/seeds/002-connect-avro-worker.properties")) {
            seed.load(in);
        }
        Map<String, String> settings = new java.util.HashMap<>();
        seed.stringPropertyNames().forEach(key -> settings.put(key, seed.getProperty(key)));
        return settings;
    }

    private static List<GenericRecord> awaitEvents(TestingKafka kafka, TestingSchemaRegistry registry, int count) {
        Awaitility.await().atMost(TIMEOUT).until(() -> events(kafka, registry).size() >= count);
        return events(kafka, registry);
    }

    /** Every value of the topic, decoded by Apicurio's Avro deserializer in Confluent's wire format. */
    private static List<GenericRecord> events(TestingKafka kafka, TestingSchemaRegistry registry) {
        List<ConsumerRecord<byte[], byte[]>> records;
        try {
            records = kafka.readAll(TOPIC, new ByteArrayDeserializer(), new ByteArrayDeserializer(),
                    IsolationLevel.READ_UNCOMMITTED);
        } catch (RuntimeException notYet) {
            return List.of();
        }
        try (AvroKafkaDeserializer<GenericRecord> deserializer = new AvroKafkaDeserializer<>()) {
            deserializer.configure(registry.apicurioConfluentSettings(), false);
            return records.stream().map(record -> deserializer.deserialize(TOPIC, record.value())).toList();
        }
    }

    private String get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private void put(String url, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }
}
