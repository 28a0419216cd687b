package io.tributary.testkit;

import static java.util.Objects.requireNonNull;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The MariaDB server programs installed on this machine: {@code mariadbd} and {@code mariadb-install-db}.
 *
 * @param server the {@code mariadbd} executable
 * @param installDb the {@code mariadb-install-db} script
 */
record MariaDbBinaries(Path server, Path installDb) {
    static final String INSTALL_HINT = "install it with `sudo apt-get install -y mariadb-server` "
            + "(scripts/install-deps.sh does this on Debian)";

    MariaDbBinaries {
        requireNonNull(server, "server is null");
        requireNonNull(installDb, "installDb is null");
    }

    /** Looks in {@code PATH}, then in the directories Debian installs the server into. */
    static MariaDbBinaries locate() {
        List<Path> directories = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String entry : path.split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    directories.add(Path.of(entry));
                }
            }
        }
        for (String entry : List.of("/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin")) {
            directories.add(Path.of(entry));
        }
        return locate(directories);
    }

    static MariaDbBinaries locate(List<Path> directories) {
        Path server = find("mariadbd", directories)
                .orElseThrow(() -> notInstalled("mariadbd", directories));
        Path installDb = find("mariadb-install-db", directories)
                .orElseThrow(() -> notInstalled("mariadb-install-db", directories));
        return new MariaDbBinaries(server, installDb);
    }

    private static Optional<Path> find(String program, List<Path> directories) {
        return directories.stream()
                .map(directory -> directory.resolve(program))
                .filter(Files::isExecutable)
                .findFirst();
    }

    private static TestkitException notInstalled(String program, List<Path> directories) {
        return new TestkitException("TestingMariaDb needs the MariaDB server, but `" + program
                + "` was not found in " + directories + "; " + INSTALL_HINT);
    }
}
