package io.tributary.source.mysql.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.api.SourceException;
import io.tributary.source.mysql.NameAdjustmentMode;
import org.junit.jupiter.api.Test;

class NameAdjusterTest {
    @Test
    void noneLeavesNamesAsTheyAre() {
        assertThat(NameAdjuster.forSchemaNames(NameAdjustmentMode.NONE).adjust("srv.shop.my-table.Value"))
                .isEqualTo("srv.shop.my-table.Value");
        assertThat(NameAdjuster.forFieldNames(NameAdjustmentMode.NONE).adjust("zażółć 1")).isEqualTo("zażółć 1");
    }

    @Test
    void avroSchemaNamesKeepDotsAndUnderscoresAndReplaceTheRestWithUnderscores() {
        NameAdjuster avro = NameAdjuster.forSchemaNames(NameAdjustmentMode.AVRO);

        assertThat(avro.adjust("srv.shop.odd_name.Value")).isEqualTo("srv.shop.odd_name.Value");
        assertThat(avro.adjust("srv.shop.my-table.Value")).isEqualTo("srv.shop.my_table.Value");
        assertThat(avro.adjust("my-srv.shop.t.Key")).isEqualTo("my_srv.shop.t.Key");
        assertThat(avro.adjust("1srv.shop.t.Key")).isEqualTo("_1srv.shop.t.Key");
        assertThat(avro.adjust("-srv.shop.t.Key")).isEqualTo("_srv.shop.t.Key");
    }

    @Test
    void avroFieldNamesReplaceDotsToo() {
        NameAdjuster avro = NameAdjuster.forFieldNames(NameAdjustmentMode.AVRO);

        assertThat(avro.adjust("a.b")).isEqualTo("a_b");
        assertThat(avro.adjust("1col")).isEqualTo("_1col");
        assertThat(avro.adjust("zażółć")).isEqualTo("za____");
        assertThat(avro.adjust("first_name")).isEqualTo("first_name");
        assertThat(avro.adjust("odd name")).isEqualTo("odd_name");
    }

    @Test
    void avroUnicodeEscapesUnderscoresAndInvalidCharactersAsDebeziumDoes() {
        NameAdjuster schemas = NameAdjuster.forSchemaNames(NameAdjustmentMode.AVRO_UNICODE);
        NameAdjuster fields = NameAdjuster.forFieldNames(NameAdjustmentMode.AVRO_UNICODE);

        assertThat(schemas.adjust("srv.shop.odd_name.Value")).isEqualTo("srv.shop.odd_u005fname.Value");
        assertThat(schemas.adjust("srv.shop.my-table.Value")).isEqualTo("srv.shop.my_u002dtable.Value");
        assertThat(schemas.adjust("srv.shop.t.bla.Value")).isEqualTo("srv.shop.t.bla.Value");
        assertThat(fields.adjust("first_name")).isEqualTo("first_u005fname");
        assertThat(fields.adjust("1col")).isEqualTo("_u0031col");
        assertThat(fields.adjust("_x")).isEqualTo("_u005fx");
        assertThat(fields.adjust("a.b")).isEqualTo("a_u002eb");
        // Debezium pads the code to four digits only when it has one or two: U+017C has three, a tab one
        assertThat(fields.adjust("zażółć")).isEqualTo("za_u17c_u00f3_u142_u107");
        assertThat(fields.adjust("a\tb")).isEqualTo("a_u009b");
        assertThat(fields.adjust("€")).isEqualTo("_u20ac");
        // a character outside the Basic Multilingual Plane is two chars, each escaped
        assertThat(fields.adjust("x😀")).isEqualTo("x_ud83d_ude00");
    }

    @Test
    void twoNamesAdjustedIntoOneAreAnErrorNamingBothAndTheOption() {
        NameAdjuster fields = NameAdjuster.forFieldNames(NameAdjustmentMode.AVRO);
        fields.adjust("a-b");
        fields.adjust("a-b");
        fields.adjust("a_b"); // unchanged names are not remembered, as in Debezium

        assertThatThrownBy(() -> fields.adjust("a.b"))
                .isInstanceOf(SourceException.class)
                .hasMessage("field.name.adjustment.mode=avro turns both 'a-b' and 'a.b' into 'a_b', so their events "
                        + "could not be told apart; rename one of them or choose another mode");
    }
}
