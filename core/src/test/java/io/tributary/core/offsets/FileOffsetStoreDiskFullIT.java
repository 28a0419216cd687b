package io.tributary.core.offsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The offset store on a really full disk: a 64 KiB tmpfs the test mounts (as root) and fills. Storing an offset
 * fails with a message that says what to do; the offset stored before stays whole and is what the next open reads;
 * once space is freed, storing works again.
 */
class FileOffsetStoreDiskFullIT {

    @Test
    void aFullDiskKeepsTheLastStoredOffsetWhole(@TempDir Path directory) throws Exception {
        assumeThat(System.getProperty("user.name")).as("mounting a tmpfs needs root").isEqualTo("root");
        Path disk = Files.createDirectory(directory.resolve("disk"));
        run("mount", "-t", "tmpfs", "-o", "size=64k", "tributary-offsets-full", disk.toString());
        try {
            Map<String, String> partition = Map.of("server", "shop");
            try (FileOffsetStore store = FileOffsetStore.open(disk, "shop")) {
                store.save(partition, Map.of("file", "binlog.000001", "pos", 4));
                Path filler = disk.resolve("filler");
                fill(filler);

                assertThatThrownBy(() -> store.save(partition, Map.of("file", "binlog.000001", "pos", 9_999,
                        "gtids", "0-1-" + "9".repeat(4000))))
                        .isInstanceOf(UncheckedIOException.class).hasMessageContaining("No space left on device")
                        .hasMessageContaining("free space on its disk").hasMessageContaining("offset stored before");

                assertThat(store.load()).get().isEqualTo(Map.of("file", "binlog.000001", "pos", 4));
                Files.delete(filler);
                store.save(partition, Map.of("file", "binlog.000001", "pos", 120));
            }
            try (FileOffsetStore reopened = FileOffsetStore.open(disk, "shop")) {
                assertThat(reopened.load()).get().isEqualTo(Map.of("file", "binlog.000001", "pos", 120));
            }
        } finally {
            run("umount", disk.toString());
        }
    }

    /** Writes until the disk is full. */
    private static void fill(Path filler) throws IOException {
        byte[] block = new byte[4096];
        try (var out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
                out.flush();
            }
        } catch (IOException e) {
            assertThat(e).hasMessageContaining("No space left on device");
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(String.join(" ", command) + ": " + output).isZero();
    }
}
