package io.tributary.sink.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class KafkaSinkProducerSettingsTest {
    @Test
    void theSinksDefaultsCarryItsGuaranteesAndBatching() {
        Map<String, Object> settings = KafkaSink.producerSettings("orders", Map.of("bootstrap.servers", "k:9092"));

        assertThat(settings).containsEntry("bootstrap.servers", "k:9092").containsEntry("acks", "all")
                .containsEntry("compression.type", "lz4").containsEntry("batch.size", "262144")
                .containsEntry("linger.ms", "5").containsEntry("enable.idempotence", "false")
                .containsEntry("max.in.flight.requests.per.connection", "1")
                .doesNotContainKey("transactional.id");
    }

    @Test
    void producerKeysOfTheConfigurationOverrideTheDefaultsAndExactlyOnceMakesItTransactional() {
        Map<String, Object> settings = KafkaSink.producerSettings("orders", Map.of("bootstrap.servers", "k:9092",
                "compression.type", "zstd", "exactly.once", "true"));

        assertThat(settings).containsEntry("compression.type", "zstd").containsEntry("enable.idempotence", "true")
                .containsEntry("transactional.id", "tributary-orders").doesNotContainKey("exactly.once");
    }
}
