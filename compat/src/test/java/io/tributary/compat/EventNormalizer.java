package io.tributary.compat;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Removes from an event's JSON only what legitimately differs between two connectors capturing the same change:
 * the connector version and the wall-clock times. Field order is kept, so what remains is compared byte for byte.
 */
final class EventNormalizer {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TIMES = List.of("ts_ms", "ts_us", "ts_ns");

    private EventNormalizer() {
    }

    static String normalize(String json) {
        if (json == null) {
            return null;
        }
        try {
            JsonNode root = JSON.readTree(json);
            JsonNode payload = root.has("payload") && root.has("schema") ? root.get("payload") : root;
            if (payload instanceof ObjectNode envelope) {
                TIMES.forEach(envelope::remove);
                if (envelope.get("source") instanceof ObjectNode source) {
                    source.remove("version");
                    TIMES.forEach(source::remove);
                }
            }
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + json, e);
        }
    }

    static CapturedEvent normalize(CapturedEvent event) {
        return new CapturedEvent(event.topic(), normalize(event.key()), normalize(event.value()));
    }
}
