package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a file sink's file looks like after a crash in the middle of a write, and how it is picked up again. */
class TopicFileTest {
    private static final byte[] NEWLINE = {'\n'};

    @Test
    void openingCutsOffAnUnfinishedLastLine(@TempDir Path directory) throws IOException {
        Path path = directory.resolve("t.jsonl");
        // longer than one scanned chunk, so the newline is found in an earlier one
        String complete = "{\"key\":1}\n" + "x".repeat(10_000) + "\n";
        Files.writeString(path, complete + "{\"key\":2,\"val");

        try (TopicFile file = TopicFile.open(path)) {
            file.append("{\"key\":3}".getBytes(StandardCharsets.UTF_8));
            file.endLine(NEWLINE);
            file.force();
        }

        assertThat(Files.readString(path)).isEqualTo(complete + "{\"key\":3}\n");
    }

    @Test
    void aFileWithoutAnyNewlineIsEmptiedAndACompleteOneKept(@TempDir Path directory) throws IOException {
        Path partial = Files.writeString(directory.resolve("partial.jsonl"), "{\"key\":2,\"val");
        Path whole = Files.writeString(directory.resolve("whole.jsonl"), "{\"key\":1}\n");

        TopicFile.open(partial).close();
        TopicFile.open(whole).close();

        assertThat(partial).isEmptyFile();
        assertThat(whole).hasContent("{\"key\":1}");
    }

    @Test
    void linesReachTheFileOnlyWhenWritten(@TempDir Path directory) throws IOException {
        Path path = directory.resolve("t.jsonl");
        try (TopicFile file = TopicFile.open(path)) {
            file.append("{\"key\":1}".getBytes(StandardCharsets.UTF_8));
            file.endLine(NEWLINE);
            assertThat(path).isEmptyFile();
            file.write();
            assertThat(Files.readString(path)).isEqualTo("{\"key\":1}\n");
        }
    }
}
