package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.api.ChangeRecord;
import io.tributary.api.EventSchema;
import io.tributary.api.EventSchema.Type;
import io.tributary.api.SinkException;
import io.tributary.testkit.TestingTmpfs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file sink on a really full disk: a 1 MiB tmpfs the test mounts (as root), so {@code write()} itself fails with
 * ENOSPC part-way through a record. After space is freed, a restarted sink appends whole lines only.
 */
class FileSinkDiskFullIT {
    private static final EventSchema KEY = EventSchema.struct("disk.full.Key", EventSchema.fieldsBuilder()
            .add("id", EventSchema.of(Type.INT64)).build());
    private static final EventSchema VALUE = EventSchema.struct("disk.full.Value", EventSchema.fieldsBuilder()
            .add("id", EventSchema.of(Type.INT64)).add("note", EventSchema.of(Type.STRING)).build());
    private static final int FILLER_BYTES = 256 * 1024;

    @Test
    void aRestartAfterAFailedWriteLeavesNoHalfRecordBehind(@TempDir Path directory) throws Exception {
        assumeThat(TestingTmpfs.canMount()).as("mounting a tmpfs needs root").isTrue();
        try (TestingTmpfs tmpfs = TestingTmpfs.mount(directory.resolve("disk"), "1m")) {
            Path disk = tmpfs.path();
            Path filler = disk.resolve("filler");
            Files.write(filler, new byte[FILLER_BYTES]);
            Path events = disk.resolve("disk.full.jsonl");

            FileSink full = start(disk);
            full.write(records(0, 10));
            full.flush();
            assertThatThrownBy(() -> {
                for (long id = 10; ; id += 10) {
                    full.write(records(id, 10));
                    full.flush();
                }
            }).isInstanceOf(SinkException.class).hasMessageContaining("No space left on device")
                    .hasMessageContaining(events.toString());
            full.close();

            Files.delete(filler);
            FileSink restarted = start(disk);
            restarted.write(records(1_000_000, 10));
            restarted.flush();
            restarted.close();

            List<String> lines = Files.readAllLines(events);
            ObjectMapper json = new ObjectMapper();
            List<Long> ids = new ArrayList<>();
            for (String line : lines) {
                var record = json.readTree(line);
                assertThat(record.path("value").path("note").asText()).as(line).hasSize(3000);
                ids.add(record.path("key").path("id").asLong());
            }
            assertThat(ids).hasSizeGreaterThan(20).startsWith(0L, 1L, 2L)
                    .endsWith(1_000_000L, 1_000_001L, 1_000_002L, 1_000_003L, 1_000_004L, 1_000_005L, 1_000_006L,
                            1_000_007L, 1_000_008L, 1_000_009L);
        }
    }

    private static FileSink start(Path directory) {
        FileSink sink = new FileSink();
        sink.start("disk-full", Map.of("directory", directory.toString(), "key.converter.schemas.enable", "false",
                "value.converter.schemas.enable", "false"));
        return sink;
    }

    /** Records of about 3 KB each, so that the disk fills part-way through one. */
    private static List<ChangeRecord> records(long firstId, int count) {
        List<ChangeRecord> records = new ArrayList<>();
        for (long id = firstId; id < firstId + count; id++) {
            records.add(new ChangeRecord("disk.full", KEY, new Object[] {id}, VALUE,
                    new Object[] {id, "n".repeat(3000)}, Map.of(), Map.of()));
        }
        return records;
    }
}
