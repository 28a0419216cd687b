package io.tributary.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import io.tributary.testkit.TestingBinlogServer;
import org.junit.jupiter.api.Test;

/**
 * What ORMs and transaction managers write between the rows of a transaction — savepoints (Django's nested
 * {@code atomic}, Rails' {@code requires_new}, Hibernate's nested work), rollbacks to them, XA two-phase commits, a
 * rollback that could not undo a non-transactional table, a transaction over three tables whose names share a bucket of
 * Debezium's map of per-table counts (the END event's order) — captured by Debezium 3.5 and by Tributary, with
 * transaction metadata and schema changes on: the events must be the same, in the same order. The
 * non-transactional table is Aria on MariaDB and MyISAM on MySQL ({@code transactions-<server>.sql}).
 */
abstract class TransactionStatementsDifferentialIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String ACCOUNTS = "diff.orm.accounts";

    abstract TestServer server();

    /**
     * Whether the server logs row 5, rolled back to a savepoint in a transaction that also changed the
     * non-transactional table: MariaDB does, with a ROLLBACK TO statement after it; MySQL logs the non-transactional
     * change apart and drops the row.
     */
    abstract boolean rolledBackRowLogged();

    /** The server, started: by default as {@link #server()} starts it. */
    TestingBinlogServer startServer() {
        return server().start();
    }

    @Test
    void savepointsAndXaTransactionsEqualDebeziums() throws Exception {
        try (TestingBinlogServer database = startServer()) {
            server().runScripts(database, "transactions");
            Map<String, String> config = Map.of("database.include.list", "orm", "include.schema.changes", "true",
                    "provide.transaction.metadata", "true");
            int expected;
            DifferentialRun run = DifferentialRun.start(database, "transaction-statements",
                    config);
            try (run) {
                run.awaitBothQuiet(TIMEOUT);

                ormWorkload(database);
                expected = run.awaitBothQuiet(TIMEOUT);
                // the snapshot's one row, then 1, 2 and the update of 1; 4, (5) and 6; 10, 11, 12 (XA, logged at
                // prepare); none for 7 (rolled back); 20, 21 and the update of 20
                assertThat(run.debeziumLog().size(ACCOUNTS)).isEqualTo(1 + 3 + 2 + (rolledBackRowLogged() ? 1 : 0) + 3 + 3);
                assertThat(run.debeziumLog().size("diff.orm.users")).isEqualTo(1);
            }
            run.compare();
        }
    }

    /**
     * A DDL filter of one's own, under the key Debezium reads it from: it replaces Debezium's list, so savepoints are
     * handed to the DDL parser like any statement (a schema-change event each), and the statements it names are left
     * out — their schema changes too.
     */
    @Test
    void aDdlFilterOfOnesOwnEqualsDebeziums() throws Exception {
        try (TestingBinlogServer database = startServer()) {
            server().runScripts(database, "transactions");
            Map<String, String> config = Map.of("database.include.list", "orm", "include.schema.changes", "true",
                    "provide.transaction.metadata", "true",
                    "internal.schema.history.internal.ddl.filter", "ALTER TABLE orm\\.users COMMENT.*,RELEASE .*");
            DifferentialRun run = DifferentialRun.start(database, "ddl-filter", config);
            try (run) {
                run.awaitBothQuiet(TIMEOUT);

                ormWorkload(database);
                database.execute("ALTER TABLE orm.users COMMENT 'left out'", "ALTER TABLE orm.tags COMMENT 'kept'",
                        "INSERT INTO orm.users VALUES (2)");
                run.awaitBothQuiet(TIMEOUT);
                assertThat(run.debeziumLog().size("diff.orm.users")).isEqualTo(2);
                // the schema-change topic is the prefix's
                assertThat(run.debeziumLog().values("diff")).anySatisfy(value -> assertThat(value).contains("'kept'"))
                        .anySatisfy(value -> assertThat(value).contains("\"ddl\":\"SAVEPOINT"))
                        .noneSatisfy(value -> assertThat(value).contains("left out"))
                        .noneSatisfy(value -> assertThat(value).contains("\"ddl\":\"RELEASE"));
            }
            run.compare();
        }
    }

    private static void ormWorkload(TestingBinlogServer database) {
        // nested atomic blocks: one released, one rolled back
        database.execute("BEGIN", "INSERT INTO orm.accounts VALUES (1, 'ada', 10)", "SAVEPOINT s1",
                "INSERT INTO orm.accounts VALUES (2, 'bob', 20)", "RELEASE SAVEPOINT s1", "SAVEPOINT s2",
                "INSERT INTO orm.accounts VALUES (3, 'cy', 30)", "ROLLBACK TO SAVEPOINT s2",
                "UPDATE orm.accounts SET balance = 11 WHERE id = 1", "COMMIT");
        // a rolled-back savepoint that touched a non-transactional table: the server logs ROLLBACK TO
        database.execute("BEGIN", "INSERT INTO orm.accounts VALUES (4, 'dee', 40)", "SAVEPOINT s3",
                "INSERT INTO orm.audit (note) VALUES ('tried 5')", "INSERT INTO orm.accounts VALUES (5, 'eve', 50)",
                "ROLLBACK TO SAVEPOINT s3", "INSERT INTO orm.accounts VALUES (6, 'fay', 60)", "COMMIT");
        // XA: prepared then committed, one phase, prepared then rolled back (its rows were logged at prepare)
        database.execute("XA START 'x1'", "INSERT INTO orm.accounts VALUES (10, 'xa1', 1)", "XA END 'x1'",
                "XA PREPARE 'x1'", "XA COMMIT 'x1'");
        database.execute("XA START 'x2'", "INSERT INTO orm.accounts VALUES (11, 'xa2', 1)", "XA END 'x2'",
                "XA COMMIT 'x2' ONE PHASE");
        database.execute("XA START 'x3'", "INSERT INTO orm.accounts VALUES (12, 'xa3', 1)", "XA END 'x3'",
                "XA PREPARE 'x3'", "XA ROLLBACK 'x3'");
        // a full rollback that could not undo the non-transactional table
        database.execute("BEGIN", "INSERT INTO orm.audit (note) VALUES ('kept')",
                "INSERT INTO orm.accounts VALUES (7, 'gus', 70)", "ROLLBACK");
        // ordinary transactions after all that: their metadata and GTIDs must be right again
        database.execute("BEGIN", "INSERT INTO orm.accounts VALUES (20, 'hal', 1)",
                "INSERT INTO orm.accounts VALUES (21, 'ivy', 2)", "COMMIT");
        database.execute("UPDATE orm.accounts SET balance = balance + 1 WHERE id = 20");
        // three tables whose names share a bucket of Debezium's HashMap of counts: the END event lists them in the
        // order they were first counted
        database.execute("BEGIN", "INSERT INTO orm.items VALUES (1)", "INSERT INTO orm.tags VALUES (1)",
                "INSERT INTO orm.users VALUES (1)", "INSERT INTO orm.items VALUES (2)", "COMMIT");
    }
}
