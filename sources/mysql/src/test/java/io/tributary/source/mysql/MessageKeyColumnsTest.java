package io.tributary.source.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import io.tributary.source.mysql.schema.TableId;
import org.junit.jupiter.api.Test;

class MessageKeyColumnsTest {
    private static final TableId ORDERS = new TableId("shop", "orders");
    private static final List<String> ORDER_COLUMNS = List.of("id", "customer_id", "order_no", "note");

    @Test
    void theKeyColumnsComeInTheConfiguredOrder() {
        MessageKeyColumns keys = MessageKeyColumns.parse("shop.orders:order_no,customer_id");

        assertThat(keys.keyOf(ORDERS, ORDER_COLUMNS)).contains(List.of("order_no", "customer_id"));
    }

    @Test
    void tablesAreRegularExpressionsMatchedWholeAndCaseInsensitively() {
        MessageKeyColumns keys = MessageKeyColumns.parse("SHOP.ORDERS.?:ID;other.t:x");

        assertThat(keys.keyOf(ORDERS, ORDER_COLUMNS)).contains(List.of("id"));
        assertThat(keys.keyOf(new TableId("shop", "ordersX"), ORDER_COLUMNS)).contains(List.of("id"));
        assertThat(keys.keyOf(new TableId("shop", "xorders"), ORDER_COLUMNS)).isEmpty();
        assertThat(keys.keyOf(new TableId("shopping", "orders"), ORDER_COLUMNS)).isEmpty();
        // the table and the column make one expression: a wildcard of the table reaches into the column
        assertThat(MessageKeyColumns.parse("shop.ord.*:id").keyOf(ORDERS, ORDER_COLUMNS))
                .contains(List.of("id", "customer_id"));
    }

    @Test
    void theDotsAreExpressionsTooSoTheyMatchAnyCharacterAsInDebezium() {
        MessageKeyColumns keys = MessageKeyColumns.parse("shop.t.bla:id");

        assertThat(keys.keyOf(new TableId("shop", "t.bla"), List.of("id"))).contains(List.of("id"));
        assertThat(keys.keyOf(new TableId("shop", "tXbla"), List.of("id"))).contains(List.of("id"));
        assertThat(keys.keyOf(new TableId("shopX", "t.bla"), List.of("id"))).isEmpty();
        assertThat(MessageKeyColumns.parse("shop\\.t\\.bla:id").keyOf(new TableId("shop", "tXbla"), List.of("id")))
                .isEmpty();
    }

    @Test
    void columnsAreExpressionsTooAndEachAddsWhatItMatchesInTableOrder() {
        MessageKeyColumns keys = MessageKeyColumns.parse("shop.orders:.*_(id|no), id");

        assertThat(keys.keyOf(ORDERS, ORDER_COLUMNS)).contains(List.of("customer_id", "order_no", "id"));
    }

    @Test
    void aTableNoEntryMatchesKeepsItsOwnKey() {
        MessageKeyColumns keys = MessageKeyColumns.parse("shop.orders:missing");

        assertThat(keys.keyOf(ORDERS, ORDER_COLUMNS)).isEmpty();
        assertThat(MessageKeyColumns.NONE.keyOf(ORDERS, ORDER_COLUMNS)).isEmpty();
    }

    @Test
    void whitespaceIsTrimmedAroundEntriesAndColumnsButNotBeforeTheColon() {
        MessageKeyColumns keys = MessageKeyColumns.parse(" shop.orders : id ;  shop.items:sku , line ");

        assertThat(keys.keyOf(ORDERS, ORDER_COLUMNS)).isEmpty();
        assertThat(keys.keyOf(new TableId("shop", "items"), List.of("line", "sku"))).contains(List.of("sku", "line"));
    }

    @Test
    void commasInTheTableSplitItIntoAlternativesUnlessEscaped() {
        assertThat(MessageKeyColumns.parse("shop.t{1\\,2}:id").keyOf(new TableId("shop", "tt"), List.of("id")))
                .contains(List.of("id"));
        assertThat(MessageKeyColumns.isValid("shop.t{1,2}:id")).isFalse();
    }

    @Test
    void malformedValuesAreRefused() {
        assertThat(MessageKeyColumns.isValid("")).isFalse();
        assertThat(MessageKeyColumns.isValid("shop.orders")).isFalse();
        assertThat(MessageKeyColumns.isValid("shop.orders:")).isFalse();
        assertThat(MessageKeyColumns.isValid("shop.orders:a,,b")).isFalse();
        assertThat(MessageKeyColumns.isValid("shop.orders:a;;shop.items:b")).isFalse();
        assertThat(MessageKeyColumns.isValid("shop.orders:a:b")).isFalse();
        assertThat(MessageKeyColumns.isValid("shop.(orders:id")).isFalse();
        assertThat(MessageKeyColumns.isValid("shop.orders:id\\")).isFalse();
        assertThatThrownBy(() -> MessageKeyColumns.parse("shop.orders:id;shop.items"))
                .hasMessageContaining("'shop.items' is not <table>:<column>[,<column>...]");
        assertThat(MessageKeyColumns.isValid("shop.orders:id;")).isTrue();
    }
}
