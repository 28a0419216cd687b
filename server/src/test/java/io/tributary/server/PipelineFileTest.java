package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.util.List;
import java.util.Properties;

import io.tributary.api.config.ConfigException;
import org.junit.jupiter.api.Test;

class PipelineFileTest {
    @Test
    void readsWhatPropertiesStoreWrites() throws Exception {
        Properties properties = new Properties();
        properties.setProperty("sink.kafka.bootstrap.servers", "127.0.0.1:9092");
        properties.setProperty("database.password", "p=ss:w\\rd \u00e9");
        StringWriter text = new StringWriter();
        properties.store(text, "a comment");

        assertThat(PipelineFile.parse("p.properties", text.toString().lines().toList()))
                .containsEntry("sink.kafka.bootstrap.servers", "127.0.0.1:9092")
                .containsEntry("database.password", "p=ss:w\\rd \u00e9")
                .hasSize(2);
    }

    @Test
    void continuationLinesCommentsAndColonsAreUnderstood() {
        assertThat(PipelineFile.parse("p.properties", List.of("# pipeline", "! also a comment", "",
                "table.include.list = shop.orders,\\", "    shop.items", "name: orders")))
                .containsEntry("table.include.list", "shop.orders,shop.items")
                .containsEntry("name", "orders");
    }

    @Test
    void aMalformedLineAndARepeatedKeyAreReportedWithTheirLines() {
        assertThatThrownBy(() -> PipelineFile.parse("shop.properties", List.of("name=shop",
                "database.hostname localhost", "name=orders")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("shop.properties:2")
                .hasMessageContaining("expected key=value, found 'database.hostname localhost'")
                .hasMessageContaining("name: given twice, on lines 1 and 3 of shop.properties");
    }
}
