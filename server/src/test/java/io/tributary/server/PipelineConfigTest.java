package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.tributary.api.config.ConfigException;
import org.junit.jupiter.api.Test;

class PipelineConfigTest {
    private static final Set<String> TYPES = Set.of("file", "kafka");

    @Test
    void sourceKeysPassThroughAndSinksGetTheirOwnPlusTheConverterSettings() {
        PipelineConfig config = PipelineConfig.of("orders.properties", Map.of(
                "connector.class", "io.debezium.connector.mysql.MySqlConnector",
                "database.hostname", "db", "value.converter.schemas.enable", "false",
                "sinks", "out", "sink.out.type", "kafka", "sink.out.bootstrap.servers", "k:9092",
                "offset.storage.dir", "/var/lib/tributary", "offset.flush.interval.ms", "0", "rest.port", "0"), TYPES);

        assertThat(config.name()).isEqualTo("orders");
        assertThat(config.source()).containsOnlyKeys("connector.class", "database.hostname",
                "value.converter.schemas.enable");
        assertThat(config.sinks().get("out").type()).isEqualTo("kafka");
        assertThat(config.sinks().get("out").properties()).containsEntry("bootstrap.servers", "k:9092")
                .containsEntry("value.converter.schemas.enable", "false").doesNotContainKey("type");
        assertThat(config.offsetDirectory()).isEqualTo(Path.of("/var/lib/tributary"));
        assertThat(config.offsetFlushIntervalMs()).isZero();
        assertThat(config.rest().port()).isZero();
    }

    @Test
    void aConvertersOwnSettingsGoWithItToSinksThatDoNotNameTheirOwnConverter() {
        String avro = "io.confluent.connect.avro.AvroConverter";
        PipelineConfig config = PipelineConfig.of("orders.properties", Map.of(
                "value.converter", avro, "value.converter.schema.registry.url", "http://registry:8081",
                "key.converter.schema.registry.url", "http://registry:8081",
                "sinks", "kafka,files", "sink.kafka.type", "kafka", "sink.files.type", "file",
                "sink.files.value.converter", "org.apache.kafka.connect.json.JsonConverter"), TYPES);

        assertThat(config.sinks().get("kafka").properties()).containsEntry("value.converter", avro)
                .containsEntry("value.converter.schema.registry.url", "http://registry:8081")
                .containsEntry("key.converter.schema.registry.url", "http://registry:8081");
        assertThat(config.sinks().get("files").properties())
                .containsEntry("value.converter", "org.apache.kafka.connect.json.JsonConverter")
                .doesNotContainKey("value.converter.schema.registry.url")
                .containsEntry("key.converter.schema.registry.url", "http://registry:8081");
    }

    @Test
    void everyRestKeyReachesTheRestSettings() {
        PipelineConfig config = PipelineConfig.of("orders.properties", Map.of("sinks", "out", "sink.out.type", "file",
                "rest.host", "0.0.0.0", "rest.port", "0", "rest.extension.classes", "a.Extension, b.Extension",
                "rest.request.max.bytes", "4096"), TYPES);

        assertThat(config.rest()).isEqualTo(new RestConfig("0.0.0.0", 0, Optional.empty(),
                List.of("a.Extension", "b.Extension"), 4096));
        assertThat(PipelineConfig.of("orders.properties", Map.of("sinks", "out", "sink.out.type", "file",
                "listeners", "https://:8443", "listeners.https.ssl.keystore.location", "/etc/rest.p12",
                "listeners.https.ssl.keystore.password", "pw", "listeners.https.ssl.keystore.type", "PKCS12",
                "rest.port", "9"), TYPES).rest())
                .isEqualTo(new RestConfig("0.0.0.0", 8443, Optional.of(new RestConfig.Tls(Path.of("/etc/rest.p12"),
                        "PKCS12", "pw", "pw")), List.of(), 1024 * 1024));
        assertThatThrownBy(() -> PipelineConfig.of("p.properties", Map.of("sinks", "out", "sink.out.type", "file",
                "rest.request.max.bytes", "0"), TYPES))
                .hasMessageContaining("rest.request.max.bytes: expected a number of bytes, 1 or more but found '0'");
        assertThatThrownBy(() -> PipelineConfig.of("p.properties", Map.of("sinks", "out", "sink.out.type", "file",
                "listeners", "https://localhost:8443", "listeners.https.ssl.keystore.password", "pw-9f3k"), TYPES))
                .hasMessageContaining("listeners.https.ssl.keystore.location: missing: an https:// listener needs")
                .hasMessageNotContaining("pw-9f3k");
        assertThatThrownBy(() -> PipelineConfig.of("p.properties", Map.of("sinks", "out", "sink.out.type", "file",
                "listeners", "http://a:1,https://b:2"), TYPES))
                .hasMessageContaining("listeners: expected one listener, http://host:port or https://host:port");
    }

    @Test
    void everyProblemIsReportedAtOnceAndAnUnknownSinkTypeListsTheKnownOnes() {
        assertThatThrownBy(() -> PipelineConfig.of("p.properties", Map.of("sinks", "a,b", "sink.a.type", "kafak",
                "sink.c.type", "file", "rest.port", "eighty"), TYPES))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).hasSize(4))
                .hasMessageContaining("sink.a.type: unknown sink type 'kafak': expected one of file, kafka")
                .hasMessageContaining("sink.b.type: missing")
                .hasMessageContaining("sink.c: configured but not listed in sinks=a,b")
                .hasMessageContaining("rest.port: expected a port number, 0 for any free port or -1 for none but found "
                        + "'eighty'");
    }

    @Test
    void theRuntimesOwnKeysAreCheckedAndDefaulted() {
        PipelineConfig defaults = PipelineConfig.of("orders.properties", Map.of("sinks", "out",
                "sink.out.type", "file"), TYPES);

        assertThat(defaults.name()).isEqualTo("orders");
        assertThat(defaults.offsetDirectory()).isEqualTo(Path.of("tributary-offsets"));
        assertThat(defaults.offsetFlushIntervalMs()).isEqualTo(1000);
        assertThat(defaults.rest()).isEqualTo(new RestConfig("127.0.0.1", 8083, Optional.empty(), List.of(),
                1024 * 1024));
        assertThatThrownBy(() -> PipelineConfig.of("p.properties", Map.of("sinks", "out", "sink.out.type", "file",
                "rest.prot", "1", "offset.storage.dri", "/x", "name", "has space"), TYPES))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).hasSize(3))
                .hasMessageContaining("rest.prot: is not a key of the pipeline runtime; did you mean rest.port?")
                .hasMessageContaining("offset.storage.dri: is not a key of the pipeline runtime; did you mean "
                        + "offset.storage.dir?")
                .hasMessageContaining("name: expected letters, digits, '.', '_' or '-' but found 'has space'");
    }

    @Test
    void aPipelineNeedsASink() {
        assertThatThrownBy(() -> PipelineConfig.of("p.properties", Map.of("database.hostname", "db"), TYPES))
                .hasMessageContaining("sinks: no sink given");
    }
}
