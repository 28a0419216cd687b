package io.tributary.testkit;

import java.util.List;

/**
 * How one kind of server's programs run here: the command that creates a data directory and the command that starts
 * the server on it, each before the options every test server gets. MariaDB's run straight from the machine
 * ({@link MariaDbBinaries}); MySQL's inside a Debian root with chroot (the test kit's {@code MySqlRoot}).
 */
interface ServerProgram {
    /** The server program's name for messages, such as {@code mariadbd}. */
    String name();

    /** The files of one server as its programs see them. */
    ServerFiles files(java.nio.file.Path directory);

    /** Creates the system tables in {@link ServerFiles#dataDirectory()}; runs to completion. */
    List<String> initialiseCommand(ServerFiles files);

    /** Starts the server on its files and port; the caller adds the options that differ between servers of a kind. */
    List<String> startCommand(ServerFiles files, int port);
}
