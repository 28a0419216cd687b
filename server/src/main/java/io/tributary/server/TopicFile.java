package io.tributary.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import io.tributary.api.SinkException;
import io.tributary.core.json.ByteSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One topic's file of JSON lines: records are collected in memory and reach the file in large writes, each of whole
 * lines; {@link #force} makes everything written durable and remembers that length as the last durable point. A
 * failed write or force takes the file back to that point, and opening a file cuts off a trailing partial line (what
 * a crash or a full disk left in the middle of a write), so a line is never a half record glued to the next one.
 */
final class TopicFile implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TopicFile.class);
    /** Lines collected beyond this many bytes are written at once, so a large batch needs no large buffer. */
    private static final int WRITE_THRESHOLD = 1 << 20;
    private static final int SCAN_CHUNK = 8192;

    private final Path path;
    private final FileChannel channel;
    /** The lines collected and not yet written. */
    private final ByteSink pending = new ByteSink(64 * 1024);
    /** The file's length after the last {@link #force}, or when opened. */
    private long durableLength;
    private long length;

    private TopicFile(Path path, FileChannel channel, long length) {
        this.path = path;
        this.channel = channel;
        this.durableLength = length;
        this.length = length;
    }

    /**
     * Opens (creating) the file for appending, after cutting off a trailing line without its newline. Writes append
     * (O_APPEND), so two writers never overwrite each other's lines — though a file should have one writer, whose
     * cut back to its durable point would otherwise take the other's lines too.
     */
    static TopicFile open(Path path) {
        try {
            long complete;
            try (FileChannel recovery = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.READ)) {
                complete = completeLength(recovery);
                if (complete < recovery.size()) {
                    LOG.warn("{} ended in {} bytes of an unfinished line (a write interrupted by a crash or a full "
                            + "disk); cut them off, the records they held are delivered again", path,
                            recovery.size() - complete);
                    recovery.truncate(complete);
                    recovery.force(false);
                }
            }
            return new TopicFile(path, FileChannel.open(path, StandardOpenOption.WRITE, StandardOpenOption.APPEND),
                    complete);
        } catch (IOException e) {
            throw new SinkException("cannot open " + path + ": " + e.getMessage(), e);
        }
    }

    /** The length of the file up to and including its last newline. */
    private static long completeLength(FileChannel channel) throws IOException {
        long end = channel.size();
        ByteBuffer chunk = ByteBuffer.allocate(SCAN_CHUNK);
        while (end > 0) {
            long start = Math.max(0, end - SCAN_CHUNK);
            chunk.clear().limit((int) (end - start));
            while (chunk.hasRemaining() && channel.read(chunk, start + chunk.position()) >= 0) {
                // reads until the chunk is full
            }
            for (int i = chunk.position() - 1; i >= 0; i--) {
                if (chunk.get(i) == '\n') {
                    return start + i + 1;
                }
            }
            end = start;
        }
        return 0;
    }

    Path path() {
        return path;
    }

    /**
     * Where the line being built goes, after the lines collected: a caller appends to it (an encoder writing straight
     * into it), then calls {@link #endLine}, or truncates it back to its size before the line when building fails.
     */
    ByteSink lines() {
        return pending;
    }

    /** Appends bytes of the line being built. */
    void append(byte[] bytes) {
        pending.write(bytes);
    }

    /** Ends a line; writes the lines collected once they are many. */
    void endLine(byte[] end) {
        pending.write(end);
        if (pending.size() >= WRITE_THRESHOLD) {
            write();
        }
    }

    /** Writes the lines collected (one write, unless the kernel takes less). */
    void write() {
        ByteBuffer lines = pending.view();
        try {
            while (lines.hasRemaining()) {
                length += channel.write(lines);
            }
            pending.reset();
        } catch (IOException e) {
            throw failed("cannot write to", e);
        }
    }

    /** Writes the lines collected and forces the file to disk: its new last durable point. */
    void force() {
        write();
        try {
            channel.force(false);
            durableLength = length;
        } catch (IOException e) {
            throw failed("cannot force to disk", e);
        }
    }

    /** Takes the file back to its last durable point and says what failed. */
    private SinkException failed(String what, IOException e) {
        pending.reset();
        try {
            channel.truncate(durableLength);
            length = durableLength;
        } catch (IOException truncation) {
            e.addSuppressed(truncation);
        }
        return new SinkException(what + " " + path + ": " + e.getMessage() + " (the file is back at its last "
                + "durable point, " + durableLength + " bytes; the records after it are delivered again)", e);
    }

    /** Writes what is collected (best effort) and closes. */
    @Override
    public void close() {
        try {
            if (pending.size() > 0) {
                write();
            }
        } finally {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.warn("closing {} failed: {}", path, e.getMessage());
            }
        }
    }
}
