package io.tributary.source.mysql;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

import io.tributary.api.SourceException;

/** The schema history in a file, a line of text per line, each forced to disk as it is written. */
final class FileSchemaHistoryStore implements SchemaHistoryStore {
    private final Path path;
    private FileChannel channel;

    FileSchemaHistoryStore(Path path) {
        this.path = path;
    }

    @Override
    public String describe() {
        return "the schema history " + path;
    }

    @Override
    public String remedyForUnreadable() {
        return "Restore the file from a backup, or delete it together with the pipeline's offset to take a new "
                + "snapshot";
    }

    /** The file's lines; a last line cut inside a character by a full disk reads as a line that does not parse. */
    @Override
    public List<String> read() {
        try {
            String text = new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
            return text.isEmpty() ? List.of() : List.of(text.split("\n"));
        } catch (NoSuchFileException none) {
            return List.of();
        } catch (IOException e) {
            throw SourceException.fatal("cannot read the schema history " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void append(String line) {
        try {
            if (channel == null) {
                Path directory = path.toAbsolutePath().getParent();
                if (directory != null) {
                    Files.createDirectories(directory);
                }
                channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.APPEND);
            }
            write(channel, line);
            channel.force(false);
        } catch (IOException e) {
            throw unwritable(path, e);
        }
    }

    @Override
    public void replace(String line) {
        close();
        Path temporary = path.resolveSibling(path.getFileName() + ".tmp");
        try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            write(out, line);
            out.force(true);
        } catch (IOException e) {
            throw unwritable(temporary, e);
        }
        try {
            Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            try (FileChannel directory = FileChannel.open(path.toAbsolutePath().getParent(), StandardOpenOption.READ)) {
                directory.force(true);
            }
        } catch (IOException e) {
            throw unwritable(path, e);
        }
    }

    @Override
    public void clear() {
        close();
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw SourceException.fatal("cannot clear the schema history " + path + " for a new start: "
                    + e.getMessage(), e);
        }
    }

    private static void write(FileChannel out, String line) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            out.write(bytes);
        }
    }

    private static SourceException unwritable(Path path, IOException e) {
        return SourceException.fatal("cannot write the schema history " + path + " (" + e.getMessage() + "): free "
                + "space on its disk or make it writable, then start the pipeline again; nothing after the last "
                + "stored offset was lost", e);
    }

    @Override
    public void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing to keep: every line written was forced
            }
            channel = null;
        }
    }
}
