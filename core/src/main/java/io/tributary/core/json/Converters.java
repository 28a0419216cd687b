package io.tributary.core.json;

import java.util.List;
import java.util.Optional;

import io.tributary.api.config.ConfigOption;

/** The converter settings of sinks that write JSON: only Kafka Connect's JsonConverter format is written. */
public final class Converters {
    public static final String JSON_CONVERTER = "org.apache.kafka.connect.json.JsonConverter";

    private Converters() {
    }

    /** {@code key.converter} or {@code value.converter}: absent or JsonConverter. */
    public static ConfigOption<String> option(String key) {
        return new ConfigOption<>(key, JSON_CONVERTER + " (the only format this sink writes)", String::strip,
                Optional.empty(), false, false, List.of(), "the record format; JsonConverter only")
                .validatedBy(JSON_CONVERTER::equals, JSON_CONVERTER + " (the only format this sink writes)");
    }
}
