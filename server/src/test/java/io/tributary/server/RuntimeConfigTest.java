package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import io.tributary.api.config.ConfigException;
import org.junit.jupiter.api.Test;

class RuntimeConfigTest {
    @Test
    void readsTheRuntimesKeys() {
        RuntimeConfig config = RuntimeConfig.of("runtime.properties", Map.of("rest.port", "0", "rest.host",
                "127.0.0.1", "offset.storage.dir", "/var/lib/tributary"));
        assertThat(config.directory()).isEqualTo(Path.of("/var/lib/tributary"));
        assertThat(config.rest().port()).isZero();
    }

    @Test
    void refusesAPipelinesKeysAndARestApiTurnedOffAllAtOnce() {
        assertThatThrownBy(() -> RuntimeConfig.of("runtime.properties", Map.of("database.hostname", "db",
                "sinks", "files", "rest.port", "-1", "rest.prot", "1")))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .extracting(problem -> problem.key()).containsExactlyInAnyOrder("database.hostname", "sinks",
                                "rest.prot", "rest.port"))
                .hasMessageContaining("a pipeline's keys go to POST /connectors")
                .hasMessageContaining("a runtime without its REST API could run no pipeline");
    }
}
