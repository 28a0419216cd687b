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

    @Test
    void theServersDefinitionIsKeptWhenTheStatementWasNotUnderstood() {
        Optional<TableDefinition> current = Optional.of(table("a INT, b INT"));

        assertThat(DefinitionChoice.of(current, Optional.empty())).isSameAs(current);
    }

    @Test
    void theServersDefinitionIsKeptWhenItHasTheSameStructure() {
        TableDefinition current = table("a INT(11) DEFAULT 5 COMMENT 'server', b VARCHAR(3)");
        TableDefinition applied = table("a INT DEFAULT 6, b VARCHAR(3) CHARACTER SET latin1");

        assertThat(DefinitionChoice.of(Optional.of(current), Optional.of(applied))).containsSame(current);
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
