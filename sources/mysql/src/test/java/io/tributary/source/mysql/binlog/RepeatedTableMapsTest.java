package io.tributary.source.mysql.binlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.HexFormat;

import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDeserializer;
import com.github.shyiko.mysql.binlog.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;

class RepeatedTableMapsTest {
    /** The body of a table map event MariaDB 10.11 wrote for stream.orders (table id 18), full row metadata. */
    private static final String ORDERS = "12000000000001000673747265616d00066f7264657273000808030ff6030f12fc08fc030a0"
            + "2400003028001010002012d043a0269640b637573746f6d65725f6964046974656d057072696365087175616e7469747906"
            + "7374617475730a637265617465645f6174046e6f7465080100";

    private final RepeatedTableMaps tableMaps = new RepeatedTableMaps();

    @Test
    void decodesATableMapOnceAndHandsOutTheSameInstanceForTheSameBody() throws IOException {
        TableMapEventData first = decode(ORDERS);

        assertThat(first.getTableId()).isEqualTo(18);
        assertThat(first.getDatabase()).isEqualTo("stream");
        assertThat(first.getTable()).isEqualTo("orders");
        assertThat(first.getEventMetadata().getColumnNames()).containsExactly("id", "customer_id", "item", "price",
                "quantity", "status", "created_at", "note");
        assertThat(decode(ORDERS)).isSameAs(first);
    }

    @Test
    void decodesAgainWhenTheBodyDiffersOrAfterForgetting() throws IOException {
        TableMapEventData first = decode(ORDERS);
        // the same table id with the last column renamed
        String changed = ORDERS.replace("046e6f7465", "046e6f7065");

        TableMapEventData second = decode(changed);
        assertThat(second).isNotSameAs(first);
        assertThat(second.getEventMetadata().getColumnNames()).endsWith("nope");
        assertThat(decode(changed)).isSameAs(second);

        tableMaps.forget();
        assertThat(decode(changed)).isNotSameAs(second).usingRecursiveComparison().isEqualTo(second);
    }

    @Test
    void givesTheBinlogClientTheSameInstanceForItsOwnUseAndForTheEvent() throws IOException {
        var wrapped = (EventDeserializer.EventDataWrapper) tableMaps.forEventDeserializer()
                .deserialize(new ByteArrayInputStream(HexFormat.of().parseHex(ORDERS)));

        assertThat(wrapped.getInternal()).isSameAs(wrapped.getExternal()).isSameAs(decode(ORDERS));
    }

    private TableMapEventData decode(String hex) throws IOException {
        return tableMaps.deserialize(new ByteArrayInputStream(HexFormat.of().parseHex(hex)));
    }
}
