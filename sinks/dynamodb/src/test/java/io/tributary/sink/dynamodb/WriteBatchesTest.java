package io.tributary.sink.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class WriteBatchesTest {
    private static Write put(String table, long id, String status) {
        Map<String, AttributeValue> key = Map.of("id", AttributeValue.fromN(String.valueOf(id)));
        return new Write(table, key, Map.of("id", key.get("id"), "status", AttributeValue.fromS(status)));
    }

    private static Write delete(String table, long id) {
        return new Write(table, Map.of("id", AttributeValue.fromN(String.valueOf(id))), null);
    }

    @Test
    void keepsTheLastWriteOfEachKeyInTheOrderKeysLastChanged() {
        List<Write> writes = List.of(put("orders", 1, "new"), put("orders", 2, "new"), put("orders", 1, "paid"),
                delete("orders", 2), put("orders", 3, "new"));

        Map<String, List<List<Write>>> calls = WriteBatches.of(writes);

        assertThat(calls).containsOnlyKeys("orders");
        assertThat(calls.get("orders")).singleElement().asList()
                .containsExactly(writes.get(2), writes.get(3), writes.get(4));
    }

    @Test
    void splitsIntoCallsOfAtMost25PerTable() {
        List<Write> writes = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            writes.add(put(i % 2 == 0 ? "even" : "odd", i, "new"));
        }

        Map<String, List<List<Write>>> calls = WriteBatches.of(writes);

        assertThat(calls.keySet()).containsExactly("even", "odd");
        assertThat(calls.get("even")).extracting(List::size).containsExactly(25, 5);
        assertThat(calls.get("odd")).extracting(List::size).containsExactly(25, 5);
    }
}
