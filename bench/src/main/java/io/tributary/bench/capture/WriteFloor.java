package io.tributary.bench.capture;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * The floor a file-sink row shares between the engines: the CPU a bare writer spends putting as many bytes into a
 * file as the engine wrote, the way both engines write them (1 MiB writes, forced to disk every commit interval), on
 * this machine at this moment — the kernel's part depends much on whether it must first reclaim page cache. The
 * user and system CPU of the writing thread alone, from {@code /proc/thread-self/stat}.
 */
final class WriteFloor {
    /** {@code /proc} counts in clock ticks; 100 per second on Linux. */
    private static final long NANOS_PER_TICK = 10_000_000L;
    private static final int WRITE = 1 << 20;

    /** CPU nanoseconds of the writing thread: in user space and in the kernel. */
    record Cost(long userNanos, long systemNanos) {
    }

    private WriteFloor() {
    }

    /** Writes {@code bytes} bytes to {@code file} (deleted after), forcing every {@code forceIntervalMs}. */
    static Cost measure(Path file, long bytes, long forceIntervalMs) throws IOException {
        byte[] chunk = new byte[WRITE];
        Arrays.fill(chunk, (byte) 'x');
        long[] before = threadTicks();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            long forcedAt = System.nanoTime();
            long written = 0;
            while (written < bytes) {
                ByteBuffer piece = ByteBuffer.wrap(chunk, 0, (int) Math.min(WRITE, bytes - written));
                while (piece.hasRemaining()) {
                    written += channel.write(piece);
                }
                if (System.nanoTime() - forcedAt >= forceIntervalMs * 1_000_000L) {
                    channel.force(false);
                    forcedAt = System.nanoTime();
                }
            }
            channel.force(false);
        } finally {
            Files.deleteIfExists(file);
        }
        long[] after = threadTicks();
        return new Cost((after[0] - before[0]) * NANOS_PER_TICK, (after[1] - before[1]) * NANOS_PER_TICK);
    }

    /** This thread's user and system clock ticks. */
    private static long[] threadTicks() throws IOException {
        String stat = Files.readString(Path.of("/proc/thread-self/stat"));
        // fields after the parenthesised name: state is field 3, utime 14, stime 15
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return new long[] {Long.parseLong(fields[11]), Long.parseLong(fields[12])};
    }
}
