package io.tributary.source.mysql.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class TransactionMetadataTest {
    @Test
    void theEndEventListsCollectionsInTheOrderDebeziumsMapGivesThem() {
        TransactionMetadata metadata = new TransactionMetadata("diff");
        metadata.begin("0-1-45", 0);
        for (String table : List.of("t1", "t2", "t3", "snap", "t4", "t5")) {
            metadata.next("hunt4." + table);
        }

        Object[][] end = metadata.end(0);

        @SuppressWarnings("unchecked")
        List<Object[]> collections = (List<Object[]>) end[1][3];
        // Debezium 3.5's END event of this transaction (hunt4.snap and hunt4.t5 share a bucket of its HashMap, in
        // the order they were first counted)
        assertThat(collections.stream().map(collection -> collection[0]).toList()).containsExactly("hunt4.t2",
                "hunt4.t1", "hunt4.snap", "hunt4.t5", "hunt4.t4", "hunt4.t3");
        assertThat(collections.stream().map(Arrays::toString).toList()).allMatch(text -> text.endsWith(", 1]"));
    }
}
