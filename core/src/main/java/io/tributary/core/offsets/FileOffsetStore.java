package io.tributary.core.offsets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.tributary.api.OffsetStore;

/**
 * Offsets in a local file, {@code <dir>/<pipeline>.offsets.json}: each save writes a new file, forces it to disk,
 * renames it over the old one atomically and forces the directory, so a {@code kill -9} or power loss at any point
 * leaves either the old offset or the new one. A lock file keeps a second process off the same store.
 */
public final class FileOffsetStore implements OffsetStore {
    private final Path file;
    private final Path temporary;
    private final Path directory;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private FileOffsetStore(Path directory, String pipeline, FileChannel lockChannel, FileLock lock) {
        this.directory = directory;
        this.file = directory.resolve(pipeline + ".offsets.json");
        this.temporary = directory.resolve(pipeline + ".offsets.json.tmp");
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Opens (creating the directory when needed) and locks the store of one pipeline.
     *
     * @throws IllegalStateException when another process holds the store
     */
    public static FileOffsetStore open(Path directory, String pipeline) {
        try {
            Files.createDirectories(directory);
            Path lockFile = directory.resolve(pipeline + ".lock");
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.READ);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException held) {
                lock = null;
            }
            if (lock == null) {
                String holder = new String(Files.readAllBytes(lockFile)).trim();
                channel.close();
                throw new IllegalStateException("the offset store " + directory.resolve(pipeline + ".offsets.json")
                        + " is in use by another Tributary process" + (holder.isEmpty() ? "" : " (pid " + holder + ")")
                        + ": stop that one first, or give this pipeline its own offset.storage.dir");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(String.valueOf(ProcessHandle.current().pid()).getBytes()), 0);
            return new FileOffsetStore(directory, pipeline, channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the offset store in " + directory + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public Optional<Map<String, ?>> load() {
        return loadWithPartition().map(Stored::offset);
    }

    /** The offset stored last with the source partition it was stored for, or empty before the first save. */
    public Optional<Stored> loadWithPartition() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            Map<String, Object> content = OffsetJson.read(Files.readAllBytes(file));
            // (load() never needed the partition: a file without one still gives its offset)
            Map<String, ?> partition = content.get("partition") == null ? Map.of()
                    : object(content.get("partition"), "partition");
            return Optional.of(new Stored(partition, object(content.get("offset"), "offset")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the offset store " + file + ": " + e.getMessage(), e);
        }
    }

    private Map<String, ?> object(Object value, String key) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalStateException("the offset store " + file + " holds no \"" + key + "\" object; "
                    + "delete the file to start afresh (with a new snapshot)");
        }
        @SuppressWarnings("unchecked")
        Map<String, ?> typed = (Map<String, ?>) map;
        return typed;
    }

    /** An offset as stored: the source partition and the offset in it. */
    public record Stored(Map<String, ?> partition, Map<String, ?> offset) {
    }

    /** Forgets the stored offset, durably: the next start is a first start (a new snapshot, as configured). */
    public void reset() {
        try {
            Files.deleteIfExists(file);
            try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
                dir.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the offset store " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void save(Map<String, ?> partition, Map<String, ?> offset) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("partition", partition);
        content.put("offset", offset);
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer bytes = ByteBuffer.wrap(OffsetJson.write(content));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the offset store " + file + " (writing "
                    + temporary.getFileName() + ": " + e.getMessage() + "; " + freeSpace()
                    + "): free space on its disk or give offset.storage.dir a directory that can be written; the "
                    + "offset stored before is kept, so the next start repeats what was delivered since, and loses "
                    + "nothing", e);
        }
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
                dir.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot replace the offset store " + file + ": " + e.getMessage(), e);
        }
    }

    /** How much space the store's disk has left, for an error message; never fails. */
    private String freeSpace() {
        try {
            return Files.getFileStore(directory).getUsableSpace() + " bytes free on its disk";
        } catch (IOException e) {
            return "free space unknown: " + e.getMessage();
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            // released with the process anyway
        }
    }
}
