package io.tributary.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tributary.api.ChangeRecord;
import io.tributary.api.ChangeSink;
import io.tributary.api.EventSchema;
import io.tributary.api.SinkException;
import io.tributary.api.config.ConfigDefinition;
import io.tributary.api.config.ConfigOption;
import io.tributary.api.config.ParsedConfig;
import io.tributary.api.config.UndeclaredKeys;
import io.tributary.core.json.ByteSink;
import io.tributary.core.json.ConnectJsonEncoder;
import io.tributary.core.convert.Converters;
import io.tributary.core.convert.RecordEncoder;
import io.tributary.core.json.HeaderText;

/**
 * One JSON line per record, a file per topic ({@code <directory>/<topic>.jsonl}):
 * {@code {"key":<key>,"value":<value>}} with key and value exactly as Kafka Connect's JsonConverter writes them
 * ({@code null} for a tombstone's value) — or, under StringConverter, the text it writes as a JSON string — then {@code "headers":[{"key":..,"value":..}, ...]} when the record has
 * headers, each value the text Kafka Connect's default header converter writes. For debugging, tests and small jobs.
 *
 * <p>Appends: each batch reaches each file in one write of whole lines at the end of {@link #write} (so a reader
 * tailing the file sees it at once), and {@link #flush} forces the files to disk — the runtime flushes before it
 * stores an offset, so that is the only place durability is paid for. A failed write takes a file back to its last
 * durable point, and a file is opened without a trailing partial line ({@link TopicFile}).
 */
final class FileSink implements ChangeSink {
    static final ConfigOption<String> DIRECTORY = ConfigOption.string("directory").asRequired()
            .withDoc("the directory the files go to; created when missing");
    static final ConfigOption<Boolean> KEY_SCHEMAS = ConfigOption.bool("key.converter.schemas.enable")
            .withDefault(true);
    static final ConfigOption<Boolean> VALUE_SCHEMAS = ConfigOption.bool("value.converter.schemas.enable")
            .withDefault(true);
    static final ConfigOption<String> KEY_CONVERTER = Converters.option("key.converter");
    static final ConfigOption<String> VALUE_CONVERTER = Converters.option("value.converter");
    static final ConfigDefinition DEFINITION = new ConfigDefinition(List.of(DIRECTORY, KEY_SCHEMAS,
            VALUE_SCHEMAS, KEY_CONVERTER, VALUE_CONVERTER), Set.of())
            .withUndeclaredKeys(UndeclaredKeys.reject("the file sink"));
    private static final byte[] KEY = "{\"key\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] VALUE = ",\"value\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END = "}\n".getBytes(StandardCharsets.US_ASCII);
    private static final EventSchema TEXT = EventSchema.of(EventSchema.Type.STRING).asOptional();
    private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);

    /** JSON strings (header values, StringConverter text); an encoder of this sink's own: encoders keep state. */
    private final ConnectJsonEncoder plainJson = new ConnectJsonEncoder(false);
    private Path directory;
    private RecordEncoder keys;
    private RecordEncoder values;
    /** Whether keys, values are the text StringConverter writes, which a line holds as a JSON string. */
    private boolean textKeys;
    private boolean textValues;
    private final Map<String, TopicFile> files = new HashMap<>();
    /** The topic of the last record written and its file; null when none. */
    private String lastTopic;
    private TopicFile lastFile;

    @Override
    public void start(String pipeline, Map<String, String> config) {
        ParsedConfig parsed = DEFINITION.parse(config);
        directory = Path.of(parsed.get(DIRECTORY));
        keys = Converters.encoder(parsed.get(KEY_CONVERTER), parsed.get(KEY_SCHEMAS));
        values = Converters.encoder(parsed.get(VALUE_CONVERTER), parsed.get(VALUE_SCHEMAS));
        textKeys = parsed.get(KEY_CONVERTER).equals(Converters.STRING_CONVERTER);
        textValues = parsed.get(VALUE_CONVERTER).equals(Converters.STRING_CONVERTER);
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new SinkException("cannot create the file sink's directory " + directory + ": " + e.getMessage(),
                    e);
        }
    }

    @Override
    public void write(List<ChangeRecord> records) {
        for (ChangeRecord record : records) {
            TopicFile file = file(record.topic());
            ByteSink line = file.lines();
            int start = line.size();
            try {
                line.write(KEY);
                writeJson(line, keys, record.keySchema(), record.keySchema() == null ? null : record.key(), textKeys);
                line.write(VALUE);
                writeJson(line, values, record.valueSchema(), record.value(), textValues);
                if (!record.headers().isEmpty()) {
                    line.write(headers(record));
                }
            } catch (RuntimeException e) {
                line.truncate(start); // no half line reaches the file
                throw e;
            }
            file.endLine(END);
        }
        for (TopicFile file : files.values()) {
            file.write();
        }
    }

    /** The topic's file, opened on its first record; the last one found is kept, as a batch mostly has one topic. */
    private TopicFile file(String topic) {
        if (!topic.equals(lastTopic)) {
            TopicFile file = files.get(topic);
            if (file == null) {
                file = TopicFile.open(directory.resolve(topic + ".jsonl"));
                files.put(topic, file);
            }
            lastTopic = topic;
            lastFile = file;
        }
        return lastFile;
    }

    /**
     * A key or value as JSON in the line: null, the JSON a JsonConverter writes (straight into the line), or a
     * string holding the text a StringConverter writes.
     */
    private void writeJson(ByteSink line, RecordEncoder encoder, EventSchema schema, Object value, boolean text) {
        if (text) {
            byte[] encoded = encoder.encode(schema, value);
            line.write(encoded == null ? NULL
                    : plainJson.encode(TEXT, new String(encoded, StandardCharsets.UTF_8)));
        } else if (!encoder.encodeTo(schema, value, line)) {
            line.write(NULL);
        }
    }

    private byte[] headers(ChangeRecord record) {
        StringBuilder json = new StringBuilder(",\"headers\":[");
        for (ChangeRecord.Header header : record.headers()) {
            byte[] text = HeaderText.encode(header);
            json.append(json.charAt(json.length() - 1) == '[' ? "" : ",").append("{\"key\":")
                    .append(jsonString(header.key())).append(",\"value\":")
                    .append(text == null ? "null" : jsonString(new String(text, StandardCharsets.UTF_8))).append('}');
        }
        return json.append(']').toString().getBytes(StandardCharsets.UTF_8);
    }

    private String jsonString(String text) {
        return new String(plainJson.encode(TEXT, text), StandardCharsets.UTF_8);
    }

    @Override
    public void flush() {
        for (TopicFile file : files.values()) {
            file.force();
        }
    }

    @Override
    public void close() {
        try {
            for (TopicFile file : files.values()) {
                try {
                    file.close();
                } catch (SinkException e) {
                    // the records not written are delivered again from the stored offset
                }
            }
        } finally {
            files.clear();
            lastTopic = null;
            lastFile = null;
        }
    }
}
