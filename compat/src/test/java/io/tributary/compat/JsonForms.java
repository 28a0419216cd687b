package io.tributary.compat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * The event logs a capture writes, one per {@code schemas.enable} setting of Kafka Connect's JsonConverter, so that one
 * capture is compared in both JSON forms, and optionally in Avro ({@link AvroForm}). The first log is the one waits
 * count.
 */
record JsonForms(Map<Boolean, EventLog> logs, java.util.Optional<AvroForm> avro) {
    JsonForms {
        logs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(logs));
    }

    /** One log, in one form. */
    static JsonForms of(boolean schemas, EventLog log) {
        return new JsonForms(Map.of(schemas, log), java.util.Optional.empty());
    }

    /** These logs and the Avro form too. */
    JsonForms withAvro(AvroForm form) {
        return new JsonForms(logs, java.util.Optional.of(form));
    }

    /** A log in each form, named {@code name-schemas} and {@code name-plain}: schemas first. */
    static JsonForms both(String name) {
        Map<Boolean, EventLog> logs = new LinkedHashMap<>();
        logs.put(true, new EventLog(name + "-schemas"));
        logs.put(false, new EventLog(name + "-plain"));
        return new JsonForms(logs, java.util.Optional.empty());
    }

    EventLog first() {
        return logs.values().iterator().next();
    }

    EventLog log(boolean schemas) {
        return logs.get(schemas);
    }

    /**
     * Writes a Kafka Connect record to each log as Debezium's embedded engine in its JSON format writes it: key,
     * value and headers through a JsonConverter with that log's {@code schemas.enable}.
     */
    void add(SourceRecord record, Map<Boolean, Converters> converters) {
        logs.forEach((schemas, log) -> log.add(converters.get(schemas).event(record)));
        avro.ifPresent(form -> form.add(record));
    }

    /** A JsonConverter for keys, values and headers per form. */
    Map<Boolean, Converters> converters() {
        Map<Boolean, Converters> converters = new LinkedHashMap<>();
        logs.keySet().forEach(schemas -> converters.put(schemas, new Converters(schemas)));
        return converters;
    }

    /** Kafka Connect's JsonConverter for keys, values and headers, with or without schemas. */
    static final class Converters {
        private final JsonConverter keys = new JsonConverter();
        private final JsonConverter values = new JsonConverter();
        private final JsonConverter headers = new JsonConverter();

        Converters(boolean schemas) {
            keys.configure(Map.of("schemas.enable", String.valueOf(schemas)), true);
            values.configure(Map.of("schemas.enable", String.valueOf(schemas)), false);
            headers.configure(Map.of("schemas.enable", String.valueOf(schemas), "converter.type", "header"));
        }

        CapturedEvent event(SourceRecord record) {
            String topic = record.topic();
            List<String> texts = new ArrayList<>();
            for (org.apache.kafka.connect.header.Header header : record.headers()) {
                texts.add(header.key() + "=" + text(headers.fromConnectHeader(topic, header.key(), header.schema(),
                        header.value())));
            }
            return new CapturedEvent(topic, text(keys.fromConnectData(topic, record.keySchema(), record.key())),
                    text(values.fromConnectData(topic, record.valueSchema(), record.value())), texts);
        }

        private static String text(byte[] json) {
            return json == null ? null : new String(json, StandardCharsets.UTF_8);
        }
    }
}
