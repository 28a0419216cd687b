package io.tributary.compat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** SQL scripts of the test resources, run by {@code TestingBinlogServer.runScript}. */
final class SqlScripts {
    private SqlScripts() {
    }

    /** The script at {@code /<name>} on the test class path. */
    static String read(String name) {
        return readIfPresent(name).orElseThrow(() -> new IllegalArgumentException("no test resource " + name));
    }

    /** The script at {@code /<name>} on the test class path, if there is one. */
    static Optional<String> readIfPresent(String name) {
        try (InputStream in = SqlScripts.class.getResourceAsStream("/" + name)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
