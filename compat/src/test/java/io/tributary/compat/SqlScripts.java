package io.tributary.compat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** SQL scripts of the test resources, run by {@code TestingMariaDb.runScript}. */
final class SqlScripts {
    private SqlScripts() {
    }

    /** The script at {@code /<name>} on the test class path. */
    static String read(String name) {
        try (InputStream in = SqlScripts.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
