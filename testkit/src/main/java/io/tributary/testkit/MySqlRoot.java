package io.tributary.testkit;

import static java.util.Objects.requireNonNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The MySQL server the tests run: Debian unstable's {@code mysqld} in a minimal Debian root that
 * {@code scripts/install-mysql-root.sh} makes outside the repository (Debian 12 ships no MySQL, and unstable's needs a
 * newer C library than Debian 12's). Every program runs with {@code chroot}, so the paths it is given are relative to
 * the root; the servers' directories are made under the root's {@code /tmp}.
 *
 * @param root the Debian root, {@value #DEFAULT_ROOT} unless {@code TRIBUTARY_MYSQL_ROOT} (or the system property
 *     {@code tributary.mysql.root}) names another
 */
record MySqlRoot(Path root) implements ServerProgram {
    static final String DEFAULT_ROOT = "/opt/tributary/mysql-root";
    /** Written by the install script once the root is complete; a root without it was interrupted. */
    static final String COMPLETE_MARKER = ".tributary-mysql-root-complete";
    static final String INSTALL_HINT = "run scripts/install-deps.sh (or scripts/install-mysql-root.sh) as root or with "
            + "sudo: it makes the root with debootstrap, once per machine";

    MySqlRoot {
        requireNonNull(root, "root is null");
    }

    static MySqlRoot locate() {
        String configured = System.getProperty("tributary.mysql.root", System.getenv("TRIBUTARY_MYSQL_ROOT"));
        Path root = Path.of(configured == null || configured.isBlank() ? DEFAULT_ROOT : configured);
        if (!Files.isRegularFile(root.resolve(COMPLETE_MARKER)) || !Files.isRegularFile(root.resolve("usr/sbin/mysqld"))) {
            throw new TestkitException("TestingMySql needs a Debian root with MySQL at " + root + ", but there is "
                    + (Files.isDirectory(root) ? "only an incomplete one" : "none") + "; " + INSTALL_HINT);
        }
        return new MySqlRoot(root);
    }

    /** A new private directory for one server under the root's /tmp, where the chrooted server can reach it. */
    TemporaryDirectory newServerDirectory() {
        return TemporaryDirectory.create(root.resolve("tmp"), "mysql");
    }

    @Override
    public String name() {
        return "mysqld";
    }

    @Override
    public ServerFiles files(Path directory) {
        return new ServerFiles(directory.toAbsolutePath(), root.toAbsolutePath());
    }

    @Override
    public List<String> initialiseCommand(ServerFiles files) {
        List<String> command = chrooted();
        command.addAll(List.of(
                "/usr/sbin/mysqld",
                "--no-defaults",
                "--initialize-insecure",
                "--user=root",
                "--datadir=" + files.dataDirectory(),
                "--tmpdir=" + files.temporaryDirectory(),
                "--log-error=" + files.errorLog()));
        return command;
    }

    @Override
    public List<String> startCommand(ServerFiles files, int port) {
        List<String> command = chrooted();
        command.addAll(List.of(
                "/usr/sbin/mysqld",
                "--no-defaults",
                "--user=root",
                "--datadir=" + files.dataDirectory(),
                "--socket=" + files.socket(),
                "--pid-file=" + files.pidFile(),
                "--log-error=" + files.errorLog(),
                "--tmpdir=" + files.temporaryDirectory(),
                "--bind-address=127.0.0.1",
                "--port=" + port,
                "--mysqlx=OFF",
                "--secure-file-priv=",
                "--skip-name-resolve",
                "--init-file=" + files.initFile(),
                "--innodb-buffer-pool-size=64M",
                "--innodb-flush-log-at-trx-commit=2",
                "--performance-schema=OFF"));
        return command;
    }

    /**
     * {@code chroot} needs root; a user who is not root gets it inside a user namespace of their own
     * ({@code unshare --map-root-user}), where the root's files must be writable by them (its /tmp is).
     */
    private List<String> chrooted() {
        List<String> command = new ArrayList<>();
        if (!"root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("unshare", "--map-root-user"));
        }
        command.addAll(List.of("/usr/sbin/chroot", root.toString()));
        return command;
    }
}
