package io.tributary.source.mysql.schema.ddl;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.tributary.source.mysql.schema.SchemaReader;
import io.tributary.source.mysql.schema.TableDefinition;
import io.tributary.source.mysql.schema.TableId;
import io.tributary.testkit.TestingBinlogServer;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Each statement applied to the table as the server described it before gives the table as the server describes it
 * after: the same {@code information_schema} reading, field by field, on the server the subclass starts.
 */
abstract class DdlApplierFidelityIT {
    /** Statements every flavor runs; each must be understood. */
    private static final List<String> STATEMENTS = List.of(
            "CREATE TABLE f.t (id INT NOT NULL AUTO_INCREMENT, name VARCHAR(20) NOT NULL DEFAULT 'x', "
                    + "PRIMARY KEY (id))",
            "ALTER TABLE f.t ADD COLUMN a INT",
            "ALTER TABLE f.t ADD COLUMN hid INT INVISIBLE DEFAULT 3 COMMENT 'h'",
            "ALTER TABLE f.t ADD COLUMN al1 INT8 UNSIGNED, ADD al2 DOUBLE PRECISION DEFAULT 2.5, ADD al3 NATIONAL "
                    + "VARCHAR(5), ADD al4 LONG VARBINARY, ADD al5 CHARACTER VARYING(3), ADD al6 REAL DEFAULT -0.25, "
                    + "ADD al7 BOOL DEFAULT 1, ADD al8 MIDDLEINT(4), ADD al9 NUMERIC(6), ADD al10 LONG, "
                    + "ADD al11 FLOAT4 DEFAULT 1.5, ADD al12 NCHAR(2), ADD al13 INT2 ZEROFILL, ADD al14 JSON",
            "ALTER TABLE f.t DROP al1, DROP al2, DROP al3, DROP al4, DROP al5, DROP al6, DROP al7, DROP al8, DROP al9, "
                    + "DROP al10, DROP al11, DROP al12, DROP al13, DROP al14",
            "ALTER TABLE f.t ADD COLUMN b INT UNSIGNED ZEROFILL FIRST, ADD c TINYINT(1) NOT NULL DEFAULT 0 AFTER id",
            "ALTER TABLE f.t ADD COLUMN (d DECIMAL(8,2) DEFAULT '1.50', e CHAR(3) CHARACTER SET latin1 COLLATE "
                    + "latin1_bin COMMENT 'it''s')",
            "ALTER TABLE f.t ADD at DATETIME(3) NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), "
                    + "ADD born DATE DEFAULT '1999-12-31', ADD ts TIMESTAMP NULL DEFAULT '2020-01-01 00:00:00', "
                    + "ADD ts2 TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP",
            "ALTER TABLE f.t ADD kind ENUM('a','b''c') NOT NULL DEFAULT 'a', ADD bits BIT(4) DEFAULT b'101', "
                    + "ADD y YEAR, ADD g INT GENERATED ALWAYS AS (a * 2) VIRTUAL, ADD s INT AS (a + 1) STORED",
            "ALTER TABLE f.t MODIFY a BIGINT NOT NULL DEFAULT 7 FIRST",
            "ALTER TABLE f.t CHANGE COLUMN name title VARCHAR(30) NOT NULL DEFAULT 'y' AFTER a",
            "ALTER TABLE f.t RENAME COLUMN title TO label",
            "ALTER TABLE f.t ALTER COLUMN label SET DEFAULT 'z', ALTER d DROP DEFAULT",
            "CREATE INDEX ia ON f.t (a)",
            "CREATE UNIQUE INDEX ub ON f.t (b)",
            "DROP INDEX ia ON f.t",
            "ALTER TABLE f.t DROP COLUMN bits, ALGORITHM=INPLACE",
            "ALTER TABLE f.t ADD t1 TEXT, ADD b1 BLOB, ADD v VARBINARY(10), ADD bn BINARY(2), ADD fl FLOAT, "
                    + "ADD db DOUBLE(10,3), ADD fl2 FLOAT(7,2), ADD st SET('x','y') DEFAULT 'y'",
            "ALTER TABLE f.t ADD m MEDIUMINT, ADD sm SMALLINT(3), ADD bi BIGINT UNSIGNED, ADD ti TINYINT UNSIGNED, "
                    + "ADD dz DECIMAL(5) ZEROFILL, ADD neg INT DEFAULT -1, ADD tm TIME(2) DEFAULT '10:11:12.50'",
            "ALTER TABLE f.t MODIFY COLUMN a BIGINT NOT NULL DEFAULT 7 COMMENT 'cmt', "
                    + "MODIFY e CHAR(3) COLLATE utf8mb4_bin",
            "CREATE TABLE f.k (a INT NOT NULL, b INT, code VARCHAR(8) NOT NULL, UNIQUE KEY uc (code)) "
                    + "DEFAULT CHARSET=latin1 COMMENT='tbl'",
            "ALTER TABLE f.k ADD PRIMARY KEY (a)",
            "ALTER TABLE f.k MODIFY b INT NOT NULL",
            "CREATE TABLE f.u (a INT NOT NULL, b VARCHAR(3), UNIQUE (a), KEY kb (b), "
                    + "CONSTRAINT fk FOREIGN KEY (a) REFERENCES f.k (a))",
            "ALTER TABLE f.u ADD COLUMN c INT DEFAULT -1, LOCK=NONE",
            "CREATE TABLE f.n (a INT, b INT, v VARCHAR(4) CHARSET utf8)",
            "ALTER TABLE f.n ADD UNIQUE KEY ua (a), ADD c BOOL",
            "ALTER TABLE f.n DROP INDEX ua",
            "ALTER TABLE f.n ADD CONSTRAINT cpos CHECK (a > -100), ENGINE=InnoDB, AUTO_INCREMENT=50, COMMENT 'tc'",
            "ALTER TABLE f.n ADD CHECK (b < 1000), STATS_PERSISTENT = 0",
            "ALTER TABLE f.n DROP CONSTRAINT cpos, ROW_FORMAT=DYNAMIC, COMMENT ''",
            "ALTER TABLE f.n FORCE",
            "ALTER TABLE f.n DEFAULT CHARSET=latin1",
            "ALTER TABLE f.n ADD d VARCHAR(3)",
            "ALTER TABLE f.n CHARACTER SET utf8mb4 COLLATE utf8mb4_bin",
            "ALTER TABLE f.n ADD e TEXT",
            "CREATE TABLE f.p (a INT NOT NULL, b INT NOT NULL, c VARCHAR(3), PRIMARY KEY (a))",
            "ALTER TABLE f.p DROP PRIMARY KEY, ADD PRIMARY KEY (b, a)",
            "ALTER TABLE f.p ADD c2 INT, ADD CONSTRAINT fp FOREIGN KEY (c2) REFERENCES f.k (a) ON DELETE CASCADE",
            "ALTER TABLE f.p DROP FOREIGN KEY fp");

    /** Starts the server. */
    abstract TestingBinlogServer start();

    abstract boolean mariaDb();

    /** Statements of this flavor only, run after the others; each must be understood. */
    abstract List<String> ownStatements();

    @Test
    void appliedStatementsGiveWhatTheServerDescribes() throws Exception {
        try (TestingBinlogServer server = start(); Connection connection = server.adminConnection()) {
            server.execute("CREATE DATABASE f CHARACTER SET utf8mb4");
            SchemaReader reader = new SchemaReader(mariaDb());
            DdlApplier applier = new DdlApplier(mariaDb());
            SoftAssertions softly = new SoftAssertions();
            List<String> statements = new ArrayList<>(STATEMENTS);
            statements.addAll(ownStatements());
            for (String sql : statements) {
                TableId id = new TableId("f", sql.replaceFirst("(?s).*? f\\.(\\w+).*", "$1"));
                Optional<TableDefinition> before = reader.read(connection, id);
                server.execute(sql);
                Optional<TableDefinition> applied = applier.apply(sql, id, before, Optional.of("utf8mb4"));
                softly.assertThat(applied).as(sql).isPresent();
                Optional<TableDefinition> after = reader.read(connection, id);
                applied.ifPresent(table -> compare(softly, sql, table, after.orElseThrow()));
            }
            softly.assertAll();
        }
    }

    /**
     * Column by column, so that a difference reads at a glance; the statement's spelling of the types, which the
     * server does not keep, left out.
     */
    private static void compare(SoftAssertions softly, String sql, TableDefinition applied, TableDefinition read) {
        softly.assertThat(applied.columns()).as(sql).hasSameSizeAs(read.columns());
        for (int i = 0; i < Math.min(applied.columns().size(), read.columns().size()); i++) {
            softly.assertThat(applied.columns().get(i).withDeclared(Optional.empty())).as(sql)
                    .isEqualTo(read.columns().get(i));
        }
        softly.assertThat(applied.key()).as(sql).isEqualTo(read.key());
        softly.assertThat(applied.defaultCharset()).as(sql).isEqualTo(read.defaultCharset());
        softly.assertThat(applied.comment()).as(sql).isEqualTo(read.comment());
    }

    @Test
    void statementsMatchTheirTables() {
        assertThat(STATEMENTS).allMatch(sql -> sql.matches("(?s).*? f\\.\\w+.*"));
    }
}
