package io.tributary.testkit;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The private directory of one test server — data directory, socket, logs, init file and its own temporary
 * directory — with each path both as this JVM reaches it and as the server sees it (the two differ when the server
 * runs in a chroot).
 *
 * @param directory the directory as this JVM reaches it
 * @param root the root directory the server runs in ({@code /} unless chrooted); {@code directory} lies under it
 */
record ServerFiles(Path directory, Path root) {
    ServerFiles {
        requireNonNull(directory, "directory is null");
        requireNonNull(root, "root is null");
        if (!directory.startsWith(root)) {
            throw new IllegalArgumentException(directory + " is not under the server's root " + root);
        }
    }

    /** A file of the directory as the server sees it, for its command line. */
    String forServer(String name) {
        return "/" + root.relativize(directory.resolve(name));
    }

    String dataDirectory() {
        return forServer("data");
    }

    String socket() {
        return forServer("server.sock");
    }

    String pidFile() {
        return forServer("server.pid");
    }

    String errorLog() {
        return forServer("error.log");
    }

    String initFile() {
        return forServer("init.sql");
    }

    /**
     * The server's own directory for temporary tables. A server starting removes every {@code #sql*} file of its
     * temporary directory, so servers (or initialisations) sharing /tmp delete each other's tables.
     */
    String temporaryDirectory() {
        Path temporary = directory.resolve("tmp");
        try {
            Files.createDirectories(temporary);
        } catch (IOException e) {
            throw new TestkitException("cannot create " + temporary + ": " + e.getMessage(), e);
        }
        return forServer("tmp");
    }

    /** The error log as this JVM reads it. */
    Path errorLogHere() {
        return directory.resolve("error.log");
    }
}
