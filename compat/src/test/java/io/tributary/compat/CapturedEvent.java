package io.tributary.compat;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One record as a Kafka Connect JsonConverter would write it: topic, key JSON and value JSON (either may be null,
 * the value for a tombstone), and its headers as {@code key=value} texts in order.
 */
record CapturedEvent(String topic, String key, String value, List<String> headers) {
    CapturedEvent {
        requireNonNull(topic, "topic is null");
        headers = List.copyOf(headers);
    }

    CapturedEvent(String topic, String key, String value) {
        this(topic, key, value, List.of());
    }
}
