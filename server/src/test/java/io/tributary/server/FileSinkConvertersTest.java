package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.tributary.api.ChangeRecord;
import io.tributary.api.EventSchema;
import io.tributary.api.EventSchema.Type;
import io.tributary.api.config.ConfigException;
import io.tributary.api.config.ConfigProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The converters a pipeline names, as the file sink writes them and as validation reports them. */
class FileSinkConvertersTest {
    private static final EventSchema KEY = EventSchema.struct("shop.orders.Key", EventSchema.fieldsBuilder()
            .add("ORDER_ID", EventSchema.of(Type.INT32)).add("SITE_ID", EventSchema.of(Type.STRING)).build());
    private static final EventSchema VALUE = EventSchema.struct("shop.orders.Value", EventSchema.fieldsBuilder()
            .add("ORDER_ID", EventSchema.of(Type.INT32)).add("NOTE", EventSchema.of(Type.STRING).asOptional())
            .build());

    @Test
    void stringConverterKeysAreWrittenAsConnectWritesThemInAJsonLine(@TempDir Path directory) throws IOException {
        FileSink sink = new FileSink();
        sink.start("orders", Map.of("directory", directory.toString(),
                "key.converter", "org.apache.kafka.connect.storage.StringConverter",
                "value.converter", "org.apache.kafka.connect.json.JsonConverter",
                "value.converter.schemas.enable", "false"));
        sink.write(List.of(new ChangeRecord("shop.orders", KEY, new Object[] {7, "eu \"1\""}, VALUE,
                new Object[] {7, null}, Map.of(), Map.of())));
        sink.flush();
        sink.close();

        assertThat(Files.readAllLines(directory.resolve("shop.orders.jsonl"))).containsExactly(
                "{\"key\":\"Struct{ORDER_ID=7,SITE_ID=eu \\\"1\\\"}\",\"value\":{\"ORDER_ID\":7,\"NOTE\":null}}");
    }

    @Test
    void aRecordThatCannotBeEncodedLeavesNoPartOfItsLine(@TempDir Path directory) throws IOException {
        FileSink sink = new FileSink();
        sink.start("orders", Map.of("directory", directory.toString()));
        ChangeRecord good = new ChangeRecord("shop.orders", KEY, new Object[] {7, "eu"}, VALUE,
                new Object[] {7, null}, Map.of(), Map.of());
        ChangeRecord bad = new ChangeRecord("shop.orders", KEY, new Object[] {8, "eu"}, VALUE,
                new Object[] {"not a number", null}, Map.of(), Map.of());

        assertThatThrownBy(() -> sink.write(List.of(good, bad))).isInstanceOf(ClassCastException.class);
        sink.close();

        assertThat(Files.readAllLines(directory.resolve("shop.orders.jsonl"))).singleElement().asString()
                .startsWith("{\"key\":{\"schema\":").endsWith("\"payload\":{\"ORDER_ID\":7,\"NOTE\":null}}}");
    }

    @Test
    void aConverterNoSinkWritesIsReportedUnderTheKeyTheFileSpells() {
        Map<String, String> file = Map.of("name", "orders", "sinks", "files,more", "sink.files.type", "file",
                "sink.files.directory", "/tmp/out", "sink.more.type", "file", "sink.more.directory", "/tmp/more",
                "database.hostname", "db", "database.user", "cdc", "topic.prefix", "shop",
                "key.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");

        assertThatThrownBy(() -> PipelineValidation.validate("orders.properties", file, new SinkRegistry()))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).extracting(ConfigProblem::key)
                        .containsExactly("key.converter"))
                .hasMessageContaining("ByteArrayConverter cannot write");
    }
}
