package io.tributary.core.offsets;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The offsets Debezium Server and Debezium's embedded engine store: Kafka Connect's file offset store
 * ({@code offset.storage.file.filename}), a Java-serialised map from JSON keys — {@code [<engine name>,
 * <partition>]} — to JSON offsets. It is read under a filter that admits a {@code HashMap} of byte arrays and nothing
 * else, so the file cannot make the JVM build any other object.
 */
public final class DebeziumOffsetFile {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MAX_BYTES = 64L * 1024 * 1024;

    /** One stored offset: the engine (connector) name, its source partition and the offset. */
    public record Entry(String engine, Map<String, Object> partition, Map<String, Object> offset) {
    }

    private DebeziumOffsetFile() {
    }

    /** Every offset in the file. */
    public static List<Entry> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("there is no Debezium offset file " + file.toAbsolutePath()
                    + " (offset.storage.file.filename of Debezium Server or of the engine)");
        }
        Map<?, ?> raw;
        try (InputStream in = Files.newInputStream(file); ObjectInputStream objects = new ObjectInputStream(in)) {
            objects.setObjectInputFilter(DebeziumOffsetFile::admit);
            raw = (Map<?, ?>) objects.readObject();
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            throw new IllegalArgumentException("cannot read " + file + " as Debezium's offset file (Kafka Connect's "
                    + "file offset store, offset.storage.file.filename): " + e.getMessage(), e);
        }
        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<?, ?> stored : raw.entrySet()) {
            if (stored.getKey() == null || stored.getValue() == null) {
                continue; // a removed offset
            }
            entries.add(entry(file, (byte[]) stored.getKey(), (byte[]) stored.getValue()));
        }
        return entries;
    }

    /**
     * The offset of the connector that captured with {@code topic.prefix} {@code server}, and of engine {@code engine}
     * when given.
     *
     * @throws IllegalArgumentException naming what the file holds when there is no such offset, or several
     */
    public static Entry find(Path file, String server, Optional<String> engine) {
        List<Entry> entries = read(file);
        List<Entry> matching = entries.stream()
                .filter(entry -> server.equals(entry.partition().get("server")))
                .filter(entry -> engine.map(name -> name.equals(entry.engine())).orElse(true))
                .toList();
        if (matching.size() == 1) {
            return matching.get(0);
        }
        List<String> held = entries.stream()
                .map(entry -> "engine " + entry.engine() + ", partition " + entry.partition()).toList();
        if (matching.isEmpty()) {
            throw new IllegalArgumentException(file + " holds no offset of topic.prefix " + server
                    + engine.map(name -> " and engine " + name).orElse("") + "; it holds " + (held.isEmpty()
                            ? "no offsets" : held) + ". The pipeline's topic.prefix must be the one Debezium ran with");
        }
        throw new IllegalArgumentException(file + " holds offsets of topic.prefix " + server + " for several engines ("
                + held + "): say which with --engine");
    }

    private static Entry entry(Path file, byte[] key, byte[] value) {
        try {
            List<Object> keyParts = JSON.readValue(key, new TypeReference<List<Object>>() {
            });
            Map<String, Object> offset = JSON.readValue(value, new TypeReference<Map<String, Object>>() {
            });
            if (keyParts.size() != 2 || !(keyParts.get(1) instanceof Map<?, ?> partition)) {
                throw new IllegalArgumentException("a key is not [engine name, partition]: " + new String(key));
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> typed = (Map<String, Object>) partition;
            return new Entry(Objects.toString(keyParts.get(0)), typed, offset);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read an offset of " + file + " as JSON: " + e.getMessage(), e);
        }
    }

    private static ObjectInputFilter.Status admit(ObjectInputFilter.FilterInfo info) {
        if (info.depth() > 3 || info.references() > 1_000_000 || info.streamBytes() > MAX_BYTES) {
            return ObjectInputFilter.Status.REJECTED;
        }
        Class<?> type = info.serialClass();
        // a HashMap checks the size of its table as an array of Map.Entry while it reads itself
        if (type == null || type == java.util.HashMap.class || type == byte[].class || type == Map.Entry[].class) {
            return ObjectInputFilter.Status.ALLOWED;
        }
        return ObjectInputFilter.Status.REJECTED;
    }
}
