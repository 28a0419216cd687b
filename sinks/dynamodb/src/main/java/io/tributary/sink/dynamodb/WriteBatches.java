package io.tributary.sink.dynamodb;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Pending writes grouped into BatchWriteItem calls: per table, only the last write of each key (a batch may not
 * name a key twice), keys in the order of their last change, at most 25 writes per call.
 */
final class WriteBatches {
    static final int MAX_PER_CALL = 25;

    private WriteBatches() {
    }

    /** The calls to make, per table in the order tables first appear. */
    static Map<String, List<List<Write>>> of(List<Write> writes) {
        Map<String, Map<Map<String, AttributeValue>, Write>> byTable = new LinkedHashMap<>();
        for (Write write : writes) {
            Map<Map<String, AttributeValue>, Write> latest = byTable.computeIfAbsent(write.table(),
                    ignored -> new LinkedHashMap<>());
            latest.remove(write.key());
            latest.put(write.key(), write);
        }
        Map<String, List<List<Write>>> calls = new LinkedHashMap<>();
        byTable.forEach((table, latestByKey) -> {
            List<Write> latest = new ArrayList<>(latestByKey.values());
            List<List<Write>> batches = new ArrayList<>();
            for (int from = 0; from < latest.size(); from += MAX_PER_CALL) {
                batches.add(latest.subList(from, Math.min(latest.size(), from + MAX_PER_CALL)));
            }
            calls.put(table, batches);
        });
        return calls;
    }
}
