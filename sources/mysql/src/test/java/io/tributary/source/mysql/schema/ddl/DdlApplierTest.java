package io.tributary.source.mysql.schema.ddl;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Types;
import java.util.List;
import java.util.Optional;

import io.tributary.source.mysql.schema.ColumnDefinition;
import io.tributary.source.mysql.schema.DebeziumColumnTypes;
import io.tributary.source.mysql.schema.TableDefinition;
import io.tributary.source.mysql.schema.TableId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DdlApplierTest {
    private static final TableId ID = new TableId("db", "t");
    private static final DdlApplier MARIADB = new DdlApplier(true);
    private static final DdlApplier MYSQL = new DdlApplier(false);
    private static final Optional<String> UTF8MB4 = Optional.of("utf8mb4");

    private static TableDefinition created(DdlApplier applier, String sql) {
        return applier.apply(sql, ID, Optional.empty(), UTF8MB4).orElseThrow();
    }

    private static Optional<TableDefinition> applied(DdlApplier applier, TableDefinition previous, String sql) {
        return applier.apply(sql, ID, Optional.of(previous), Optional.empty());
    }

    private static TableDefinition base(DdlApplier applier) {
        return created(applier, "CREATE TABLE t (id INT NOT NULL AUTO_INCREMENT, "
                + "name VARCHAR(20) NOT NULL DEFAULT 'x', PRIMARY KEY (id)) ENGINE=InnoDB DEFAULT CHARSET=latin1");
    }

    private static List<String> names(TableDefinition table) {
        return table.columns().stream().map(ColumnDefinition::name).toList();
    }

    private static ColumnDefinition column(TableDefinition table, String name) {
        return table.columns().stream().filter(column -> column.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void tableOptionsAndExecutableCommentsAsMysqldumpWritesThemAreReadOver() {
        TableDefinition table = created(MYSQL, "CREATE TABLE `t` (\n  `id` int NOT NULL,\n  `on` bool DEFAULT NULL,\n"
                + "  PRIMARY KEY (`id`)\n) ENGINE=InnoDB DEFAULT CHARSET=latin1 KEY_BLOCK_SIZE=8 STATS_PERSISTENT=0 "
                + "COMPRESSION='zlib' DATA DIRECTORY='/d' /*!80016 ENCRYPTION='N' */\n/*!50100 PARTITION BY HASH (`id`)\n"
                + "PARTITIONS 4 */");

        assertThat(names(table)).containsExactly("id", "on");
        assertThat(table.defaultCharset()).contains("latin1");
        assertThat(column(table, "on").declared().orElseThrow().name()).isEqualTo("BOOL");
    }

    @Test
    void executableCommentsAreReadAsEachServerRunsThem() {
        String sql = "CREATE TABLE t (a INT /*!90100 SECONDARY_ENGINE_ATTRIBUTE '{}' */, b INT) "
                + "/*M!100100 COMMENT 'm' */";

        // MariaDB skips MySQL's versions 5.7 to 9.x and runs its own; MySQL the reverse
        assertThat(created(MARIADB, sql).comment()).contains("m");
        assertThat(MYSQL.apply(sql, ID, Optional.empty(), UTF8MB4)).isEmpty();
        assertThat(names(created(MYSQL, "CREATE TABLE t (a INT, b INT) /*M!100100 PAGE_CHECKSUM=1 TRANSACTIONAL=1 */")))
                .containsExactly("a", "b");
    }

    @Test
    void checksAndReferencesWrittenWithAColumnLeaveItAsItIs() {
        TableDefinition table = created(MYSQL, "CREATE TABLE t (a BOOL CHECK (a IN (0, 1)) NOT NULL, "
                + "b INTEGER UNSIGNED CONSTRAINT b_positive CHECK (b > 0) NOT ENFORCED, c INT CONSTRAINT CHECK (c < 9), "
                + "d INT REFERENCES u (id) ON DELETE SET NULL, e INT CHECK (e <> 0) ENFORCED DEFAULT 1)");

        assertThat(names(table)).containsExactly("a", "b", "c", "d", "e");
        assertThat(column(table, "a").declared().orElseThrow().isBoolean()).isTrue();
        assertThat(column(table, "a").nullable()).isFalse();
        assertThat(column(table, "b").declared().orElseThrow().name()).isEqualTo("INTEGER UNSIGNED");
        assertThat(column(table, "e").defaultValue()).contains("1");
    }

    @Test
    void aBitLiteralDefaultOfANumberIsItsDigitsWhereTheyAreTheNumbers() {
        TableDefinition table = created(MYSQL, "CREATE TABLE t (a BOOL DEFAULT b'1', b INT DEFAULT b'0', "
                + "c BINARY(4) DEFAULT 'ab', d VARBINARY(4) DEFAULT 'x')");

        assertThat(column(table, "a").defaultValue()).contains("1");
        assertThat(column(table, "a").declared().orElseThrow().isBoolean()).isTrue();
        assertThat(column(table, "b").defaultValue()).contains("0");
        assertThat(column(table, "c").defaultValue()).contains("ab");
        assertThat(column(table, "d").defaultValue()).contains("x");
        // b'101' is 5 to the server and "101" to Debezium: the server's description
        assertThat(MYSQL.apply("CREATE TABLE t (a INT DEFAULT b'101')", ID, Optional.empty(), UTF8MB4)).isEmpty();
    }

    @Test
    void anAlterNotUnderstoodHasTheColumnsItDefinesReadOneByOne() {
        String sql = "ALTER TABLE t ADD COLUMN area POLYGON, ADD COLUMN promo BOOLEAN DEFAULT TRUE AFTER id, "
                + "ADD INDEX ix (name), MODIFY name VARCHAR(30) NOT NULL, CHANGE COLUMN id key_id INTEGER(5) NOT NULL";
        assertThat(applied(MYSQL, base(MYSQL), sql)).isEmpty();

        TableDefinition defined = MYSQL.columnsDefined(sql, base(MYSQL)).orElseThrow();

        assertThat(names(defined)).containsExactly("promo", "name", "key_id");
        assertThat(column(defined, "promo").declared().orElseThrow().isBoolean()).isTrue();
        assertThat(column(defined, "name").charset()).contains("latin1");
        assertThat(column(defined, "key_id").declared().orElseThrow().width()).contains(5);
        assertThat(MYSQL.columnsDefined("ALTER TABLE t ADD COLUMN area POLYGON", base(MYSQL))).isEmpty();
    }

    @Test
    void anAlterThatRenamesTheTableAppliesItsOtherClauses() {
        TableDefinition renamed = applied(MYSQL, base(MYSQL), "ALTER TABLE t RENAME TO u, ADD COLUMN z INT").orElseThrow();

        assertThat(names(renamed)).containsExactly("id", "name", "z");
    }

    @Test
    void typeAliasesAreReadAsTheServerStoresThemAndKeptAsTheStatementSpeltThem() {
        TableDefinition table = created(MYSQL, "CREATE TABLE t (a bool DEFAULT true, b INTEGER(5) UNSIGNED, c INT8, "
                + "d MIDDLEINT, e DOUBLE PRECISION, f REAL, g NUMERIC(6), h CHARACTER VARYING(4), i NATIONAL CHAR(3), "
                + "j NCHAR VARCHAR(7), k LONG VARBINARY, l LONG, m VARCHAR(2) CHARSET utf8, n INT ZEROFILL)");

        assertThat(table.columns()).extracting(ColumnDefinition::columnType).containsExactly("tinyint(1)",
                "int unsigned", "bigint", "mediumint", "double", "double", "decimal(6,0)", "varchar(4)", "char(3)",
                "varchar(7)", "mediumblob", "mediumtext", "varchar(2)", "int(10) unsigned zerofill");
        assertThat(table.columns()).extracting(column -> column.declared().orElseThrow().name()).containsExactly(
                "BOOL", "INTEGER UNSIGNED", "INT8", "MIDDLEINT", "DOUBLE PRECISION", "REAL", "NUMERIC",
                "CHARACTER VARYING", "NATIONAL CHAR", "NCHAR VARCHAR", "LONG VARBINARY", "LONG", "VARCHAR",
                "INT UNSIGNED ZEROFILL");
        assertThat(table.columns()).extracting(column -> column.declared().orElseThrow().jdbcType()).containsExactly(
                Types.BOOLEAN, Types.INTEGER, Types.BIGINT, Types.INTEGER, Types.DOUBLE, Types.REAL, Types.NUMERIC,
                Types.VARCHAR, Types.NCHAR, Types.NVARCHAR, Types.BLOB, Types.VARCHAR, Types.VARCHAR, Types.INTEGER);
        assertThat(column(table, "a").defaultValue()).contains("true");
        assertThat(column(table, "i").charset()).contains("utf8mb3");
        assertThat(column(table, "i").declared().orElseThrow().charset()).contains("utf8");
        assertThat(column(table, "m").charset()).contains("utf8mb3");
        assertThat(column(table, "m").declared().orElseThrow().charset()).contains("utf8");
        assertThat(column(table, "h").declared().orElseThrow().charset()).isEmpty();
    }

    @Test
    void aCreateTableGivesColumnsAsMariaDbsInformationSchemaWritesThem() {
        TableDefinition table = created(MARIADB, "CREATE TABLE `db`.`t` (id INT UNSIGNED NOT NULL, "
                + "small SMALLINT(3) ZEROFILL, flag BOOLEAN DEFAULT 1, price DECIMAL(8,2) DEFAULT '1.50', "
                + "code CHAR, note VARCHAR(10) CHARACTER SET utf8 COLLATE utf8_bin COMMENT 'it''s', "
                + "at DATETIME(3) DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), "
                + "born DATE DEFAULT '1999-12-31', y YEAR, kind ENUM('a','b') NOT NULL DEFAULT 'b', "
                + "bits BIT(4) DEFAULT b'101', "
                + "PRIMARY KEY (id))");

        assertThat(names(table)).containsExactly("id", "small", "flag", "price", "code", "note", "at", "born", "y",
                "kind", "bits");
        assertThat(table.columns()).extracting(ColumnDefinition::columnType).containsExactly("int(10) unsigned",
                "smallint(3) unsigned zerofill", "tinyint(1)", "decimal(8,2)", "char(1)", "varchar(10)", "datetime(3)",
                "date", "year(4)", "enum('a','b')", "bit(4)");
        assertThat(table.columns()).extracting(ColumnDefinition::position).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9,
                10, 11);
        assertThat(column(table, "note").charset()).contains("utf8mb3");
        assertThat(column(table, "note").comment()).contains("it''s");
        assertThat(column(table, "code").charset()).contains("utf8mb4");
        assertThat(column(table, "price").defaultValue()).contains("1.50");
        assertThat(column(table, "price").length()).isEqualTo(8);
        assertThat(column(table, "price").scale()).isEqualTo(2);
        assertThat(column(table, "at").defaultValue()).contains("1970-01-01 00:00:00");
        assertThat(column(table, "at").scale()).isEqualTo(3);
        assertThat(column(table, "at").autoIncrement()).isFalse();
        assertThat(column(table, "born").defaultValue()).contains("1999-12-31");
        assertThat(column(table, "kind").enumValues()).containsExactly("a", "b");
        assertThat(column(table, "kind").nullable()).isFalse();
        assertThat(column(table, "bits").defaultValue()).contains("b'101'");
        assertThat(column(table, "bits").length()).isEqualTo(4);
        assertThat(table.primaryKey()).containsExactly("id");
        assertThat(table.defaultCharset()).contains("utf8mb4");
    }

    @Test
    void aCreateTableGivesColumnsAsMySqlsInformationSchemaWritesThem() {
        TableDefinition table = created(MYSQL, "CREATE TABLE t (id BIGINT UNSIGNED PRIMARY KEY, "
                + "small SMALLINT ZEROFILL, flag TINYINT(1), tiny TINYINT(4), doc JSON, y YEAR, "
                + "at TIMESTAMP NULL ON UPDATE CURRENT_TIMESTAMP COMMENT 'gone on MySQL') DEFAULT CHARSET latin1");

        assertThat(table.columns()).extracting(ColumnDefinition::columnType).containsExactly("bigint unsigned",
                "smallint(5) unsigned zerofill", "tinyint(1)", "tinyint", "json", "year", "timestamp");
        assertThat(column(table, "id").nullable()).isFalse();
        assertThat(column(table, "at").autoIncrement()).isTrue();
        assertThat(column(table, "at").comment()).isEmpty();
        assertThat(table.defaultCharset()).contains("latin1");
        assertThat(table.primaryKey()).containsExactly("id");
    }

    @Test
    void invisibleColumnsAndStorageAttributesAreColumnsLikeAnyOther() {
        // as MySQL logs a table created under sql_generate_invisible_primary_key
        TableDefinition table = created(MYSQL, "CREATE TABLE `t` (\n  `my_row_id` bigint unsigned NOT NULL "
                + "AUTO_INCREMENT /*!80023 INVISIBLE */,\n  `a` int COLUMN_FORMAT FIXED STORAGE DISK,\n  `b` int "
                + "VISIBLE,\n  PRIMARY KEY (`my_row_id`)\n)");

        assertThat(names(table)).containsExactly("my_row_id", "a", "b");
        assertThat(table.primaryKey()).containsExactly("my_row_id");
        assertThat(column(table, "my_row_id").autoIncrement()).isTrue();
        assertThat(names(applied(MARIADB, base(MARIADB), "ALTER TABLE t ADD COLUMN x INT /*M!100100 INVISIBLE */")
                .orElseThrow())).containsExactly("id", "name", "x");
    }

    @Test
    void aGeneratedColumnIsMarkedGeneratedWithoutADefault() {
        TableDefinition table = created(MARIADB, "CREATE TABLE t (a INT, b INT GENERATED ALWAYS AS (a * 2) VIRTUAL, "
                + "c INT AS (a + 1) STORED)");

        assertThat(table.columns()).extracting(ColumnDefinition::generated).containsExactly(false, true, true);
        assertThat(column(table, "b").defaultValue()).isEmpty();
        assertThat(column(table, "b").nullable()).isTrue();
    }

    @Test
    void aTableWithoutPrimaryKeyIsKeyedByItsOnlyUniqueKeyOfNotNullColumns() {
        assertThat(created(MARIADB, "CREATE TABLE t (a INT, b INT NOT NULL, UNIQUE KEY ua (a), UNIQUE KEY ub (b))")
                .primaryKey()).containsExactly("b");
        assertThat(created(MARIADB, "CREATE TABLE t (a INT NOT NULL UNIQUE, id INT, PRIMARY KEY (id))").primaryKey())
                .containsExactly("id");
        assertThat(created(MARIADB, "CREATE TABLE t (a INT, KEY (a), FOREIGN KEY (a) REFERENCES o (id) "
                + "ON DELETE CASCADE)").primaryKey()).isEmpty();
    }

    @Test
    void alterTableAddsColumnsWhereTold() {
        TableDefinition table = applied(MARIADB, base(MARIADB), "ALTER TABLE t ADD COLUMN a INT, ADD b INT FIRST, "
                + "ADD COLUMN c VARCHAR(5) AFTER id, ADD (d INT, e TEXT), ALGORITHM=INPLACE, LOCK=NONE").orElseThrow();

        assertThat(names(table)).containsExactly("b", "id", "c", "name", "a", "d", "e");
        assertThat(table.columns()).extracting(ColumnDefinition::position).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(column(table, "c").charset()).contains("latin1");
        assertThat(column(table, "a").columnType()).isEqualTo("int(11)");
    }

    @Test
    void columnsTheStatementLeavesAloneKeepTheirDefinitionAtTheirNewPosition() {
        TableDefinition before = base(MARIADB);
        TableDefinition table = applied(MARIADB, before, "ALTER TABLE t ADD x INT FIRST").orElseThrow();

        assertThat(column(table, "name")).isEqualTo(column(before, "name").withPosition(3));
    }

    @Test
    void alterTableDropsModifiesChangesAndRenamesColumns() {
        TableDefinition before = applied(MARIADB, base(MARIADB), "ALTER TABLE t ADD a INT, ADD b INT, ADD c INT")
                .orElseThrow();
        TableDefinition table = applied(MARIADB, before, "ALTER TABLE t DROP COLUMN a, DROP IF EXISTS nothing, "
                + "MODIFY b BIGINT NOT NULL DEFAULT 7 FIRST, CHANGE COLUMN c see VARCHAR(3) AFTER id, "
                + "RENAME COLUMN name TO title").orElseThrow();

        assertThat(names(table)).containsExactly("b", "id", "see", "title");
        assertThat(column(table, "b").columnType()).isEqualTo("bigint(20)");
        assertThat(column(table, "b").nullable()).isFalse();
        assertThat(column(table, "b").defaultValue()).contains("7");
        assertThat(column(applied(MARIADB, table, "ALTER TABLE t ADD v VARCHAR(3) DEFAULT 12").orElseThrow(), "v")
                .defaultValue()).contains("12");
        assertThat(column(table, "title").defaultValue()).contains("x");
    }

    @Test
    void defaultsAreSetAndDropped() {
        TableDefinition table = applied(MYSQL, base(MYSQL), "ALTER TABLE t ALTER COLUMN name SET DEFAULT 'it''s', "
                + "ALTER id DROP DEFAULT").orElseThrow();

        assertThat(column(table, "name").defaultValue()).contains("it''s");
        assertThat(applied(MYSQL, table, "ALTER TABLE t ALTER name DROP DEFAULT").orElseThrow().columns().get(1)
                .defaultValue()).isEmpty();
    }

    @Test
    void keysFollowTheStatement() {
        TableDefinition keyless = created(MARIADB, "CREATE TABLE t (a INT NOT NULL, b INT)");
        assertThat(applied(MARIADB, keyless, "ALTER TABLE t ADD PRIMARY KEY (a)").orElseThrow().primaryKey())
                .containsExactly("a");
        assertThat(applied(MARIADB, keyless, "CREATE UNIQUE INDEX ua ON t (a)").orElseThrow().key().index())
                .isEqualTo("ua");
        assertThat(applied(MARIADB, keyless, "ALTER TABLE t ADD UNIQUE KEY ub (b)").orElseThrow().primaryKey())
                .isEmpty();
        assertThat(applied(MARIADB, keyless, "CREATE INDEX ib ON db.t (b) ALGORITHM=INPLACE").orElseThrow())
                .isEqualTo(keyless);
        assertThat(applied(MARIADB, keyless, "DROP INDEX ib ON t").orElseThrow()).isEqualTo(keyless);
        TableDefinition keyed = applied(MARIADB, keyless, "ALTER TABLE t ADD PRIMARY KEY (b)").orElseThrow();
        assertThat(column(keyed, "b").nullable()).isFalse();
        assertThat(applied(MARIADB, keyed, "ALTER TABLE t RENAME COLUMN b TO c").orElseThrow().primaryKey())
                .containsExactly("c");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "ALTER TABLE t ENGINE=InnoDB",
        "ALTER TABLE t ENGINE = InnoDB, AUTO_INCREMENT = 7, ROW_FORMAT=COMPRESSED, KEY_BLOCK_SIZE=8",
        "ALTER TABLE t ADD CONSTRAINT c1 CHECK (id > 0)",
        "ALTER TABLE t ADD CHECK (id > 0) NOT ENFORCED",
        "ALTER TABLE t DROP CHECK c1",
        "ALTER TABLE t DROP CONSTRAINT IF EXISTS c1",
        "ALTER TABLE t ALTER CHECK c1 NOT ENFORCED",
        "ALTER TABLE t FORCE",
        "ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (id) REFERENCES u (id) ON DELETE SET NULL ON UPDATE CASCADE",
        "ALTER TABLE t ADD FOREIGN KEY fk2 (name) REFERENCES db.u (n) MATCH FULL ON DELETE NO ACTION",
    })
    void statementsThatChangeNoColumnLeaveTheTableAsItWas(String sql) {
        assertThat(applied(MARIADB, base(MARIADB), sql)).contains(base(MARIADB));
    }

    @Test
    void aPrimaryKeyReplacedInOneStatementIsTheNewKey() {
        TableDefinition swapped = applied(MARIADB, base(MARIADB),
                "ALTER TABLE t DROP PRIMARY KEY, ADD PRIMARY KEY (name, id)").orElseThrow();

        assertThat(swapped.primaryKey()).containsExactly("name", "id");
        assertThat(applied(MARIADB, base(MARIADB), "ALTER TABLE t DROP PRIMARY KEY, ADD UNIQUE KEY u (id)"))
                .isEmpty();
    }

    @Test
    void aNewDefaultCharacterSetIsTheTablesAndTheNextColumnsAsWritten() {
        TableDefinition utf8 = applied(MARIADB, base(MARIADB), "ALTER TABLE t DEFAULT CHARACTER SET = utf8 COLLATE "
                + "utf8_bin").orElseThrow();
        assertThat(utf8.defaultCharset()).contains("utf8mb3");
        assertThat(utf8.declaredCharset()).contains("utf8");
        assertThat(utf8.columns()).isEqualTo(base(MARIADB).columns());
        TableDefinition added = applied(MARIADB, utf8, "ALTER TABLE t ADD COLUMN x VARCHAR(3)").orElseThrow();
        assertThat(column(added, "x").charset()).contains("utf8mb3");
        assertThat(applied(MARIADB, base(MARIADB), "ALTER TABLE t COLLATE latin1_bin").orElseThrow().defaultCharset())
                .contains("latin1");
    }

    @Test
    void aConversionGivesTheTableAndEveryTextColumnTheNewCharacterSetAsDebeziumDoes() {
        TableDefinition mixed = applied(MYSQL, base(MYSQL), "ALTER TABLE t ADD COLUMN body TEXT, "
                + "ADD COLUMN kind ENUM('a') CHARACTER SET ascii, ADD COLUMN raw VARBINARY(4)").orElseThrow();

        TableDefinition converted = applied(MYSQL, mixed, "ALTER TABLE t CONVERT TO CHARACTER SET utf8mb4 "
                + "COLLATE utf8mb4_bin").orElseThrow();

        assertThat(converted.defaultCharset()).contains("utf8mb4");
        assertThat(converted.columns()).extracting(ColumnDefinition::charset).containsExactly(Optional.empty(),
                UTF8MB4, UTF8MB4, UTF8MB4, Optional.empty());
        // the server makes the TEXT a MEDIUMTEXT to hold as many bytes; Debezium's parser keeps TEXT
        assertThat(column(converted, "body").columnType()).isEqualTo("text");
    }

    @Test
    void aConversionToUtf8IsNamedAsWrittenWhereTheStatementsSpeltTheColumns() {
        TableDefinition spelt = applied(MARIADB, base(MARIADB), "ALTER TABLE t MODIFY name VARCHAR(20) NOT NULL "
                + "DEFAULT 'x'").orElseThrow();

        TableDefinition converted = applied(MARIADB, spelt, "ALTER TABLE t CONVERT TO CHARSET utf8").orElseThrow();

        assertThat(converted.declaredCharset()).contains("utf8");
        assertThat(column(converted, "name").charset()).contains("utf8mb3");
        assertThat(column(converted, "name").declared().orElseThrow().charset()).contains("utf8");
        // a column read from the server has no declared spelling to carry "utf8": the server's reading is taken
        TableDefinition described = base(MARIADB).withDeclaredTypesOf(Optional.empty());
        TableDefinition fromServer = new TableDefinition(described.id(), described.columns().stream()
                .map(column -> column.withDeclared(Optional.empty())).toList(), described.key(),
                described.defaultCharset(), described.comment(), false);
        assertThat(applied(MARIADB, fromServer, "ALTER TABLE t CONVERT TO CHARSET utf8")).isEmpty();
    }

    @Test
    void anExpressionDefaultIsNoneAsDebeziumsParserReadsIt() {
        TableDefinition table = applied(MARIADB, base(MARIADB), "ALTER TABLE t ADD COLUMN x INT DEFAULT (1 + 1), "
                + "ADD COLUMN u VARCHAR(36) NOT NULL DEFAULT (uuid()), ALTER COLUMN name SET DEFAULT ('y')")
                .orElseThrow();

        assertThat(table.columns()).extracting(ColumnDefinition::defaultValue).containsOnly(Optional.empty());
        assertThat(column(table, "u").nullable()).isFalse();
    }

    @Test
    void railsBooleansLaravelsQuotedCollationsAndVisibilityAreApplied() {
        TableDefinition table = created(MYSQL, "create table t (id int primary key, admin tinyint(1) DEFAULT FALSE, "
                + "n varchar(10) character set 'utf8mb4' collate 'utf8mb4_bin') default character set utf8mb4 "
                + "collate 'utf8mb4_unicode_ci'");

        assertThat(column(table, "admin").defaultValue()).contains("FALSE");
        assertThat(column(table, "n").charset()).isEqualTo(UTF8MB4);
        assertThat(applied(MYSQL, table, "ALTER TABLE t ALTER COLUMN n SET INVISIBLE")).contains(table);
    }

    @Test
    void aFloatWithAPrecisionIsTheServersFloatOrDoubleAndDebeziumsFloatOfThatLength() {
        TableDefinition table = created(MYSQL, "create table t (id int primary key, a float(53), b float(24), "
                + "c float(7,3), d float)");

        assertThat(table.columns()).extracting(ColumnDefinition::columnType)
                .containsExactly("int", "double", "float", "float(7,3)", "float");
        assertThat(DebeziumColumnTypes.typeName(column(table, "a"))).isEqualTo("FLOAT");
        assertThat(DebeziumColumnTypes.jdbcType(column(table, "a"))).isEqualTo(Types.FLOAT);
        assertThat(table.columns()).extracting(DebeziumColumnTypes::length).containsExactly(null, 53, 24, 7, null);
        assertThat(applied(MYSQL, table, "ALTER TABLE t ADD x FLOAT(54)")).isEmpty();
    }

    @Test
    void aDefaultSetToNullIsKeptOnMariaDbAndTheTextNullOnMySqlAsEachDebeziumParserReadsIt() {
        String sql = "ALTER TABLE t ALTER COLUMN name SET DEFAULT NULL";

        assertThat(column(applied(MARIADB, base(MARIADB), sql).orElseThrow(), "name").defaultValue()).contains("x");
        assertThat(column(applied(MYSQL, base(MYSQL), sql).orElseThrow(), "name").defaultValue()).contains("null");
    }

    @Test
    void characterSetNamesKeepTheCaseTheStatementWroteThemIn() {
        TableDefinition table = created(MYSQL, "CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(3)) CHARSET=UTF8MB4");

        assertThat(table.defaultCharset()).isEqualTo(UTF8MB4);
        assertThat(table.declaredCharset()).contains("UTF8MB4");
        assertThat(column(table, "v").declared().orElseThrow().charset()).contains("UTF8MB4");
    }

    /** As SHOW CREATE TABLE writes it, which Debezium shows: quotes doubled. */
    @Test
    void aCommentStatementGivesMariaDbTablesTheirNewComment() {
        assertThat(applied(MARIADB, base(MARIADB), "ALTER TABLE t COMMENT = 'it''s'").orElseThrow().comment())
                .contains("it''s");
        assertThat(applied(MARIADB, base(MARIADB), "ALTER TABLE t COMMENT ''").orElseThrow().comment()).isEmpty();
    }

    @Test
    void numericDefaultsAreKeptAsWritten() {
        // fewer or more decimals than the column's, trailing zeros of a float, more digits than it keeps: spelt as
        // Debezium keeps them, whatever the server writes back (0.00, 1.56, 1, 3.14159)
        TableDefinition added = applied(MARIADB, base(MARIADB), "ALTER TABLE t ADD COLUMN d DECIMAL(5,2) DEFAULT 0, "
                + "ADD COLUMN f FLOAT DEFAULT 1.0, ADD COLUMN r DECIMAL(5,2) DEFAULT 1.555, ADD COLUMN p FLOAT DEFAULT "
                + "3.14159265").orElseThrow();
        assertThat(added.columns()).filteredOn(column -> column.name().length() == 1)
                .extracting(column -> column.defaultValue().orElseThrow())
                .containsExactly("0", "1.0", "1.555", "3.14159265");
    }

    @Test
    void aTimestampSayingNeitherNullNorNotNullIsNullableAsDebeziumsParserReadsIt() {
        TableDefinition table = created(MARIADB, "CREATE TABLE t (a TIMESTAMP, b TIMESTAMP DEFAULT CURRENT_TIMESTAMP)");

        assertThat(table.columns()).allMatch(ColumnDefinition::nullable);
        assertThat(column(table, "a").defaultValue()).isEmpty();
        assertThat(column(table, "b").defaultValue()).isPresent();
    }

    @Test
    void orderByAndMariaDbsIfExistsOnColumnsAreFollowed() {
        assertThat(applied(MARIADB, base(MARIADB), "ALTER TABLE t ADD COLUMN x INT, ORDER BY name DESC, id"))
                .map(DdlApplierTest::names).contains(List.of("id", "name", "x"));
        assertThat(applied(MARIADB, base(MARIADB), "ALTER TABLE t ADD COLUMN IF NOT EXISTS x BOOLEAN AFTER id"))
                .map(DdlApplierTest::names).contains(List.of("id", "x", "name"));
        assertThat(applied(MARIADB, base(MARIADB), "ALTER TABLE t MODIFY IF EXISTS name VARCHAR(30)"))
                .map(table -> column(table, "name").columnType()).contains("varchar(30)");
    }

    @Test
    void lobLengthsAndBinaryAttributesAreReadAsDebeziumsParserReadsThem() {
        TableDefinition table = MARIADB.apply("CREATE TABLE t (id INT PRIMARY KEY, pic BLOB(70000), small BLOB(10), "
                + "note TEXT(100), one TEXT(60), wide TEXT(100) CHARACTER SET latin1, code CHAR(3) BINARY, flag CHAR, "
                + "label VARCHAR(5) BINARY)", ID, Optional.empty(), UTF8MB4).orElseThrow();

        // the server's types: the smallest that holds n bytes or n characters of the column's character set
        assertThat(column(table, "pic").dataType()).isEqualTo("mediumblob");
        assertThat(column(table, "small").dataType()).isEqualTo("tinyblob");
        assertThat(column(table, "note").dataType()).isEqualTo("text");
        assertThat(column(table, "one").dataType()).isEqualTo("tinytext");
        assertThat(column(table, "wide").dataType()).isEqualTo("tinytext");
        // Debezium's: the type and length as written
        assertThat(DebeziumColumnTypes.typeName(column(table, "pic"))).isEqualTo("BLOB");
        assertThat(DebeziumColumnTypes.length(column(table, "pic"))).isEqualTo(70000);
        assertThat(DebeziumColumnTypes.typeName(column(table, "note"))).isEqualTo("TEXT");
        assertThat(DebeziumColumnTypes.length(column(table, "note"))).isEqualTo(100);
        assertThat(DebeziumColumnTypes.typeName(column(table, "code"))).isEqualTo("CHAR BINARY");
        assertThat(DebeziumColumnTypes.length(column(table, "code"))).isEqualTo(3);
        assertThat(DebeziumColumnTypes.typeName(column(table, "label"))).isEqualTo("VARCHAR BINARY");
        assertThat(DebeziumColumnTypes.length(column(table, "flag"))).isNull();
        assertThat(column(table, "flag").length()).isEqualTo(1);
    }

    @Test
    void defaultsTheServerStoresOtherwiseAreKeptAsWritten() {
        String sql = "CREATE TABLE t (id INT PRIMARY KEY, big INT DEFAULT 1e3, half INT DEFAULT '12.5', "
                + "dur TIME DEFAULT 1000, span TIME DEFAULT '1 02:03:04', stamp TIMESTAMP NULL DEFAULT '2020-1-2', "
                + "nat VARCHAR(5) DEFAULT N'x', joined VARCHAR(5) DEFAULT 'a' 'b', intro VARCHAR(5) DEFAULT _utf8mb4'y', "
                + "bits BIT(8) DEFAULT 5)";
        TableDefinition maria = MARIADB.apply(sql, ID, Optional.empty(), UTF8MB4).orElseThrow();
        TableDefinition mysql = MYSQL.apply(sql, ID, Optional.empty(), UTF8MB4).orElseThrow();

        assertThat(List.of("big", "half", "dur", "span", "stamp", "nat", "joined", "intro", "bits").stream()
                .map(name -> column(maria, name).defaultValue().orElseThrow()).toList())
                .containsExactly("1e3", "12.5", "1000", "1 02:03:04", "2020-1-2", "N'x'", "a''b", "_utf8mb4'y'", "5");
        // Debezium 3.6's MySQL parser drops the introducer itself
        assertThat(column(mysql, "intro").defaultValue()).contains("y");
    }

    @Test
    void theColumnsOfACreateNotUnderstoodAsAWholeAreReadOneByOne() {
        String sql = "CREATE TABLE t (id INTEGER(5) PRIMARY KEY, flag BOOLEAN DEFAULT TRUE, label VARCHAR(9) "
                + "DEFAULT 1.5, photo DATETIME DEFAULT '2020-01-02 3:04', code CHAR(3) ASCII, price DECIMAL(6,2) DEFAULT 0, "
                + "KEY k (label(3))) PARTITION BY HASH (id) PARTITIONS 2";
        assertThat(MARIADB.apply(sql, ID, Optional.empty(), UTF8MB4)).isEmpty();

        ColumnsRead columns = MARIADB.columnsRead(sql, ID, UTF8MB4).orElseThrow();
        TableDefinition read = columns.read();

        assertThat(columns.names()).containsExactly("id", "flag", "label", "photo", "code", "price");
        assertThat(columns.optionsRead()).isTrue();
        assertThat(names(read)).containsExactly("id", "flag", "price");
        assertThat(read.primaryKey()).containsExactly("id");
        assertThat(column(read, "flag").declared().orElseThrow().isBoolean()).isTrue();
        assertThat(column(read, "id").declared().orElseThrow().width()).contains(5);
        // a table more than its columns defined here: none read
        assertThat(MARIADB.columnsRead("CREATE TABLE t LIKE u", ID, UTF8MB4)).isEmpty();
        assertThat(MARIADB.columnsRead("CREATE TABLE t (a BOOL, b VARCHAR(3) DEFAULT \"x\") SELECT 1 AS c", ID,
                UTF8MB4)).isEmpty();
        assertThat(MARIADB.columnsRead("CREATE TABLE t (a BOOL, b VARCHAR(3) DEFAULT \"x\") ENGINE=MERGE "
                + "UNION=(u, v)", ID, UTF8MB4)).isEmpty();
        assertThat(MARIADB.columnsRead("CREATE TABLE t (a BOOL, b VARCHAR(3) DEFAULT \"x\") WITH SYSTEM VERSIONING",
                ID, UTF8MB4)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "ALTER TABLE t DROP PRIMARY KEY",
        "ALTER TABLE t ADD COLUMN x INT DEFAULT b'101'",
        "ALTER TABLE t ADD COLUMN x GEOMETRY",
        "ALTER TABLE t ADD COLUMN x DATETIME NULL DEFAULT '2020-01-02 3:04'",
        "ALTER TABLE t ADD COLUMN x INT DEFAULT -'5'",
        "ALTER TABLE t ADD COLUMN x TIMESTAMP NOT NULL",
        "ALTER TABLE t ADD COLUMN x VARCHAR(5) DEFAULT \"d\"\"q\"",
        "ALTER TABLE t ADD COLUMN x DATETIME DEFAULT 20200102",
        "ALTER TABLE t ADD COLUMN x VARCHAR(4) DEFAULT 1.5",
        "ALTER TABLE t ADD COLUMN x LINESTRING",
        "ALTER TABLE t ADD COLUMN x VARCHAR(4) DEFAULT 1e3",
        "ALTER TABLE t ADD COLUMN IF NOT EXISTS id INT",
        "ALTER TABLE t MODIFY COLUMN IF EXISTS nothing INT",
        "ALTER TABLE t ORDER BY id, ADD COLUMN x INT",
        "ALTER TABLE t ADD COLUMN id INT",
        "ALTER TABLE t DROP COLUMN id",
        "ALTER TABLE t DROP COLUMN nothing",
        "ALTER TABLE t ADD COLUMN x POLYGON",
        "ALTER TABLE t CONVERT TO CHARACTER SET DEFAULT",
        "ALTER TABLE t CONVERT TO CHARACTER SET utf8 COLLATE latin1_bin",
        "ALTER TABLE t CONVERT TO CHARACTER SET utf8mb4, ADD COLUMN x VARCHAR(3)",
        "ALTER TABLE t DEFAULT CHARSET=utf8mb4, ADD COLUMN x VARCHAR(3)",
        "ALTER TABLE t MODIFY name VARCHAR(20), COLLATE utf8mb4_bin",
        "ALTER TABLE t ALTER INDEX PRIMARY INVISIBLE",
        "ALTER TABLE t ADD UNIQUE KEY un (name(5))",
        "ALTER TABLE t MODIFY id INT NULL",
        "ALTER TABLE t PARTITION BY HASH(id) PARTITIONS 2",
        "TRUNCATE TABLE t",
        "DROP TABLE t",
    })
    void whatIsNotFullyUnderstoodIsNotApplied(String sql) {
        assertThat(applied(MARIADB, base(MARIADB), sql)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "CREATE TABLE t LIKE u",
        "CREATE TABLE t AS SELECT 1 AS a",
        "CREATE TABLE t (a INT) UNION=(u, v)",
        "CREATE TABLE t (a INT) /*M!100100 SELECT 1 */",
        "CREATE TABLE t (a JSON CHARACTER SET latin1)",
        "CREATE TABLE t (a INT, b INT NOT NULL UNIQUE, c INT NOT NULL UNIQUE)",
        "CREATE TEMPORARY TABLE t (a INT)",
    })
    void createStatementsNotFullyUnderstoodAreNotApplied(String sql) {
        assertThat(MARIADB.apply(sql, ID, Optional.empty(), UTF8MB4)).isEmpty();
    }

    @Test
    void aTableWithoutPrimaryKeyRefusesWhatCouldMakeAnotherIndexItsKey() {
        TableDefinition keyless = created(MARIADB, "CREATE TABLE t (a INT, b INT)");

        assertThat(applied(MARIADB, keyless, "ALTER TABLE t MODIFY a INT NOT NULL")).isEmpty();
        assertThat(applied(MARIADB, keyless, "ALTER TABLE t DROP COLUMN b")).isEmpty();
        assertThat(applied(MARIADB, keyless, "ALTER TABLE t MODIFY a BIGINT")).isPresent();
    }

    @Test
    void textColumnsOfATableWhoseCharacterSetIsUnknownAreNotApplied() {
        assertThat(MARIADB.apply("CREATE TABLE t (a VARCHAR(3))", ID, Optional.empty(), Optional.empty())).isEmpty();
        assertThat(MARIADB.apply("CREATE TABLE t (a INT)", ID, Optional.empty(), Optional.empty())).isPresent();
    }
}
