package io.tributary.compat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tributary.api.ChangeRecord;
import io.tributary.transforms.TransformChain;
import io.tributary.core.json.ConnectJsonEncoder;
import io.tributary.source.mysql.MySqlSource;
import io.tributary.testkit.TestingBinlogServer;

/** Tributary's MySQL source, polled on a thread of its own, its records encoded as JsonConverter would. */
final class TributaryCapture extends Capture {
    private final MySqlSource source = new MySqlSource();
    private final Thread poller;
    private volatile Throwable failure;
    private volatile boolean running = true;
    /** The offset of the last record polled; null before the first. */
    private volatile Map<String, ?> lastOffset;

    private TributaryCapture(Map<String, String> properties, JsonForms forms, Optional<Map<String, ?>> offset) {
        super(forms.first());
        source.start(properties, offset);
        // the connector configuration's transforms, as the standalone runtime applies them
        TransformChain transforms = TransformChain.of(properties);
        Map<Boolean, ConnectJsonEncoder> encoders = new java.util.LinkedHashMap<>();
        forms.logs().keySet().forEach(schemas -> encoders.put(schemas, new ConnectJsonEncoder(schemas)));
        poller = new Thread(() -> {
            try {
                while (running) {
                    List<ChangeRecord> polled = source.poll();
                    if (!polled.isEmpty()) {
                        lastOffset = polled.get(polled.size() - 1).offset();
                    }
                    for (ChangeRecord record : transforms.apply(polled)) {
                        forms.logs().forEach((schemas, log) -> log.add(event(record, encoders.get(schemas))));
                        forms.avro().ifPresent(form -> form.add(record));
                    }
                }
            } catch (Throwable e) {
                failure = e;
            }
        }, "tributary-capture");
        poller.start();
    }

    static TributaryCapture start(TestingBinlogServer server, String prefix, boolean schemas,
            Map<String, String> overrides, EventLog log) {
        return start(server, prefix, overrides, JsonForms.of(schemas, log), Optional.empty());
    }

    /**
     * Starts capturing into a log per JSON form, from {@code offset} (as a runtime does with the offset it stored), or
     * afresh when empty.
     */
    static TributaryCapture start(TestingBinlogServer server, String prefix, Map<String, String> overrides,
            JsonForms forms, Optional<Map<String, ?>> offset) {
        Map<String, String> properties = new HashMap<>();
        properties.put("connector.class", "io.tributary.connect.mysql.MySqlSourceConnector");
        properties.put("database.hostname", server.host());
        properties.put("database.port", String.valueOf(server.port()));
        properties.put("database.user", TestingBinlogServer.CDC_USER);
        properties.put("database.password", TestingBinlogServer.CDC_PASSWORD);
        properties.put("database.server.id", "5402");
        properties.put("topic.prefix", prefix);
        properties.putAll(overrides);
        return new TributaryCapture(properties, forms, offset);
    }

    /** A record as JsonConverter writes it with {@code json}'s setting. */
    private static CapturedEvent event(ChangeRecord record, ConnectJsonEncoder json) {
        return new CapturedEvent(record.topic(), text(json.encode(record.keySchema(), record.key())),
                text(json.encode(record.valueSchema(), record.value())), headers(record, json));
    }

    /** Headers as Debezium's engine hands them over: each value in JsonConverter's form. */
    private static List<String> headers(ChangeRecord record, ConnectJsonEncoder json) {
        List<String> headers = new ArrayList<>();
        for (ChangeRecord.Header header : record.headers()) {
            headers.add(header.key() + "=" + text(json.encode(header.schema(), header.value())));
        }
        return headers;
    }

    private static String text(byte[] json) {
        return json == null ? null : new String(json, StandardCharsets.UTF_8);
    }

    /** The offset of the last record polled, which a runtime would have stored; null before the first. */
    Map<String, ?> lastOffset() {
        return lastOffset;
    }

    @Override
    Throwable failure() {
        return failure;
    }

    @Override
    public void close() {
        running = false;
        try {
            poller.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        source.close();
    }
}
