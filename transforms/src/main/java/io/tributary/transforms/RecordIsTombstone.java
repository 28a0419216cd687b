package io.tributary.transforms;

import java.util.Map;

import io.tributary.api.ChangeRecord;
import io.tributary.api.RecordPredicate;

/** Kafka Connect's {@code RecordIsTombstone}: true for records with a null value. */
public final class RecordIsTombstone implements RecordPredicate {
    @Override
    public void configure(Map<String, String> config) {
    }

    @Override
    public boolean test(ChangeRecord record) {
        return record.isTombstone();
    }
}
