package io.tributary.core.offsets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A source partition and offset as JSON, the way Kafka Connect writes them to its offset topic. */
public final class OffsetJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private OffsetJson() {
    }

    public static byte[] write(Map<String, ?> map) {
        try {
            return MAPPER.writeValueAsBytes(map);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Map<String, Object> read(byte[] json) {
        try {
            return MAPPER.readValue(json, MAP);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a JSON object: " + e.getMessage(), e);
        }
    }
}
