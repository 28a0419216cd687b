package io.tributary.compat;

import static java.util.Objects.requireNonNull;

/**
 * One record as a Kafka Connect JsonConverter would write it: topic, key JSON and value JSON (either may be null,
 * the value for a tombstone).
 */
record CapturedEvent(String topic, String key, String value) {
    CapturedEvent {
        requireNonNull(topic, "topic is null");
    }
}
