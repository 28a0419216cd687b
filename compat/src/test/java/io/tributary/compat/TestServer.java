package io.tributary.compat;

import java.util.Locale;
import java.util.Optional;

import io.tributary.testkit.TestingBinlogServer;
import io.tributary.testkit.TestingMariaDb;
import io.tributary.testkit.TestingMySql;

/**
 * The server a differential suite runs on: its abstract class is written once, and a subclass per server names one of
 * these ({@code MariaDb*DifferentialIT} in compat with Debezium 3.5, {@code MySql*DifferentialIT} in compat-mysql with
 * Debezium 3.6). SQL that only one server accepts lives in a script of its own, {@code <name>-<server>.sql}.
 */
enum TestServer {
    MARIADB {
        @Override
        TestingBinlogServer start(String... arguments) {
            TestingMariaDb.Builder builder = TestingMariaDb.builder();
            for (String argument : arguments) {
                builder.serverArgument(argument);
            }
            return builder.start();
        }
    },
    MYSQL {
        @Override
        TestingBinlogServer start(String... arguments) {
            TestingMySql.Builder builder = TestingMySql.builder();
            for (String argument : arguments) {
                builder.serverArgument(argument);
            }
            return builder.start();
        }
    };

    /** Starts a private server with these further server options. */
    abstract TestingBinlogServer start(String... arguments);

    /**
     * Starts a server whose sql_mode accepts zero and partly zero dates, as the servers of many applications still
     * run: MariaDB's default does, MySQL's (NO_ZERO_DATE, NO_ZERO_IN_DATE, strict) does not.
     */
    TestingBinlogServer startPermissive(String... arguments) {
        if (this == MARIADB) {
            return start(arguments);
        }
        String[] withMode = java.util.Arrays.copyOf(arguments, arguments.length + 1);
        withMode[arguments.length] = "--sql-mode=NO_ENGINE_SUBSTITUTION";
        return start(withMode);
    }

    /** The script {@code <name>-<server>.sql} (say {@code types-mysql.sql}) if this server has one. */
    Optional<String> ownScript(String name) {
        return SqlScripts.readIfPresent(name + "-" + name().toLowerCase(Locale.ROOT) + ".sql");
    }

    /** Runs the shared script {@code <name>.sql}, then this server's own {@code <name>-<server>.sql} if there is one. */
    void runScripts(TestingBinlogServer server, String name) {
        server.runScript(SqlScripts.read(name + ".sql"));
        ownScript(name).ifPresent(server::runScript);
    }
}
