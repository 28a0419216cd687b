package io.tributary.core.errors;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.api.ChangeRecord;
import io.tributary.api.DeadLetterRoute;
import io.tributary.api.SinkException;
import io.tributary.core.json.ConnectJsonEncoder;

/**
 * The standalone runtime's dead-letter route: one JSON line per record set aside —
 * {@code {"topic":..,"key":<key as schemaless JSON>,"reason":..}} — appended and forced to disk before the record
 * counts as handled.
 */
public final class DeadLetterFile implements DeadLetterRoute {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final ConnectJsonEncoder keys = new ConnectJsonEncoder(false);

    public DeadLetterFile(Path file) {
        this.file = file;
    }

    @Override
    public void reject(ChangeRecord record, SinkException reason) {
        ObjectNode line = JSON.createObjectNode().put("topic", record.topic());
        try {
            byte[] key = record.keySchema() == null ? null : keys.encode(record.keySchema(), record.key());
            line.set("key", key == null ? JSON.nullNode() : JSON.readTree(key));
            line.put("reason", reason.getMessage());
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.write(file, (JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.SYNC);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new SinkException("cannot write the dead-letter file " + file + ": " + e.getMessage(), e);
        }
    }
}
