package io.tributary.core.rows;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.tributary.api.ChangeRecord;
import io.tributary.api.EventSchema;
import io.tributary.core.event.Heartbeats;
import org.junit.jupiter.api.Test;

class RowChangesTest {
    @Test
    void aHeartbeatChangesNoRowWhileAnUnwrappedRowOfTheSameShapeDoes() {
        Heartbeats heartbeats = new Heartbeats("shop", 1);
        ChangeRecord heartbeat = new ChangeRecord(heartbeats.topic(), Heartbeats.KEY, heartbeats.key(),
                Heartbeats.VALUE, heartbeats.value(1_700_000_000_000L), Map.of(), Map.of());
        EventSchema row = EventSchema.struct("shop.shop.clock.Value", EventSchema.fieldsBuilder()
                .add("ts_ms", EventSchema.of(EventSchema.Type.INT64)).build());
        ChangeRecord unwrapped = new ChangeRecord("shop.shop.clock", null, null, row, new Object[] {5L}, Map.of(),
                Map.of());

        assertThat(Heartbeats.isHeartbeat(heartbeat)).isTrue();
        assertThat(RowChanges.of(heartbeat)).isEmpty();
        assertThat(Heartbeats.isHeartbeat(unwrapped)).isFalse();
        assertThat(RowChanges.of(unwrapped)).hasValueSatisfying(change -> assertThat(change.delete()).isFalse());
    }

    @Test
    void aSchemaChangeEventOfTheTopicPrefixsTopicChangesNoRow() {
        for (String connector : new String[] {"mysql", "mariadb"}) {
            EventSchema schemaChange = EventSchema.struct("io.debezium.connector." + connector
                    + ".SchemaChangeValue", EventSchema.fieldsBuilder()
                    .add("databaseName", EventSchema.of(EventSchema.Type.STRING))
                    .add("ddl", EventSchema.of(EventSchema.Type.STRING)).build());
            ChangeRecord event = new ChangeRecord("shop", null, null, schemaChange,
                    new Object[] {"shop", "ALTER TABLE items ADD note TEXT"}, Map.of(), Map.of());
            assertThat(RowChanges.of(event)).isEmpty();
        }
    }
}
