package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.tributary.api.ChangeRecord;
import io.tributary.api.EventSchema;
import org.junit.jupiter.api.Test;

class PipelineMetricsTest {
    private static final EventSchema SOURCE = EventSchema.struct("source",
            List.of(new EventSchema.Field("ts_ms", 0, EventSchema.of(EventSchema.Type.INT64))));
    private static final EventSchema VALUE = EventSchema.struct("envelope",
            List.of(new EventSchema.Field("source", 0, SOURCE)));

    private final PipelineMetrics metrics = new PipelineMetrics();

    @Test
    void lagIsTheLastDeliveredChangesWhileChangesFlowAndZeroOnceTheSourceHasNothingMore() {
        assertThat(metrics.lagMs()).as("before the source was asked").isEqualTo(-1);
        long committed = System.currentTimeMillis() - 5_000;

        metrics.captured(2);
        metrics.delivered(List.of(change(committed - 1_000), change(committed)));

        assertThat(metrics.lagMs()).isBetween(5_000L, 60_000L);
        assertThat(metrics.captured()).isEqualTo(2);
        assertThat(metrics.events()).isEqualTo(2);

        metrics.caughtUp();

        assertThat(metrics.lagMs()).as("idle and caught up: no lag, not the last event's").isZero();
        assertThat(metrics.msSinceLastDelivery()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void recordsWithoutASourceTimestampLeaveTheLagAsItWas() {
        metrics.delivered(List.of(new ChangeRecord("t", null, null, null, null, Map.of(), Map.of())));

        assertThat(metrics.lagMs()).isEqualTo(-1);
        assertThat(metrics.events()).isEqualTo(1);
    }

    private static ChangeRecord change(long committedMs) {
        return new ChangeRecord("t", null, null, VALUE, new Object[] {new Object[] {committedMs}}, Map.of(),
                Map.of());
    }
}
