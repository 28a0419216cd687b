package io.tributary.compat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.apicurio.registry.utils.converter.AvroConverter;
import io.tributary.api.ChangeRecord;
import io.tributary.converter.avro.AvroConverterConfig;
import io.tributary.converter.avro.AvroEncoder;
import io.tributary.converter.avro.SubjectNaming;
import io.tributary.testkit.TestingSchemaRegistry;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * The Avro form of a capture: keys and values written in Confluent's wire format against a real schema registry —
 * Debezium's records by Apicurio Registry 2.6's {@code AvroConverter} (as Debezium's images ship it, in Confluent's
 * format), Tributary's by its own {@link AvroEncoder} — and logged as
 * {@code {"id":<schema id>,"schema":<the registered schema>,"payload":<the decoded value>}}. Both register into the
 * same registry, whose ids are content ids: equal ids mean byte-identical schema texts, and with equal decoded values,
 * byte-identical records. The payload is the decoded value as plain JSON (unions unwrapped, bytes in Base64), so that
 * {@link EventNormalizer} removes the same times as from the JSON forms.
 */
final class AvroForm {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final EventLog log;
    private final TestingSchemaRegistry registry;
    private final boolean withIds;
    private final Map<Integer, Schema> schemas = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private AvroConverter<?> debeziumKeys;
    private AvroConverter<?> debeziumValues;
    private AvroEncoder tributaryKeys;
    private AvroEncoder tributaryValues;

    AvroForm(String name, TestingSchemaRegistry registry) {
        this(name, registry, true);
    }

    /**
     * A form logging without the schema ids ({@code withIds} false), to compare records written into different
     * registries by their schemas and values.
     */
    AvroForm(String name, TestingSchemaRegistry registry, boolean withIds) {
        this.log = new EventLog(name + "-avro");
        this.registry = registry;
        this.withIds = withIds;
    }

    EventLog log() {
        return log;
    }

    /** Logs a record of Debezium's, as Apicurio's converter writes it. */
    synchronized void add(SourceRecord record) {
        if (debeziumValues == null) {
            debeziumKeys = apicurio(true);
            debeziumValues = apicurio(false);
        }
        String topic = record.topic();
        log.add(new CapturedEvent(topic, text(convert(debeziumKeys, record, true)),
                text(convert(debeziumValues, record, false)), List.of()));
    }

    /**
     * A key or value through Apicurio's converter, once more if the first call lost a race: Apicurio 2.6's client
     * fails ("version already exists") when another writer registers the same schema at the same moment, and finds
     * it on the next call.
     */
    private static byte[] convert(AvroConverter<?> converter, SourceRecord record, boolean key) {
        try {
            return key ? converter.fromConnectData(record.topic(), record.keySchema(), record.key())
                    : converter.fromConnectData(record.topic(), record.valueSchema(), record.value());
        } catch (RuntimeException raced) {
            return key ? converter.fromConnectData(record.topic(), record.keySchema(), record.key())
                    : converter.fromConnectData(record.topic(), record.valueSchema(), record.value());
        }
    }

    /** Logs a record of Tributary's, as its Avro encoder writes it. */
    synchronized void add(ChangeRecord record) {
        if (tributaryValues == null) {
            AvroConverterConfig config = new AvroConverterConfig(List.of(URI.create(registry.confluentUrl())),
                    Optional.empty(), true, SubjectNaming.TOPIC);
            tributaryKeys = AvroEncoder.create(config, true, Duration.ofSeconds(30));
            tributaryValues = AvroEncoder.create(config, false, Duration.ofSeconds(30));
        }
        String topic = record.topic();
        byte[] key = record.keySchema() == null ? null : tributaryKeys.encode(topic, record.keySchema(), record.key());
        log.add(new CapturedEvent(topic, text(key),
                text(tributaryValues.encode(topic, record.valueSchema(), record.value())), List.of()));
    }

    /** Logs a record some other writer put in Kafka (a Connect worker's converter, say), from its bytes. */
    synchronized void addWritten(String topic, byte[] key, byte[] value) {
        log.add(new CapturedEvent(topic, text(key), text(value), List.of()));
    }

    private AvroConverter<?> apicurio(boolean key) {
        AvroConverter<?> converter = new AvroConverter<>();
        converter.configure(registry.apicurioConfluentSettings(), key);
        return converter;
    }

    /** Confluent's wire format as the logged JSON; null for null. */
    private String text(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        if (buffer.get() != 0) {
            throw new AssertionError("not Confluent's wire format (magic byte " + bytes[0] + ")");
        }
        int id = buffer.getInt();
        Schema schema = schemas.computeIfAbsent(id, this::fetch);
        try {
            Object value = new GenericDatumReader<>(schema).read(null,
                    DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null));
            ObjectNode root = NODES.objectNode();
            if (withIds) {
                root.put("id", id);
            }
            root.set("schema", JSON.readTree(schema.toString()));
            root.set("payload", json(value));
            return JSON.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot decode a record under schema " + id, e);
        }
    }

    private Schema fetch(int id) {
        try {
            String body = http.send(HttpRequest.newBuilder(URI.create(registry.confluentUrl() + "/schemas/ids/" + id))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            return new Schema.Parser().parse(JSON.readTree(body).path("schema").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof GenericRecord record) {
            ObjectNode node = NODES.objectNode();
            record.getSchema().getFields().forEach(field -> node.set(field.name(), json(record.get(field.pos()))));
            return node;
        }
        if (value instanceof GenericData.Array<?> || value instanceof List<?>) {
            ArrayNode array = NODES.arrayNode();
            ((List<?>) value).forEach(item -> array.add(json(item)));
            return array;
        }
        if (value instanceof ByteBuffer bytes) {
            byte[] copy = new byte[bytes.remaining()];
            bytes.duplicate().get(copy);
            return NODES.textNode(Base64.getEncoder().encodeToString(copy));
        }
        if (value instanceof Integer number) {
            return NODES.numberNode(number);
        }
        if (value instanceof Long number) {
            return NODES.numberNode(number);
        }
        if (value instanceof Float number) {
            return NODES.textNode("float " + Float.floatToRawIntBits(number));
        }
        if (value instanceof Double number) {
            return NODES.textNode("double " + Double.doubleToRawLongBits(number));
        }
        if (value instanceof Boolean bool) {
            return NODES.booleanNode(bool);
        }
        return NODES.textNode(value.toString());
    }
}
