package io.tributary.core.offsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileOffsetStoreTest {
    @TempDir
    Path directory;

    @Test
    void savedOffsetIsLoadedByTheNextOpen() {
        try (FileOffsetStore store = FileOffsetStore.open(directory, "orders")) {
            assertThat(store.load()).isEmpty();
            store.save(Map.of("server", "shop"), Map.of("file", "binlog.000002", "pos", 4L));
            store.save(Map.of("server", "shop"), Map.of("file", "binlog.000002", "pos", 1234L, "snapshot", true));
        }
        try (FileOffsetStore store = FileOffsetStore.open(directory, "orders")) {
            assertThat(store.load()).contains(Map.of("file", "binlog.000002", "pos", 1234, "snapshot", true));
        }
    }

    @Test
    void aSecondOpenOfTheSameStoreIsRefused() {
        try (FileOffsetStore first = FileOffsetStore.open(directory, "orders")) {
            assertThatThrownBy(() -> FileOffsetStore.open(directory, "orders"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("is in use by another Tributary process")
                    .hasMessageContaining("offset.storage.dir");
            try (FileOffsetStore other = FileOffsetStore.open(directory, "payments")) {
                assertThat(other.load()).isEmpty();
            }
        }
    }

    @Test
    void aLeftoverTemporaryFileFromACrashDoesNotHideTheLastOffset() throws IOException {
        try (FileOffsetStore store = FileOffsetStore.open(directory, "orders")) {
            store.save(Map.of("server", "shop"), Map.of("pos", 7L));
        }
        Files.writeString(directory.resolve("orders.offsets.json.tmp"), "{\"partition\":");

        try (FileOffsetStore store = FileOffsetStore.open(directory, "orders")) {
            assertThat(store.load()).contains(Map.of("pos", 7));
        }
    }
}
