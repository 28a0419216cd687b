package io.tributary.converter.avro;

import java.time.Duration;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

import io.tributary.api.EventSchema;
import io.tributary.api.SinkException;
import io.tributary.core.convert.RecordEncoder;
import io.tributary.core.json.ByteSink;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * Writes keys or values as the bytes Kafka Connect's Avro converters write with a schema registry, in Confluent's
 * wire format: a zero byte, the schema's registry id as four big-endian bytes, then the value in Avro's binary
 * encoding under the schema Connect's {@code AvroData} derives ({@link AvroSchemas}).
 *
 * <p>Each table version's schema is derived, compiled and registered once: ids are cached per {@link EventSchema}
 * instance and subject, so the registry is called when a table first appears or changes, never per record.
 *
 * <p>Not thread-safe: use one encoder per thread.
 */
public final class AvroEncoder implements RecordEncoder {
    /** More distinct schema instances than this means a caller makes one per record: start the cache afresh. */
    private static final int MAX_CACHED_SCHEMAS = 10_000;

    private final SchemaRegistryClient registry;
    private final AvroConverterConfig config;
    private final boolean key;
    private final Map<EventSchema, Compiled> compiled = new IdentityHashMap<>();
    private final ByteSink out = new ByteSink();

    /** A schema's Avro text, record name, value writer and its id under each subject it was written to. */
    private record Compiled(String text, String recordName, AvroWriter writer, Map<String, Integer> ids) {
    }

    private AvroEncoder(SchemaRegistryClient registry, AvroConverterConfig config, boolean key) {
        this.registry = registry;
        this.config = config;
        this.key = key;
    }

    /**
     * An encoder for keys ({@code key}) or values with a converter's settings, calling the registry for up to
     * {@code registryTimeout} while it does not answer.
     */
    public static AvroEncoder create(AvroConverterConfig config, boolean key, Duration registryTimeout) {
        return new AvroEncoder(new SchemaRegistryClient(config.urls(), config.userInfo(), registryTimeout), config,
                key);
    }

    /** The Avro schema text registered for {@code schema}: what Connect's AvroData derives, as Avro prints it. */
    public static String avroSchema(EventSchema schema) {
        return AvroSchemas.of(schema).toString();
    }

    @Override
    public byte[] encode(EventSchema schema, Object value) {
        throw new UnsupportedOperationException("an Avro record's subject is named after its topic: use "
                + "encode(topic, schema, value)");
    }

    /** The bytes, or null for a null value (a tombstone or a key-less record's key). */
    @Override
    public byte[] encode(String topic, EventSchema schema, Object value) {
        if (value == null) {
            return null;
        }
        Compiled plan = compiled.get(schema);
        if (plan == null) {
            plan = compile(schema);
        }
        String subject = config.subjects().subject(topic, key, plan.recordName());
        Integer id = plan.ids().get(subject);
        if (id == null) {
            id = config.autoRegister() ? registry.register(subject, plan.text())
                    : registry.lookUp(subject, plan.text());
            plan.ids().put(subject, id);
        }
        out.reset();
        out.write(0);
        out.write(id >>> 24);
        out.write(id >>> 16);
        out.write(id >>> 8);
        out.write(id);
        plan.writer().write(out, value);
        return out.toByteArray();
    }

    private Compiled compile(EventSchema schema) {
        if (compiled.size() >= MAX_CACHED_SCHEMAS) {
            compiled.clear();
        }
        Schema avro;
        try {
            avro = AvroSchemas.of(schema);
        } catch (SchemaParseException invalid) {
            throw new SinkException("the event schema " + schema.name().orElse("(unnamed)") + " cannot be written in "
                    + "Avro: " + invalid.getMessage() + ". Avro names are letters, digits and _ (not starting with a "
                    + "digit): set the source's schema.name.adjustment.mode=avro and field.name.adjustment.mode=avro, "
                    + "as Debezium users with Avro do, or rename the table or column", invalid);
        }
        Compiled plan = new Compiled(avro.toString(), recordName(avro), AvroWriter.compile(schema), new HashMap<>());
        compiled.put(schema, plan);
        return plan;
    }

    /** The name RecordNameStrategy gives a schema: a record's full name, else its type's. */
    private static String recordName(Schema avro) {
        Schema named = avro.getType() == Schema.Type.UNION ? avro.getTypes().stream()
                .filter(branch -> branch.getType() != Schema.Type.NULL).findFirst().orElse(avro) : avro;
        return named.getFullName();
    }
}
