package io.tributary.source.mysql.schema.ddl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

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
