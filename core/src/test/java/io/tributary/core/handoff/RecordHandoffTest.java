package io.tributary.core.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.tributary.api.ChangeRecord;
import org.junit.jupiter.api.Test;

class RecordHandoffTest {
    private static ChangeRecord record(long position) {
        return new ChangeRecord("t", null, null, null, null, Map.of("server", "s"), Map.of("pos", position));
    }

    private static List<Long> positions(List<ChangeRecord> records) {
        return records.stream().map(record -> (Long) record.offset().get("pos")).toList();
    }

    @Test
    void recordsWaitForAFlushUnlessAChunkFills() throws Exception {
        RecordHandoff handoff = new RecordHandoff(8192, 2048);
        handoff.sink().put(record(1));
        handoff.sink().put(record(2));

        assertThat(handoff.poll(10)).isEmpty();
        assertThat(handoff.lastHandedOver()).isNull();

        handoff.sink().flush();

        assertThat(positions(handoff.poll(10))).containsExactly(1L, 2L);
        assertThat(handoff.lastHandedOver()).isEqualTo(Map.of("pos", 2L));
        assertThat(handoff.isEmpty()).isTrue();
    }

    @Test
    void capacityIsCountedInWholeChunks() throws Exception {
        RecordHandoff handoff = new RecordHandoff(8192, 2048);
        assertThat(handoff.capacity()).isEqualTo(8192);
        assertThat(handoff.remainingCapacity()).isEqualTo(8192);

        handoff.sink().put(record(1));
        handoff.sink().flush();

        assertThat(handoff.remainingCapacity()).as("one chunk taken").isEqualTo(8192 - 256);
        assertThat(handoff.capacity()).isEqualTo(8192);
        handoff.poll(10);
        assertThat(handoff.remainingCapacity()).isEqualTo(8192);
    }

    @Test
    void aPollNeverReturnsMoreThanMaxBatchSizeAndKeepsTheOrder() throws Exception {
        RecordHandoff handoff = new RecordHandoff(8192, 100);
        for (long position = 1; position <= 250; position++) {
            handoff.sink().put(record(position)); // chunks of 100 (max.batch.size) go out as they fill
        }
        handoff.sink().flush();

        List<Long> seen = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        while (!handoff.isEmpty()) {
            List<ChangeRecord> batch = handoff.poll(10);
            sizes.add(batch.size());
            seen.addAll(positions(batch));
        }

        assertThat(sizes).allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(100));
        assertThat(seen).hasSize(250).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void heldBackRecordsAreDroppedForTheReaderToReadAgain() throws Exception {
        RecordHandoff handoff = new RecordHandoff(8192, 2048);
        handoff.sink().put(record(1));
        handoff.sink().flush();
        handoff.sink().put(record(2)); // the connection fails before this transaction ends

        handoff.discardHeldBack();
        handoff.sink().flush();

        assertThat(positions(handoff.poll(10))).containsExactly(1L);
        assertThat(handoff.lastHandedOver()).isEqualTo(Map.of("pos", 1L));
    }
}
