package io.tributary.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.tributary.testkit.TestingBinlogServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A third hunt ({@code hunt3.sql}, {@code hunt3-changes.sql}): the snapshot of tables whose plain {@code SELECT} meets
 * the rows in another order than their key — range-, list-, hash-, key- and sub-partitioned tables, a lookup table of
 * an id and a unique name and one with a covering secondary index (the server scans the index), a MyISAM table (the
 * order rows were written) — and of columns in the single-byte character sets koi8u, macroman, macce, dec8, hp8, swe7,
 * armscii8, geostd8 and keybcs2; then, while streaming, tables created and altered with every type alias both servers
 * accept (BOOL, BOOLEAN, INTEGER, INT1 to INT8, MIDDLEINT, FLOAT8, REAL, DOUBLE PRECISION, DEC, NUMERIC, FIXED,
 * CHARACTER [VARYING], NATIONAL CHAR and VARCHAR, NCHAR VARCHAR, NVARCHAR, LONG [VARCHAR|VARBINARY], SERIAL,
 * SERIAL DEFAULT VALUE, INT ZEROFILL, INT SIGNED, the character set utf8), TRUE and FALSE defaults and integer display
 * widths; rows in those character sets; CREATE TABLE IF NOT EXISTS of a table that exists and of one that does not;
 * ALTER TABLE ... RENAME TO with another clause, and RENAME without TO; a CREATE TABLE as mysqldump writes one (table
 * options, partitioning in an executable comment); on MySQL, changes and DDL under tagged GTIDs (uuid:tag:number),
 * tables with a generated invisible primary key (sql_generate_invisible_primary_key) in the snapshot and created while
 * streaming, and one made under sql_require_primary_key; column comments, snapshotted and streamed, which Debezium 3.5's
 * MariaDB connector puts in the events' schemas under include.schema.changes=true only; another database, not captured,
 * whose tables the snapshot's schema-change events describe too (and an empty one, which they do not).
 * Compared topic by topic, then whole. FLOAT4 is left out: Debezium stops at it ("Invalid Java object for schema with
 * type FLOAT64").
 */
abstract class Hunt3DifferentialIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    abstract TestServer server();

    static Stream<String> variants() {
        return Stream.of(
                "include.schema.changes=true",
                "column.propagate.source.type=hunt3\\..*");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void hunt3(String variant) throws Exception {
        OptionVariant options = OptionVariant.parse(variant, server(), Map.of("database.include.list", "hunt3",
                "include.schema.changes", "false"));
        try (TestingBinlogServer database = options.startPermissive(server())) {
            server().runScripts(database, "hunt3");
            String name = "hunt3-" + Integer.toHexString(variant.hashCode());
            DifferentialRun run = DifferentialRun.start(database, name, options.config());
            try (run) {
                run.awaitBothQuiet(TIMEOUT);
                server().runScripts(database, "hunt3-changes");
                run.awaitBothQuiet(TIMEOUT);
                for (String table : List.of("rlog", "hashed", "listed", "keyed", "subparted", "nokey", "tags",
                        "covered", "myisam", "sbcs0", "aliases", "serial2", "sbcs", "u8tab", "widths",
                        "existing", "fresh", "fresh3", "dumped", "commented", "commented2")) {
                    assertThat(run.debeziumLog().size("diff.hunt3." + table)).as("Debezium's events of %s", table)
                            .isPositive();
                }
            }
            if ("true".equals(options.config().get("include.schema.changes"))) {
                assertThat(Files.readString(run.debeziumLog().file())).as("Debezium's snapshot of a database not captured")
                        .contains("DROP TABLE IF EXISTS `hunt3_other`.`b`");
            }
            if (server() == TestServer.MYSQL) {
                assertThat(Files.readString(run.debeziumLog().file())).as("Debezium's events under tagged GTIDs")
                        .contains(":hunt3:1\"", ":hunt3:2\"", ":nightly_batch:1\"");
                for (String table : List.of("gipk", "gipk2", "required")) {
                    assertThat(run.debeziumLog().size("diff.hunt3." + table)).as("Debezium's events of %s", table)
                            .isPositive();
                }
            }
            run.compareByTopic();
        }
    }
}
