package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.tributary.api.config.ConfigException;
import io.tributary.api.config.ConfigProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A pipeline file's problems — runtime, source and sinks — are all reported in one pass, misspellings with a hint. */
class PipelineValidationTest {
    private static final String SOURCE_UNKNOWN = "is not a key of Tributary's MySQL/MariaDB source, of Debezium's "
            + "MySQL and MariaDB connectors (3.5, or 1.x/2.x spellings) or of Kafka Connect";
    private static final String SECRET = "s3cret-from-a-file";

    @Test
    void everyMisspeltKeyOfAFileIsReportedAtOnceWithADidYouMean() {
        Map<String, String> file = Map.ofEntries(
                Map.entry("connector.class", "io.debezium.connector.mysql.MySqlConnector"),
                Map.entry("database.hostnmae", "db"), Map.entry("database.user", "cdc"),
                Map.entry("topic.prefix", "shop"), Map.entry("snapshot.mdoe", "initial"),
                Map.entry("column.mask.with.5.chars", "shop\\.customers\\.email"),
                Map.entry("heartbeat.action.query", "UPDATE hb SET ts = NOW()"),
                Map.entry("snks", "files"), Map.entry("rest.prot", "8084"),
                Map.entry("sinks", "files,bus"), Map.entry("sink.files.type", "file"),
                Map.entry("sink.files.directroy", "/tmp/events"), Map.entry("sink.bus.type", "kafka"),
                Map.entry("sink.bus.bootstrap.servers", "k:9092"), Map.entry("sink.bus.compresion.type", "lz4"),
                Map.entry("sink.bus.acks", "all"));

        assertThatThrownBy(() -> PipelineValidation.validate("shop.properties", file, new SinkRegistry()))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).extracting(ConfigProblem::toString)
                        .containsExactlyInAnyOrder(
                                "rest.prot: is not a key of the pipeline runtime; did you mean rest.port?",
                                "database.hostnmae: " + SOURCE_UNKNOWN + "; did you mean database.hostname?",
                                "snapshot.mdoe: " + SOURCE_UNKNOWN + "; did you mean snapshot.mode?",
                                "snks: " + SOURCE_UNKNOWN + "; did you mean sinks?",
                                "database.hostname: is required (a string) but missing",
                                "heartbeat.action.query: is a Debezium property that Tributary does not support: "
                                        + "heartbeats that run a statement are not supported yet; remove it",
                                "sink.files.directory: is required (a string) but missing",
                                "sink.files.directroy: is not a key of the file sink; did you mean directory?",
                                "sink.bus.compresion.type: is not a key of the Kafka sink or a Kafka producer setting; "
                                        + "did you mean compression.type?"));
    }

    @Test
    void connectsWorkerSettingsAreRefusedUnlessTheyAskForWhatTheRuntimeDoes() {
        Map<String, String> file = new java.util.HashMap<>(Map.of("database.hostname", "db", "database.user", "cdc",
                "topic.prefix", "shop", "sinks", "files", "sink.files.type", "file", "sink.files.directory",
                "/tmp/events"));
        // as the runtime does: accepted
        file.putAll(Map.of("errors.tolerance", "none", "exactly.once.support", "requested", "tasks.max", "1",
                "transaction.boundary", "poll"));
        PipelineValidation.validate("shop.properties", file, new SinkRegistry());

        file.putAll(Map.of("errors.tolerance", "all", "topic.creation.default.partitions", "3",
                "producer.override.linger.ms", "5", "exactly.once.support", "required", "offsets.storage.topic",
                "offsets", "key.converter.plugin.version", "3.0"));
        assertThatThrownBy(() -> PipelineValidation.validate("shop.properties", file, new SinkRegistry()))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).extracting(ConfigProblem::key)
                        .containsExactlyInAnyOrder("errors.tolerance", "topic.creation.default.partitions",
                                "producer.override.linger.ms", "exactly.once.support", "offsets.storage.topic",
                                "key.converter.plugin.version"))
                .hasMessageContaining("errors.tolerance: is a Kafka Connect setting the standalone runtime honours "
                        + "only as none")
                .hasMessageContaining("set sink.<name>.topic.creation.default.partitions")
                .hasMessageContaining("exactly-once delivery is the Kafka sink's: sink.<name>.exactly.once=true");
    }

    @Test
    void aValidFileGivesItsConfiguration() {
        Map<String, String> file = Map.of("database.hostname", "db", "database.user", "cdc", "topic.prefix", "shop",
                "column.mask.with.5.chars", "shop\\.customers\\.email", "sinks", "files", "sink.files.type", "file",
                "sink.files.directory", "/tmp/events");

        assertThat(PipelineValidation.validate("shop.properties", file, new SinkRegistry()).sinks())
                .containsOnlyKeys("files");
    }

    @Test
    void aFilesProviderReferencesAreResolvedBeforeValidationAndShownAsWritten(@TempDir Path directory)
            throws IOException {
        Path credentials = Files.writeString(directory.resolve("db.properties"), "password=" + SECRET + "\n");
        String reference = "${file:" + credentials + ":password}";
        Map<String, String> file = withFileProvider(Map.of("database.password", reference));

        PipelineConfig config = PipelineValidation.validateFile("shop.properties", file, new SinkRegistry());

        assertThat(config.source()).containsEntry("database.password", SECRET);
        assertThat(config.sourceAsWritten()).containsEntry("database.password", reference);
        assertThat(config.toString()).doesNotContain(SECRET);
    }

    @Test
    void aProblemOfAResolvedValueShowsTheReferenceNotTheValue(@TempDir Path directory) throws IOException {
        Path settings = Files.writeString(directory.resolve("db.properties"), "port=" + SECRET + "\n");
        String reference = "${file:" + settings + ":port}";
        Map<String, String> file = withFileProvider(Map.of("database.port", reference));

        assertThatThrownBy(() -> PipelineValidation.validateFile("shop.properties", file, new SinkRegistry()))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).singleElement().satisfies(problem -> {
                    assertThat(problem.key()).isEqualTo("database.port");
                    assertThat(problem.message()).contains(reference).doesNotContain(SECRET);
                }));
    }

    private static Map<String, String> withFileProvider(Map<String, String> references) {
        Map<String, String> file = new java.util.LinkedHashMap<>(Map.of("database.hostname", "db",
                "database.user", "cdc", "topic.prefix", "shop", "sinks", "files", "sink.files.type", "file",
                "sink.files.directory", "/tmp/events", "config.providers", "file",
                "config.providers.file.class", "org.apache.kafka.common.config.provider.FileConfigProvider"));
        file.putAll(references);
        return file;
    }
}
