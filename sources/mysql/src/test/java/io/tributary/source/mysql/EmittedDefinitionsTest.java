package io.tributary.source.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import io.tributary.source.mysql.schema.ColumnDefinition;
import io.tributary.source.mysql.schema.TableDefinition;
import io.tributary.source.mysql.schema.TableId;
import io.tributary.source.mysql.schema.ddl.DdlApplier;
import org.junit.jupiter.api.Test;

class EmittedDefinitionsTest {
    private static final TableId FRESH = new TableId("db", "fresh");
    private static final TableId FRESH2 = new TableId("db", "fresh2");
    private static final String CREATE = "CREATE TABLE IF NOT EXISTS db.fresh (id INT PRIMARY KEY, v CHAR(2) DEFAULT 'f')";
    private static final String ALTER = "ALTER TABLE db.fresh RENAME TO db.fresh2, ADD COLUMN w INT DEFAULT 2";

    /** The table as the server describes it right after a statement (the applier stands in for the server here). */
    private static TableDefinition onServer(String sql, TableId id) {
        return new DdlApplier(true).apply(sql, id, Optional.empty(), Optional.of("latin1")).orElseThrow();
    }

    private static Optional<String> defaultOf(TableDefinition table, String column) {
        return table.columns().stream().filter(each -> each.name().equals(column)).findFirst()
                .flatMap(ColumnDefinition::defaultValue);
    }

    @Test
    void aTableCreatedIfNotExistsAsTheServerStillShowsItDecodesRowsAfterItIsRenamedAndGone() {
        EmittedDefinitions emitted = new EmittedDefinitions(true);

        // capture reads the CREATE while the table is still there, and the ALTER once it was renamed again
        emitted.created(CREATE, FRESH, Optional.of(onServer(CREATE, FRESH)), Optional.of("latin1"));
        emitted.alteredAndRenamed(ALTER, FRESH, FRESH2, Optional.empty());

        TableDefinition forRows = emitted.knownForRows(FRESH2).orElseThrow();
        assertThat(forRows.columns()).extracting(ColumnDefinition::name).containsExactly("id", "v", "w");
        assertThat(defaultOf(forRows, "v")).contains("f");
        assertThat(defaultOf(forRows, "w")).contains("2");
    }

    @Test
    void aTableCreatedIfNotExistsThatWasThereWithOtherColumnsIsNotTrustedForRows() {
        EmittedDefinitions emitted = new EmittedDefinitions(true);
        String before = "CREATE TABLE db.fresh (id INT PRIMARY KEY, other BIGINT)";

        emitted.created(CREATE, FRESH, Optional.of(onServer(before, FRESH)), Optional.of("latin1"));

        assertThat(emitted.known(FRESH).orElseThrow().columns()).extracting(ColumnDefinition::name)
                .containsExactly("id", "other");
        assertThat(emitted.knownForRows(FRESH)).isEmpty();
    }
}
