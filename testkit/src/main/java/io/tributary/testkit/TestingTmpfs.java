package io.tributary.testkit;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A small tmpfs mounted on a directory, to make a disk really full: {@link #fill()} writes a filler file until the
 * system answers ENOSPC ("No space left on device"), {@link #free()} deletes it. Mounting needs root
 * ({@link #canMount()}); {@link #close()} unmounts.
 */
public final class TestingTmpfs implements Closeable {
    private static final String FILLER = "filler";

    private final Path directory;

    private TestingTmpfs(Path directory) {
        this.directory = directory;
    }

    /** Whether this process may mount a tmpfs (it runs as root). */
    public static boolean canMount() {
        return "root".equals(System.getProperty("user.name"));
    }

    /**
     * Mounts a tmpfs of {@code size} ({@code mount -o size=}: {@code 64k}, {@code 1m}) on {@code directory}, which is
     * created when missing.
     */
    public static TestingTmpfs mount(Path directory, String size) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + directory, e);
        }
        run("mount", "-t", "tmpfs", "-o", "size=" + size, "tributary-tmpfs", directory.toString());
        TestingTmpfs tmpfs = new TestingTmpfs(directory);
        ExitCleanup.register(tmpfs);
        return tmpfs;
    }

    public Path path() {
        return directory;
    }

    /** Writes a filler file until the disk is full; the file. */
    public Path fill() {
        Path filler = directory.resolve(FILLER);
        byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
                out.flush();
            }
        } catch (IOException full) {
            if (!String.valueOf(full.getMessage()).contains("No space left on device")) {
                throw new UncheckedIOException("filling " + directory + " failed otherwise than by a full disk", full);
            }
        }
        return filler;
    }

    /**
     * Remounts the disk read-only ({@code EROFS} for every write, as after the kernel's {@code errors=remount-ro}),
     * or writable again. The system refuses to make it read-only while a file on it is open for writing.
     */
    public void readOnly(boolean readOnly) {
        run("mount", "-o", "remount," + (readOnly ? "ro" : "rw"), directory.toString());
    }

    /** Deletes the filler file, if any. */
    public void free() {
        try {
            Files.deleteIfExists(directory.resolve(FILLER));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the filler of " + directory, e);
        }
    }

    @Override
    public void close() {
        ExitCleanup.unregister(this);
        run("umount", directory.toString());
    }

    private static void run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new TestkitException(String.join(" ", List.of(command)) + " failed: " + output.strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command[0], e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TestkitException("interrupted while running " + command[0], e);
        }
    }

    @Override
    public String toString() {
        return "TestingTmpfs[" + directory + "]";
    }
}
