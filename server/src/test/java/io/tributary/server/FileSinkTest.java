package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.tributary.api.ChangeRecord;
import io.tributary.api.EventSchema;
import io.tributary.api.EventSchema.Type;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file sink's lines, a file per topic. */
class FileSinkTest {
    private static final EventSchema VALUE = EventSchema.struct("row", EventSchema.fieldsBuilder()
            .add("ID", EventSchema.of(Type.INT32)).build());

    @Test
    void recordsOfInterleavedTopicsGoEachToItsTopicsFileInOrder(@TempDir Path directory) throws IOException {
        FileSink sink = new FileSink();
        sink.start("shop", Map.of("directory", directory.toString(), "value.converter.schemas.enable", "false"));
        sink.write(List.of(record("shop.a", 1), record("shop.a", 2), record("shop.b", 3), record("shop.a", 4)));
        sink.write(List.of(record("shop.b", 5), record("shop.a", 6)));
        sink.flush();
        sink.close();

        assertThat(Files.readAllLines(directory.resolve("shop.a.jsonl"))).containsExactly(line(1), line(2), line(4),
                line(6));
        assertThat(Files.readAllLines(directory.resolve("shop.b.jsonl"))).containsExactly(line(3), line(5));
    }

    private static ChangeRecord record(String topic, int id) {
        return new ChangeRecord(topic, null, null, VALUE, new Object[] {id}, Map.of(), Map.of());
    }

    private static String line(int id) {
        return "{\"key\":null,\"value\":{\"ID\":" + id + "}}";
    }
}
