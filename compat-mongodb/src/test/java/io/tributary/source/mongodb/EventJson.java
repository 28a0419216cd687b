package io.tributary.source.mongodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.api.ChangeRecord;
import io.tributary.connect.ConnectBridge;
import io.tributary.core.json.ConnectJsonEncoder;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * One event's key and value as Kafka Connect's JsonConverter writes them (schemas enabled or not), normalised in the
 * fields that legitimately differ between two connectors, and only those:
 * <ul>
 * <li>the envelope's {@code ts_ms}: when the connector handled the event (a wall-clock reading);</li>
 * <li>{@code source.version}: the connector's version;</li>
 * <li>a snapshot read's {@code source.ts_ms}, {@code ts_us} and {@code ts_ns}: Debezium dates a read with the clock
 * (its offset has no change-stream time), so does Tributary; likewise, only where the test asks
 * ({@link Window#withSourceClock}), a streamed event's that Debezium dates with the clock.</li>
 * </ul>
 * Each is checked before it is replaced by a marker: a time must lie within the differential's run, a version must be
 * there. A streamed event's source times come from its {@code clusterTime} or {@code wallTime} and are compared as they
 * are.
 */
record EventJson(String topic, String key, String value) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SOURCE_TIMES = List.of("ts_ms", "ts_us", "ts_ns");
    private static final long[] DIVISORS = {1, 1_000, 1_000_000};

    /**
     * The run's time window: a wall-clock time must fall in it. {@code sourceClock}: the source times of a streamed
     * event are wall-clock readings too (Debezium's, for an event whose cluster time it cannot date).
     */
    record Window(long fromMs, long toMs, boolean sourceClock) {
        static Window openedNow() {
            return new Window(System.currentTimeMillis(), Long.MAX_VALUE, false);
        }

        Window closedNow() {
            return new Window(fromMs, System.currentTimeMillis(), sourceClock);
        }

        /** The same window, the source times of streamed events checked in it and normalised as a read's. */
        Window withSourceClock() {
            return new Window(fromMs, toMs, true);
        }

        void check(long ms, String what) {
            assertThat(ms).as("%s: a wall-clock time within the run", what).isBetween(fromMs, toMs);
        }
    }

    /** A Kafka Connect record through JsonConverter. */
    static EventJson of(SourceRecord record, boolean schemas, Window window) {
        JsonConverter keys = converter(schemas, true);
        JsonConverter values = converter(schemas, false);
        return normalized(record.topic(), keys.fromConnectData(record.topic(), record.keySchema(), record.key()),
                values.fromConnectData(record.topic(), record.valueSchema(), record.value()), window);
    }

    /** A Tributary record made a Kafka Connect record by {@link ConnectBridge}, then through JsonConverter. */
    static EventJson viaConnect(ChangeRecord record, boolean schemas, Window window) {
        ConnectBridge bridge = new ConnectBridge();
        SourceRecord connect = new SourceRecord(record.partition(), record.offset(), record.topic(), null,
                bridge.connectSchema(record.keySchema()), bridge.connectValue(record.keySchema(), record.key()),
                bridge.connectSchema(record.valueSchema()), bridge.connectValue(record.valueSchema(), record.value()));
        return of(connect, schemas, window);
    }

    /** A record through JsonConverter, nothing normalised (records without wall-clock fields: an unwrap's). */
    static EventJson raw(SourceRecord record, boolean schemas) {
        return new EventJson(record.topic(), text(converter(schemas, true).fromConnectData(record.topic(),
                record.keySchema(), record.key())), text(converter(schemas, false).fromConnectData(record.topic(),
                        record.valueSchema(), record.value())));
    }

    /** A Tributary record through {@link ConnectBridge} and JsonConverter, nothing normalised. */
    static EventJson rawViaConnect(ChangeRecord record, boolean schemas) {
        ConnectBridge bridge = new ConnectBridge();
        return raw(new SourceRecord(record.partition(), record.offset(), record.topic(), null,
                bridge.connectSchema(record.keySchema()), bridge.connectValue(record.keySchema(), record.key()),
                bridge.connectSchema(record.valueSchema()), bridge.connectValue(record.valueSchema(), record.value())),
                schemas);
    }

    /** A Tributary record through Tributary's own encoder, nothing normalised. */
    static EventJson rawViaEncoder(ChangeRecord record, boolean schemas) {
        ConnectJsonEncoder encoder = new ConnectJsonEncoder(schemas);
        return new EventJson(record.topic(), text(encoder.encode(record.keySchema(), record.key())),
                text(encoder.encode(record.valueSchema(), record.value())));
    }

    /** A Tributary record through Tributary's own encoder of JsonConverter's format (its server's path). */
    static EventJson viaEncoder(ChangeRecord record, boolean schemas, Window window) {
        ConnectJsonEncoder encoder = new ConnectJsonEncoder(schemas);
        return normalized(record.topic(), encoder.encode(record.keySchema(), record.key()),
                encoder.encode(record.valueSchema(), record.value()), window);
    }

    private static JsonConverter converter(boolean schemas, boolean isKey) {
        JsonConverter converter = new JsonConverter();
        converter.configure(Map.of("schemas.enable", String.valueOf(schemas)), isKey);
        return converter;
    }

    private static EventJson normalized(String topic, byte[] key, byte[] value, Window window) {
        return new EventJson(topic, text(key), value == null ? null : normalize(text(value), window));
    }

    private static String text(byte[] json) {
        return json == null ? null : new String(json, StandardCharsets.UTF_8);
    }

    /**
     * Checks the fields named above in the parsed JSON, then replaces their values in the text itself: the rest stays
     * as the converter wrote it, byte for byte (escapes, number forms, field order).
     */
    private static String normalize(String json, Window window) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + json, e);
        }
        JsonNode envelope = root.has("schema") && root.has("payload") ? root.get("payload") : root;
        window.check(envelope.get("ts_ms").asLong(), "the envelope's ts_ms");
        JsonNode source = envelope.get("source");
        assertThat(source.path("version").asText()).as("source.version").isNotEmpty();
        String normalized = replaceOnce(json, ENVELOPE_TIME, "$1\"<wall clock>\"");
        normalized = replaceOnce(normalized, VERSION, "$1\"<version>\"");
        if ("r".equals(envelope.path("op").asText()) || window.sourceClock()) {
            for (int i = 0; i < SOURCE_TIMES.size(); i++) {
                String time = SOURCE_TIMES.get(i);
                window.check(source.get(time).asLong() / DIVISORS[i], "a clock-dated source." + time);
                normalized = replaceOnce(normalized, Pattern.compile("(\"" + time + "\":)-?\\d+"),
                        "$1\"<wall clock>\"");
            }
        }
        return normalized;
    }

    /** The envelope's ts_ms: the number after {@code op}. */
    private static final Pattern ENVELOPE_TIME = Pattern.compile("(\"op\":(?:\"[a-z]\"|null),\"ts_ms\":)-?\\d+");
    /** source.version: the only string-valued {@code version} (a schema's version is a number; documents are strings). */
    private static final Pattern VERSION = Pattern.compile("(\"version\":)\"[^\"]*\"");

    private static String replaceOnce(String json, Pattern pattern, String replacement) {
        Matcher matcher = pattern.matcher(json);
        assertThat(matcher.results().count()).as("occurrences of %s in %s", pattern, json).isEqualTo(1);
        return pattern.matcher(json).replaceFirst(replacement);
    }
}
