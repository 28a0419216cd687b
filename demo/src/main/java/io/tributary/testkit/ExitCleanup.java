package io.tributary.testkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Closes, when the JVM exits, every test server that is still open, newest first, so that a test that forgot
 * {@code close()} (or a JVM stopped by Ctrl-C) leaves no {@code mariadbd} process or temporary directory behind.
 */
final class ExitCleanup {
    private static final Set<AutoCloseable> OPEN = new LinkedHashSet<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ExitCleanup::closeAll, "tributary-testkit-cleanup"));
    }

    private ExitCleanup() {
    }

    static void register(AutoCloseable resource) {
        synchronized (OPEN) {
            OPEN.add(resource);
        }
    }

    static void unregister(AutoCloseable resource) {
        synchronized (OPEN) {
            OPEN.remove(resource);
        }
    }

    private static void closeAll() {
        List<AutoCloseable> open;
        synchronized (OPEN) {
            open = new ArrayList<>(OPEN);
            OPEN.clear();
        }
        Collections.reverse(open);
        for (AutoCloseable resource : open) {
            try {
                resource.close();
            } catch (Exception e) {
                System.err.println("tributary-testkit: could not close " + resource + " at exit: " + e);
            }
        }
    }
}
