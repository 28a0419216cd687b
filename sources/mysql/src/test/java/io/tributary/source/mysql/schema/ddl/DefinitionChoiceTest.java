package io.tributary.source.mysql.schema.ddl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import io.tributary.source.mysql.schema.ColumnDefinition;
import io.tributary.source.mysql.schema.TableDefinition;
import io.tributary.source.mysql.schema.TableId;
import org.junit.jupiter.api.Test;

class DefinitionChoiceTest {
    private static final TableId ID = new TableId("db", "t");
    private static final DdlApplier MARIADB = new DdlApplier(true);

    private static TableDefinition table(String columns) {
        return MARIADB.apply("CREATE TABLE t (" + columns + ")", ID, Optional.empty(), Optional.of("utf8mb4"))
                .orElseThrow();
    }

    /** The same columns as the server describes them: without the statement's spelling. */
    private static TableDefinition asTheServerHasIt(TableDefinition table) {
        return new TableDefinition(table.id(), table.columns().stream().map(column -> column.withDeclared(
                Optional.empty())).toList(), table.key(), table.defaultCharset(), table.comment());
    }

    @Test
    void theStatementsSpellingOfATypeIsKeptOnlyWhileTheColumnHasThatType() {
        TableDefinition spelt = table("flag BOOL DEFAULT TRUE, n INT8, m INTEGER");
        TableDefinition later = asTheServerHasIt(table("flag TINYINT(4) DEFAULT 1, n BIGINT, m INT"));
        TableDefinition same = asTheServerHasIt(table("flag TINYINT(1) DEFAULT 0, n BIGINT, m INT"));

        TableDefinition changed = later.withDeclaredTypesOf(Optional.of(spelt));
        TableDefinition kept = same.withDeclaredTypesOf(Optional.of(spelt));

        assertThat(changed.columns().get(0).declared()).isEmpty();
        assertThat(changed.columns().get(1).declared().orElseThrow().name()).isEqualTo("INT8");
        assertThat(kept.columns().get(0).declared().orElseThrow().name()).isEqualTo("BOOL");
        // a default changed since is the server's, not the statement's TRUE
        assertThat(kept.columns().get(0).defaultValue()).contains("0");
    }

    @Test
    void aCreateNotUnderstoodAsAWholeHasItsColumnsAsReadWhereUnderstoodAndAsTheServerHasThemOtherwise() {
        ColumnsRead read = MARIADB.columnsRead("CREATE TABLE t (id INT, flag BOOLEAN DEFAULT TRUE, label VARCHAR(5) "
                + "DEFAULT 1.5, price DECIMAL(6,2) DEFAULT 0, at TIMESTAMP, other BOOL, PRIMARY KEY (id)) "
                + "PARTITION BY HASH (id)", ID, Optional.of("utf8mb4")).orElseThrow();
        // the server's shows a later moment: a column added, one of another type
        TableDefinition server = asTheServerHasIt(table("id INT NOT NULL, flag TINYINT(1) DEFAULT 1, label VARCHAR(5) "
                + "DEFAULT '1.5', price DECIMAL(6,2) DEFAULT 0.00, at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP, "
                + "other SMALLINT, later INT, PRIMARY KEY (id)"));

        TableDefinition created = DefinitionChoice.withColumnsRead(server, read).orElseThrow();

        assertThat(created.columns()).extracting(column -> column.name() + column.position())
                .containsExactly("id1", "flag2", "label3", "price4", "at5", "other6");
        assertThat(created.primaryKey()).containsExactly("id");
        assertThat(created.columns()).extracting(column -> column.declared().map(type -> type.name()).orElse("-"))
                .containsExactly("INT", "BOOLEAN", "-", "DECIMAL", "TIMESTAMP", "BOOL");
        assertThat(created.columns()).extracting(column -> column.defaultValue().orElse("-"))
                .containsExactly("-", "TRUE", "1.5", "0", "-", "-");
        assertThat(created.columns()).extracting(ColumnDefinition::nullable)
                .containsExactly(false, true, true, true, true, true);
    }

    @Test
    void anAlterNotUnderstoodKeepsTheColumnsItDoesNotNameAsTheyWere() {
        TableDefinition before = table("id INT NOT NULL, at TIMESTAMP, price DECIMAL(6,2) DEFAULT 0, PRIMARY KEY (id)");
        TableDefinition server = asTheServerHasIt(table("id INT NOT NULL, at TIMESTAMP NOT NULL DEFAULT "
                + "CURRENT_TIMESTAMP, price DECIMAL(6,2) DEFAULT 0.10, note VARCHAR(9), PRIMARY KEY (id)"));

        TableDefinition altered = DefinitionChoice.withUnnamedColumnsOf(server, before,
                "ALTER TABLE t ADD note VARCHAR(9) DEFAULT \"x\", MODIFY `price` DECIMAL(6,2) DEFAULT 0.10");

        assertThat(altered.columns()).extracting(ColumnDefinition::name).containsExactly("id", "at", "price", "note");
        assertThat(altered.columns()).extracting(ColumnDefinition::nullable).containsExactly(false, true, true, true);
        assertThat(altered.columns()).extracting(column -> column.defaultValue().orElse("-"))
                .containsExactly("-", "-", "0.10", "-");
    }

    @Test
    void anAlterNotUnderstoodLeavesOutTheColumnsALaterStatementAdded() {
        TableDefinition before = table("id INT NOT NULL, PRIMARY KEY (id)");
        TableDefinition server = asTheServerHasIt(table("id INT NOT NULL, area VARCHAR(3), tier INT, vip BOOL, "
                + "PRIMARY KEY (id)"));

        TableDefinition altered = DefinitionChoice.withUnnamedColumnsOf(server, before,
                "ALTER TABLE t ADD COLUMN area POLYGON");

        assertThat(altered.columns()).extracting(ColumnDefinition::name).containsExactly("id", "area");
        assertThat(altered.columns()).extracting(ColumnDefinition::position).containsExactly(1, 2);
    }

    @Test
    void theServersDefinitionIsKeptWhenTheStatementWasNotUnderstood() {
        Optional<TableDefinition> current = Optional.of(table("a INT, b INT"));

        assertThat(DefinitionChoice.of(current, Optional.empty())).isSameAs(current);
    }

    @Test
    void theServersDefinitionIsKeptWhenItHasTheSameStructure() {
        TableDefinition current = table("a INT(11) DEFAULT 5 COMMENT 'server', b VARCHAR(3)");
        TableDefinition applied = table("a INT DEFAULT 5, b VARCHAR(3)");

        assertThat(DefinitionChoice.of(Optional.of(current), Optional.of(applied))).containsSame(current);
    }

    @Test
    void aBinaryDefaultPaddedByTheServerIsTheSameMomentAndKeptAsWritten() {
        TableDefinition applied = table("a BINARY(4) DEFAULT 'ab'");
        TableDefinition current = table("a BINARY(4) DEFAULT 'ab\\0\\0'");

        TableDefinition chosen = DefinitionChoice.of(Optional.of(current), Optional.of(applied)).orElseThrow();

        assertThat(DefinitionChoice.sameStructure(current, applied)).isTrue();
        assertThat(chosen.columns().get(0).defaultValue()).contains("ab");
    }

    @Test
    void anotherDefaultOrCharacterSetOnTheServerIsALaterMoment() {
        TableDefinition applied = table("a INT DEFAULT 6, b VARCHAR(3) CHARACTER SET latin1");

        assertThat(DefinitionChoice.of(Optional.of(table("a INT DEFAULT 5, b VARCHAR(3) CHARACTER SET latin1")),
                Optional.of(applied))).containsSame(applied);
        assertThat(DefinitionChoice.of(Optional.of(table("a INT DEFAULT 6, b VARCHAR(3)")), Optional.of(applied)))
                .containsSame(applied);
    }

    @Test
    void theAppliedDefinitionIsTakenWhenTheServerAlreadyShowsALaterMoment() {
        TableDefinition applied = table("a INT");

        assertThat(DefinitionChoice.of(Optional.of(table("a INT, b INT")), Optional.of(applied))).containsSame(applied);
        assertThat(DefinitionChoice.of(Optional.of(table("a BIGINT")), Optional.of(applied))).containsSame(applied);
        assertThat(DefinitionChoice.of(Optional.of(table("a INT NOT NULL")), Optional.of(applied)))
                .containsSame(applied);
        assertThat(DefinitionChoice.of(Optional.of(table("a INT PRIMARY KEY")), Optional.of(applied)))
                .containsSame(applied);
        assertThat(DefinitionChoice.of(Optional.empty(), Optional.of(applied))).containsSame(applied);
    }
}
