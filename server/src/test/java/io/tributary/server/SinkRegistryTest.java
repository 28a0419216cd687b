package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class SinkRegistryTest {
    private final SinkRegistry registry = new SinkRegistry();

    @Test
    void onlyAnExactlyOnceKafkaSinkKeepsTheSourceOffsets() {
        assertThat(registry.keepsOffsets("kafka", Map.of("bootstrap.servers", "127.0.0.1:9092"))).isFalse();
        assertThat(registry.keepsOffsets("kafka", Map.of("bootstrap.servers", "127.0.0.1:9092",
                "exactly.once", "true"))).isTrue();
        assertThat(registry.keepsOffsets("file", Map.of("directory", "events"))).isFalse();
    }
}
