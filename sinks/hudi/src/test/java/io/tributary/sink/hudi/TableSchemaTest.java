package io.tributary.sink.hudi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import io.tributary.api.EventSchema;
import io.tributary.api.EventSchema.Type;
import io.tributary.api.SinkException;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** How a table's Avro schema follows the rows' schema: what Hudi can evolve, and the errors for what it cannot. */
class TableSchemaTest {
    @Test
    void aNewTableHasTheChangeColumnsAroundTheRowsColumnsAllNullable() {
        Schema schema = TableSchema.evolve("shop_items", Optional.empty(), row("id", Type.INT32, "name", Type.STRING));
        assertThat(schema.getFields()).extracting(Schema.Field::name).containsExactly("_change_operation_type",
                "_upstream_event_processed_ts_ms", "db_shard_source_partition", "_event_origin_ts_ms",
                "_event_bin_file", "_event_pos", "_event_row", "id", "name", "_event_seq");
        assertThat(schema.getField("name").schema().getTypes()).extracting(Schema::getType)
                .containsExactly(Schema.Type.NULL, Schema.Type.STRING);
    }

    @Test
    void addedColumnsAreAddedDroppedOnesKeptAndNumbersWiden() {
        Schema first = TableSchema.evolve("t", Optional.empty(), row("id", Type.INT32, "qty", Type.INT32,
                "old", Type.STRING));
        Schema next = TableSchema.evolve("t", Optional.of(first), row("id", Type.INT32, "qty", Type.INT64,
                "note", Type.STRING));
        assertThat(next.getFields()).extracting(Schema.Field::name).contains("id", "qty", "old", "note");
        assertThat(TableSchema.nonNull(next.getField("qty").schema()).getType()).isEqualTo(Schema.Type.LONG);
        // rows of the narrower type again: the wider column holds them
        Schema again = TableSchema.evolve("t", Optional.of(next), row("id", Type.INT32, "qty", Type.INT32));
        assertThat(TableSchema.nonNull(again.getField("qty").schema()).getType()).isEqualTo(Schema.Type.LONG);
    }

    @Test
    void aTypeChangeHudiCannotEvolveNamesTableColumnAndBothTypes() {
        Schema first = TableSchema.evolve("shop_items", Optional.empty(), row("id", Type.INT32, "qty", Type.INT32));
        assertThatThrownBy(() -> TableSchema.evolve("shop_items", Optional.of(first),
                row("id", Type.INT32, "qty", Type.STRING))).isInstanceOf(SinkException.class)
                .hasMessageContaining("table shop_items: column qty changes from int to string");
    }

    @Test
    void aColumnNameAvroCannotHoldAsksForTheSourcesNameAdjustment() {
        for (String name : new String[] {"order-id", "1st", "unit price", "prix€"}) {
            assertThatThrownBy(() -> TableSchema.evolve("shop_items", Optional.empty(),
                    row("id", Type.INT32, name, Type.STRING))).isInstanceOf(SinkException.class)
                    .hasMessageContaining("table shop_items: column \"" + name + "\"")
                    .hasMessageContaining("field.name.adjustment.mode=avro");
        }
    }

    @Test
    void aColumnNamedAsAChangeColumnIsRefused() {
        assertThatThrownBy(() -> TableSchema.evolve("t", Optional.empty(), row("id", Type.INT32, "_event_pos",
                Type.INT64))).isInstanceOf(SinkException.class).hasMessageContaining("_event_pos");
    }

    /** A row schema of name/type pairs, every column optional but the first. */
    private static EventSchema row(Object... columns) {
        EventSchema.FieldsBuilder fields = EventSchema.fieldsBuilder();
        for (int i = 0; i < columns.length; i += 2) {
            EventSchema type = EventSchema.of((Type) columns[i + 1]);
            fields.add((String) columns[i], i == 0 ? type : type.asOptional());
        }
        return EventSchema.struct("shop.shop.items.Value", fields.build());
    }
}
