package io.tributary.sink.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tributary.api.config.ConfigException;
import io.tributary.api.config.ConfigProblem;
import io.tributary.converter.avro.AvroConverterConfig;
import io.tributary.converter.avro.SubjectNaming;
import org.junit.jupiter.api.Test;

/** The Avro converters' settings as a Kafka sink takes them: honoured, or refused saying why — never ignored. */
class KafkaSinkAvroConfigTest {
    private static final String CONFLUENT = "io.confluent.connect.avro.AvroConverter";
    private static final String APICURIO = "io.apicurio.registry.utils.converter.AvroConverter";

    @Test
    void confluentsConverterWithItsRegistrySettings() {
        KafkaSinkConfig config = KafkaSinkConfig.parse("shop", sink(
                "key.converter", CONFLUENT,
                "key.converter.schema.registry.url", "http://a:8081, http://b:8081",
                "key.converter.basic.auth.user.info", "reader:S3cret",
                "key.converter.key.subject.name.strategy", "io.confluent.kafka.serializers.subject.RecordNameStrategy",
                "value.converter", CONFLUENT,
                "value.converter.schema.registry.url", "http://writer:Pa55@registry:8081/base",
                "value.converter.basic.auth.credentials.source", "URL",
                "value.converter.auto.register.schemas", "false"));

        assertThat(config.keyAvro()).contains(new AvroConverterConfig(
                List.of(URI.create("http://a:8081"), URI.create("http://b:8081")), Optional.of("reader:S3cret"), true,
                SubjectNaming.RECORD));
        assertThat(config.valueAvro()).contains(new AvroConverterConfig(
                List.of(URI.create("http://registry:8081/base")),
                Optional.of("writer:Pa55"), false, SubjectNaming.TOPIC));
    }

    @Test
    void apicuriosConverterTalksToTheRegistrysConfluentCompatibleApi() {
        KafkaSinkConfig config = KafkaSinkConfig.parse("shop", sink(
                "value.converter", APICURIO,
                "value.converter.apicurio.registry.url", "http://registry:8080/apis/registry/v3",
                "value.converter.apicurio.registry.auto-register", "true",
                "value.converter.apicurio.auth.username", "cdc",
                "value.converter.apicurio.auth.password", "Pw0rd"));

        assertThat(config.valueAvro()).contains(new AvroConverterConfig(
                List.of(URI.create("http://registry:8080/apis/ccompat/v7")), Optional.of("cdc:Pw0rd"), true,
                SubjectNaming.TOPIC));
        assertThat(config.keyAvro()).isEmpty();
    }

    @Test
    void settingsThatWouldChangeTheBytesOrBelongElsewhereAreRefusedSayingWhy() {
        Map<String, String> raw = sink(
                "key.converter", APICURIO,
                "key.converter.apicurio.registry.url", "http://registry:8080/apis/registry/v2",
                "key.converter.basic.auth.user.info", "x:Hidden-Pw1",
                "value.converter", CONFLUENT,
                "value.converter.schemas.enable", "false",
                "value.converter.enhanced.avro.schema.support", "true");

        assertThat(KafkaSinkConfig.validate(raw)).extracting(ConfigProblem::key).containsExactlyInAnyOrder(
                "key.converter.apicurio.registry.as-confluent", "key.converter.apicurio.registry.use-id",
                "key.converter.apicurio.registry.headers.enabled",
                "key.converter.basic.auth.user.info", "value.converter.schema.registry.url",
                "value.converter.schemas.enable", "value.converter.enhanced.avro.schema.support");
        assertThatThrownBy(() -> KafkaSinkConfig.parse("shop", raw)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("8-byte global id").hasMessageNotContaining("Hidden-Pw1");
    }

    @Test
    void avroSettingsOnAJsonConverterAndUnknownConverterKeysAreErrors() {
        assertThat(KafkaSinkConfig.validate(sink("value.converter.schema.registry.url", "http://r:8081")))
                .extracting(ConfigProblem::toString).singleElement().asString()
                .contains("is a setting of the Avro converters").contains("JsonConverter");
        assertThat(KafkaSinkConfig.validate(sink("value.converter", CONFLUENT,
                "value.converter.schema.registry.url", "http://r:8081",
                "value.converter.schema.registry.ur", "http://r:8081")))
                .extracting(ConfigProblem::toString).singleElement().asString()
                .contains("value.converter.schema.registry.ur:")
                .contains("did you mean value.converter.schema.registry.url");
    }

    private static Map<String, String> sink(String... keysAndValues) {
        Map<String, String> raw = new HashMap<>(Map.of("bootstrap.servers", "k:9092"));
        for (int i = 0; i < keysAndValues.length; i += 2) {
            raw.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return raw;
    }
}
