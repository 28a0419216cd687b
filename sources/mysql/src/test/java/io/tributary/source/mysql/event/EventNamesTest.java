package io.tributary.source.mysql.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.source.mysql.NameAdjustmentMode;
import io.tributary.source.mysql.schema.TableId;
import org.junit.jupiter.api.Test;

class EventNamesTest {
    private static final EventNames NAMES = new EventNames("srv", NameAdjuster.forSchemaNames(NameAdjustmentMode.NONE),
            NameAdjuster.forFieldNames(NameAdjustmentMode.NONE));

    @Test
    void topicsAreThePrefixDatabaseAndTableWithInvalidCharactersReplaced() {
        assertThat(NAMES.topic(new TableId("shop", "orders"))).isEqualTo("srv.shop.orders");
        assertThat(NAMES.topic(new TableId("shop", "odd name"))).isEqualTo("srv.shop.odd_name");
        assertThat(NAMES.topic(new TableId("shop", "t.bla"))).isEqualTo("srv.shop.t.bla");
        assertThat(NAMES.topic(new TableId("shop", "my-table_1"))).isEqualTo("srv.shop.my-table_1");
        assertThat(NAMES.topic(new TableId("shop", "zażółć"))).isEqualTo("srv.shop.za____");
        assertThat(NAMES.topic(new TableId("bäckerei", "a$b"))).isEqualTo("srv.b_ckerei.a_b");
        assertThat(NAMES.topic(new TableId("shop", "x😀"))).isEqualTo("srv.shop.x__");
    }

    @Test
    void longTopicsAreCutAndDotsAloneReplacedAsDebeziumDoes() {
        assertThat(EventNames.validTopicName("p." + "d".repeat(64) + "." + "t".repeat(200)))
                .hasSize(EventNames.MAX_TOPIC_LENGTH);
        assertThat(EventNames.validTopicName(".")).isEqualTo("_");
        assertThat(EventNames.validTopicName("..")).isEqualTo("__");
        assertThat(EventNames.validTopicName("...")).isEqualTo("...");
    }

    @Test
    void blankPartsAreLeftOut() {
        assertThat(NAMES.topic(new TableId("", "t"))).isEqualTo("srv.t");
    }

    @Test
    void schemaNamesFollowTheReplacedTopicAndTheMode() {
        EventNames unicode = new EventNames("srv", NameAdjuster.forSchemaNames(NameAdjustmentMode.AVRO_UNICODE),
                NameAdjuster.forFieldNames(NameAdjustmentMode.AVRO));
        String topic = unicode.topic(new TableId("shop", "zażółć"));

        assertThat(unicode.schemaName(topic + ".Value")).isEqualTo("srv.shop.za_u005f_u005f_u005f_u005f.Value");
        assertThat(unicode.fieldName("kolumna ż")).isEqualTo("kolumna__");
    }
}
