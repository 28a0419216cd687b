package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
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
                "offset.storage.dir", "/var/lib/tributary", "rest.port", "0"), TYPES);

        assertThat(config.name()).isEqualTo("orders");
        assertThat(config.source()).containsOnlyKeys("connector.class", "database.hostname",
                "value.converter.schemas.enable");
        assertThat(config.sinks().get("out").type()).isEqualTo("kafka");
        assertThat(config.sinks().get("out").properties()).containsEntry("bootstrap.servers", "k:9092")
                .containsEntry("value.converter.schemas.enable", "false").doesNotContainKey("type");
        assertThat(config.offsetDirectory()).isEqualTo(Path.of("/var/lib/tributary"));
        assertThat(config.restPort()).isZero();
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
                .hasMessageContaining("rest.port: expected an integer, found 'eighty'");
    }

    @Test
    void aPipelineNeedsASink() {
        assertThatThrownBy(() -> PipelineConfig.of("p.properties", Map.of("database.hostname", "db"), TYPES))
                .hasMessageContaining("sinks: no sink given");
    }
}
