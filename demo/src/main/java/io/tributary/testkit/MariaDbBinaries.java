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
record MariaDbBinaries(Path server, Path installDb) implements ServerProgram {
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

    @Override
    public String name() {
        return "mariadbd";
    }

    @Override
    public ServerFiles files(Path directory) {
        return new ServerFiles(directory.toAbsolutePath(), Path.of("/"));
    }

    @Override
    public List<String> initialiseCommand(ServerFiles files) {
        List<String> command = new ArrayList<>(List.of(
                installDb.toString(),
                "--no-defaults",
                "--datadir=" + files.dataDirectory(),
                "--auth-root-authentication-method=normal",
                "--skip-test-db",
                "--tmpdir=" + files.temporaryDirectory()));
        ServerProcess.runAsUserArgument().ifPresent(command::add);
        return command;
    }

    @Override
    public List<String> startCommand(ServerFiles files, int port) {
        List<String> command = new ArrayList<>(List.of(
                server.toString(),
                "--no-defaults",
                "--datadir=" + files.dataDirectory(),
                "--socket=" + files.socket(),
                "--pid-file=" + files.pidFile(),
                "--log-error=" + files.errorLog(),
                "--tmpdir=" + files.temporaryDirectory(),
                "--bind-address=127.0.0.1",
                "--port=" + port,
                "--skip-name-resolve",
                "--init-file=" + files.initFile(),
                "--character-set-server=utf8mb4",
                "--collation-server=utf8mb4_general_ci",
                "--innodb-buffer-pool-size=64M",
                "--innodb-flush-log-at-trx-commit=2"));
        ServerProcess.runAsUserArgument().ifPresent(command::add);
        return command;
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
