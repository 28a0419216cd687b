package io.tributary.compat;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Removes from an event's JSON only what legitimately differs between two connectors capturing the same change:
 * the connector version and the wall-clock times; and, in schema-change events written while streaming, the
 * display width of integer columns. Debezium takes that width from the DDL statement's text (null when the
 * statement wrote none); Tributary has no DDL parser and reads it from {@code information_schema}. Of the headers,
 * Debezium's {@code __debezium.context.*} ones are left out. Field order is kept, so what remains is compared byte
 * for byte.
 */
final class EventNormalizer {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TIMES = List.of("ts_ms", "ts_us", "ts_ns");
    /** Debezium's context headers (connector name, task, run id), which Tributary does not write. */
    private static final String DEBEZIUM_CONTEXT = "__debezium.context.";

    private EventNormalizer() {
    }

    static String normalize(String json) {
        if (json == null || !(json.startsWith("{") || json.startsWith("["))) {
            return json; // a tombstone, or a key written by StringConverter
        }
        try {
            JsonNode root = JSON.readTree(json);
            JsonNode payload = root.has("payload") && root.has("schema") ? root.get("payload") : root;
            if (payload instanceof ObjectNode envelope) {
                TIMES.forEach(envelope::remove);
                if (envelope.get("source") instanceof ObjectNode source) {
                    if (envelope.has("tableChanges") && "false".equals(source.path("snapshot").asText())) {
                        envelope.get("tableChanges").forEach(EventNormalizer::withoutIntegerWidths);
                    }
                    source.remove("version");
                    TIMES.forEach(source::remove);
                }
                if ("r".equals(envelope.path("__op").asText())) {
                    // an unwrapped snapshot row with add.fields: its source time is when each side read the row
                    TIMES.forEach(time -> envelope.remove("__source_" + time));
                }
            }
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + json, e);
        }
    }

    private static void withoutIntegerWidths(JsonNode change) {
        for (JsonNode column : change.path("table").path("columns")) {
            if (column.path("typeName").asText().matches("(TINY|SMALL|MEDIUM|BIG)?INT( UNSIGNED)?")) {
                ((ObjectNode) column).putNull("length");
            }
        }
    }

    static CapturedEvent normalize(CapturedEvent event) {
        List<String> headers = event.headers().stream()
                .filter(header -> !header.startsWith(DEBEZIUM_CONTEXT)).toList();
        return new CapturedEvent(event.topic(), normalize(event.key()), normalize(event.value()), headers);
    }
}
