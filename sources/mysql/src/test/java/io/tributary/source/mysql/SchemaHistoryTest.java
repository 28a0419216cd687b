package io.tributary.source.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

import io.tributary.api.SourceException;
import io.tributary.source.mysql.event.ServerFlavor;
import io.tributary.source.mysql.schema.ColumnDefinition;
import io.tributary.source.mysql.schema.TableDefinition;
import io.tributary.source.mysql.schema.TableId;
import io.tributary.source.mysql.schema.ddl.DdlApplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaHistoryTest {
    private static final TableId ITEMS = new TableId("shop", "items");
    private static final String CREATE = "CREATE TABLE shop.items (id INT UNSIGNED ZEROFILL PRIMARY KEY, "
            + "flag BOOL DEFAULT TRUE, note VARCHAR(10) CHARACTER SET utf8 COMMENT 'a note', kind ENUM('a','b,c'))";

    @TempDir
    Path directory;

    private Path file() {
        return directory.resolve("history.jsonl");
    }

    private EmittedDefinitions definitions(ServerFlavor flavor) {
        return new EmittedDefinitions(flavor == ServerFlavor.MARIADB, SchemaHistory.in(file(), flavor));
    }

    /** A history whose snapshot described shop.items at bin.000001:100, then {@code statements}, each at its offset. */
    private EmittedDefinitions snapshotThen(Object... statementsAndOffsets) {
        EmittedDefinitions definitions = definitions(ServerFlavor.MARIADB);
        definitions.described(created());
        definitions.journalAll(at("bin.000001", 100));
        for (int i = 0; i < statementsAndOffsets.length; i += 2) {
            definitions.altered((String) statementsAndOffsets[i], ITEMS, Optional.empty());
            definitions.journal((MySqlOffset) statementsAndOffsets[i + 1]);
        }
        definitions.closeHistory();
        return definitions;
    }

    private static TableDefinition created() {
        return new DdlApplier(true).apply(CREATE, ITEMS, Optional.empty(), Optional.of("latin1")).orElseThrow();
    }

    private static MySqlOffset at(String file, long pos) {
        return MySqlOffset.streamingFrom(file, pos);
    }

    private static java.util.List<String> names(EmittedDefinitions definitions) {
        return definitions.known(ITEMS).orElseThrow().columns().stream().map(ColumnDefinition::name).toList();
    }

    @Test
    void aRestartKnowsTheTablesAsTheStatementsItsOffsetPassedLeftThem() {
        snapshotThen("ALTER TABLE shop.items ADD COLUMN qty INT DEFAULT 5", at("bin.000001", 300),
                "ALTER TABLE shop.items DROP COLUMN note", at("bin.000002", 50));

        EmittedDefinitions between = definitions(ServerFlavor.MARIADB);
        between.recover(Optional.of(at("bin.000001", 400)));

        // every detail survives the file: declared spellings, defaults, comments, ENUM members
        TableDefinition restored = between.knownForRows(ITEMS).orElseThrow();
        assertThat(restored.columns()).extracting(ColumnDefinition::name)
                .containsExactly("id", "flag", "note", "kind", "qty");
        TableDefinition expected = new DdlApplier(true).apply("ALTER TABLE shop.items ADD COLUMN qty INT DEFAULT 5",
                ITEMS, Optional.of(created()), Optional.empty()).orElseThrow();
        assertThat(restored).isEqualTo(expected);
        assertThat(restored.columns().get(1).declared()).isPresent();
    }

    @Test
    void linesPastTheStoredOffsetAreDroppedFromTheFile() throws IOException {
        snapshotThen("ALTER TABLE shop.items DROP COLUMN note", at("bin.000003", 50));

        EmittedDefinitions restarted = definitions(ServerFlavor.MARIADB);
        restarted.recover(Optional.of(at("bin.000002", 900)));
        assertThat(names(restarted)).containsExactly("id", "flag", "note", "kind");
        assertThat(Files.readAllLines(file())).hasSize(1);

        // the statement is read again after the restart, and kept again
        restarted.altered("ALTER TABLE shop.items DROP COLUMN kind", ITEMS, Optional.empty());
        restarted.journal(at("bin.000003", 50));
        restarted.closeHistory();
        EmittedDefinitions again = definitions(ServerFlavor.MARIADB);
        again.recover(Optional.of(at("bin.000003", 50)));
        assertThat(names(again)).containsExactly("id", "flag", "note");
    }

    @Test
    void aReconnectKeepsTheLinesAnEarlierStoredOffsetNeeds() {
        snapshotThen("ALTER TABLE shop.items ADD COLUMN qty INT DEFAULT 5", at("bin.000001", 300));

        // a reconnect resumes past the ALTER, from a record handed over but never stored, then capture crashes
        EmittedDefinitions reconnected = definitions(ServerFlavor.MARIADB);
        reconnected.rewind(at("bin.000001", 400));
        assertThat(names(reconnected)).containsExactly("id", "flag", "note", "kind", "qty");
        reconnected.closeHistory();

        // the restart resumes from the offset the sink stored, before the ALTER: the snapshot's table is still known
        EmittedDefinitions restarted = definitions(ServerFlavor.MARIADB);
        restarted.recover(Optional.of(at("bin.000001", 200)));
        assertThat(names(restarted)).containsExactly("id", "flag", "note", "kind");
    }

    @Test
    void gtidsDecideWhereBothOffsetsHaveThem() {
        String uuid = "3e11fa47-71ca-11e1-9e33-c80aa9429562";
        EmittedDefinitions mysql = definitions(ServerFlavor.MYSQL);
        mysql.described(created());
        mysql.journalAll(at("bin.000001", 100).withGtids(uuid + ":1-5"));
        mysql.dropped(ITEMS);
        mysql.journal(at("bin.000001", 900).withGtids(uuid + ":1-6"));
        mysql.closeHistory();

        EmittedDefinitions before = definitions(ServerFlavor.MYSQL);
        // another server's file and position after a failover: the GTIDs say the DROP has not been passed
        before.recover(Optional.of(at("other.000009", 4).withGtids(uuid + ":1-5")));
        assertThat(before.knows(ITEMS)).isTrue();
        before.closeHistory();

        SchemaHistory history = SchemaHistory.none(ServerFlavor.MARIADB);
        assertThat(history.reached(at("a.000001", 500).withGtids("0-1-7"), at("a.000001", 10).withGtids("0-2-7")))
                .isTrue();
        assertThat(history.reached(at("a.000001", 5).withGtids("0-1-8,1-1-2"), at("a.000001", 10)
                .withGtids("0-1-9"))).isFalse();
    }

    @Test
    void aDatabaseCharacterSetForgottenByADropIsForgottenAfterARestart() {
        EmittedDefinitions first = snapshotThen();
        first.databaseCharset(new DdlStatements.DatabaseCharset("app", Optional.of("latin1"), true));
        first.journal(at("bin.000001", 200));
        first.droppedDatabase("app");
        first.databaseCharset(new DdlStatements.DatabaseCharset("app", Optional.empty(), true));
        first.journal(at("bin.000001", 300));
        first.closeHistory();

        EmittedDefinitions restarted = definitions(ServerFlavor.MARIADB);
        restarted.recover(Optional.of(at("bin.000001", 400)));

        assertThat(restarted.databaseCharset("app")).isEmpty();
        assertThat(restarted.knows(ITEMS)).isTrue();
    }

    @Test
    void recoveringAgainInTheSameProcessForgetsWhatWasLearntPastTheOffset() {
        EmittedDefinitions reader = snapshotThen("ALTER TABLE shop.items DROP COLUMN note", at("bin.000001", 300));

        // a reconnection resumes before the ALTER, which is read again
        reader.recover(Optional.of(at("bin.000001", 250)));

        assertThat(names(reader)).containsExactly("id", "flag", "note", "kind");
    }

    @Test
    void aLineCutInsideACharacterByAFullDiskIsReadAgainFromTheBinlog() throws IOException {
        snapshotThen();
        byte[] cut = "{\"format\":\"tributary-schema-history-1\",\"x\":\"\u00e9".getBytes(StandardCharsets.UTF_8);
        Files.write(file(), java.util.Arrays.copyOf(cut, cut.length - 1), StandardOpenOption.APPEND);

        EmittedDefinitions restarted = definitions(ServerFlavor.MARIADB);
        restarted.recover(Optional.of(at("bin.000001", 200)));

        assertThat(restarted.knows(ITEMS)).isTrue();
    }

    @Test
    void aFirstStartClearsTheHistory() {
        snapshotThen();

        EmittedDefinitions fresh = definitions(ServerFlavor.MARIADB);
        fresh.recover(Optional.empty());

        assertThat(fresh.knows(ITEMS)).isFalse();
        assertThat(file()).doesNotExist();
    }

    @Test
    void aLineCutShortByACrashIsReadAgainFromTheBinlogNotFailed() throws IOException {
        snapshotThen();
        Files.writeString(file(), "{\"format\":\"tributary-schema-history-1\",\"offset\":{\"fi",
                StandardOpenOption.APPEND);

        EmittedDefinitions restarted = definitions(ServerFlavor.MARIADB);
        restarted.recover(Optional.of(at("bin.000001", 200)));

        assertThat(restarted.knows(ITEMS)).isTrue();
        assertThat(Files.readAllLines(file())).hasSize(1);
    }

    @Test
    void aFileThatIsNotTributarysHistoryIsRefusedWithWhatToDo() throws IOException {
        Files.writeString(file(), "{\"source\":{\"server\":\"shop\"},\"position\":{\"file\":\"bin.000001\"},"
                + "\"ddl\":\"CREATE TABLE a (id INT)\"}\n{}\n", StandardCharsets.UTF_8);

        EmittedDefinitions restarted = definitions(ServerFlavor.MARIADB);
        assertThatThrownBy(() -> restarted.recover(Optional.of(at("bin.000001", 200))))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining(file().toString())
                .hasMessageContaining("not a line of Tributary's schema history")
                .hasMessageContaining("Restore the file from a backup");
    }
}
