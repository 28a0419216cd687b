package io.tributary.source.mysql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.tributary.source.mysql.event.ServerFlavor;
import io.tributary.source.mysql.schema.TableDefinition;
import io.tributary.source.mysql.schema.TableId;
import io.tributary.source.mysql.schema.ddl.ColumnsRead;
import io.tributary.source.mysql.schema.ddl.DdlApplier;
import io.tributary.source.mysql.schema.ddl.DefinitionChoice;

/**
 * The definition each table was last described with, by the snapshot or by a schema-change event: the table as of
 * the binlog position being read, which {@code information_schema} shows only when capture is not behind. A DDL
 * statement is applied to it ({@link DdlApplier}) and the result preferred to the server's reading where the two
 * differ ({@link DefinitionChoice}). What changes is handed to a {@link SchemaHistory} ({@link #changes}), so that a
 * restart finds the tables as they were at the offset it resumes from ({@link #restore}). Not thread-safe: used by
 * the snapshot, then by the reader thread.
 */
final class EmittedDefinitions {
    private final DdlApplier applier;
    private final Map<TableId, TableDefinition> known = new HashMap<>();
    /**
     * Tables whose definition is the server's reading after a statement that was not understood, which shows a later
     * moment when capture is behind (as does any definition worked out from it since): good for describing, not for
     * decoding the table's rows.
     */
    private final Set<TableId> possiblyLater = new HashSet<>();
    /**
     * The default character set of each database as the statements read so far left it, where one named it: a table
     * gone by the time its CREATE TABLE is read takes it, not the server's (which may be a later database's).
     */
    private final Map<String, String> databaseCharsets = new HashMap<>();
    /** The tables and databases changed since {@link #changes} was last called. */
    private final Set<TableId> changedTables = new LinkedHashSet<>();
    private final Set<String> changedDatabases = new LinkedHashSet<>();

    private final SchemaHistory history;
    /** How tables are found in the maps above: by {@link TableNameCase#key}; definitions keep their spelling. */
    private final TableNameCase names;

    EmittedDefinitions(boolean mariaDb) {
        this(mariaDb, SchemaHistory.none(mariaDb ? ServerFlavor.MARIADB : ServerFlavor.MYSQL));
    }

    EmittedDefinitions(boolean mariaDb, SchemaHistory history) {
        this(mariaDb, TableNameCase.SENSITIVE, history);
    }

    EmittedDefinitions(boolean mariaDb, TableNameCase names, SchemaHistory history) {
        this.applier = new DdlApplier(mariaDb);
        this.names = names;
        this.history = history;
    }

    /** Knows the tables as the history left them at {@code stored}, a stored offset; nothing on a first start. */
    void recover(Optional<MySqlOffset> stored) {
        history.recover(stored, true, this);
    }

    /**
     * Knows the tables as the history left them at {@code position}, where capture resumes after a reconnect: a
     * position no sink may have stored yet, so the history keeps every line.
     */
    void rewind(MySqlOffset position) {
        history.recover(Optional.of(position), false, this);
    }

    /** Knows nothing, and neither does the history: a new snapshot is about to describe the tables afresh. */
    void forget() {
        restore(SchemaHistory.State.EMPTY);
        history.clear();
    }

    /** Keeps in the history what the last statement changed, as holding after {@code offset}. */
    void journal(MySqlOffset offset) {
        history.record(offset, this);
    }

    /** Keeps in the history every table known now, as holding after {@code offset}: a snapshot's end. */
    void journalAll(MySqlOffset offset) {
        history.recordAll(offset, this);
    }

    void closeHistory() {
        history.close();
    }

    /** Everything known now, as a history's base entry keeps it. */
    SchemaHistory.State state() {
        return new SchemaHistory.State(known.values().stream()
                .map(table -> new SchemaHistory.Table(table, possiblyLater.contains(names.key(table.id())))).toList(),
                Map.copyOf(databaseCharsets));
    }

    /** Knows what a history kept, and nothing else (a restart's first step). */
    void restore(SchemaHistory.State state) {
        known.clear();
        possiblyLater.clear();
        databaseCharsets.clear();
        for (SchemaHistory.Table table : state.tables()) {
            TableId key = names.key(table.definition().id());
            known.put(key, table.definition());
            if (table.possiblyLater()) {
                possiblyLater.add(key);
            }
        }
        databaseCharsets.putAll(state.databaseCharsets());
        changedTables.clear();
        changedDatabases.clear();
    }

    /**
     * What changed since the last call: each table changed as it is now (or gone) and each database's character set;
     * empty when nothing did.
     */
    Optional<SchemaHistory.Changes> changes() {
        if (changedTables.isEmpty() && changedDatabases.isEmpty()) {
            return Optional.empty();
        }
        List<SchemaHistory.Table> tables = new ArrayList<>();
        List<TableId> gone = new ArrayList<>();
        for (TableId id : changedTables) {
            TableDefinition table = known.get(id);
            if (table == null) {
                gone.add(id);
            } else {
                tables.add(new SchemaHistory.Table(table, possiblyLater.contains(id)));
            }
        }
        Map<String, Optional<String>> charsets = new LinkedHashMap<>();
        changedDatabases.forEach(database -> charsets.put(database,
                Optional.ofNullable(databaseCharsets.get(database))));
        changedTables.clear();
        changedDatabases.clear();
        return Optional.of(new SchemaHistory.Changes(tables, gone, charsets));
    }

    /** Applies a history's entry: the tables and databases it changed, as it left them. */
    void apply(SchemaHistory.Changes changes) {
        for (SchemaHistory.Table table : changes.tables()) {
            TableId key = names.key(table.definition().id());
            known.put(key, table.definition());
            if (table.possiblyLater()) {
                possiblyLater.add(key);
            } else {
                possiblyLater.remove(key);
            }
        }
        changes.dropped().forEach(id -> {
            known.remove(names.key(id));
            possiblyLater.remove(names.key(id));
        });
        changes.databaseCharsets().forEach((database, charset) -> {
            if (charset.isPresent()) {
                databaseCharsets.put(database, charset.get());
            } else {
                databaseCharsets.remove(database);
            }
        });
    }

    /** A table as a snapshot described it. */
    void described(TableDefinition table) {
        TableId key = names.key(table.id());
        known.put(key, table);
        possiblyLater.remove(key);
        changedTables.add(key);
    }

    /**
     * The table right after a CREATE TABLE statement: the server's definition, or the statement's when they differ
     * (the table changed again since, or is gone).
     *
     * @param charset the character set of a table whose statement names none
     */
    Optional<TableDefinition> created(String sql, TableId id, Optional<TableDefinition> current,
            Optional<String> charset) {
        Optional<TableDefinition> applied = applier.apply(sql, id, Optional.empty(), charset);
        if (applied.isEmpty()) {
            // not understood as a whole: its columns, as read where understood and as the server has them otherwise
            // (the rows' table maps still decide whether rows were written with it); without a column the server no
            // longer has, the server's description, with the spelling of the columns read
            Optional<ColumnsRead> columnsRead = applier.columnsRead(sql, id, charset);
            Optional<TableDefinition> created = current.flatMap(table -> columnsRead
                    .flatMap(read -> DefinitionChoice.withColumnsRead(table, read)));
            if (created.isPresent()) {
                return remember(id, created, false);
            }
            return remember(id, current.map(table -> table.withDeclaredTypesOf(columnsRead.map(ColumnsRead::read))),
                    true);
        }
        boolean agree = current.isPresent() && DefinitionChoice.sameStructure(current.get(), applied.get());
        if (DdlStatements.createsIfNotExists(sql) && current.isPresent() && !agree) {
            // the server's table may be one that existed before, or this one changed since: only the spelling of the
            // columns both share is taken, and the result is not trusted to decode rows with
            return remember(id, current.map(table -> table.withDeclaredTypesOf(applied)), true);
        }
        // a table as the statement says (the server's shows it so too, or shows a later moment, or none)
        return remember(id, DefinitionChoice.of(current, applied), applied.isEmpty());
    }

    /**
     * The table right after {@code CREATE TABLE id LIKE source}: the source as the statements read so far left it,
     * under the new name and without its comment, or the server's definition when the source is not known as of that moment.
     */
    Optional<TableDefinition> createdLike(TableId id, TableId source, Optional<TableDefinition> current) {
        // Debezium's parser copies the columns, the key and the character sets, not the table's comment
        Optional<TableDefinition> copied = knownForRows(source).map(table -> table.withId(id)
                .withComment(Optional.empty()));
        return remember(id, DefinitionChoice.of(current, copied), copied.isEmpty());
    }

    /**
     * The table right after a statement that altered it: the server's definition, or the one the statement gives the
     * definition last described when they differ.
     */
    Optional<TableDefinition> altered(String sql, TableId id, Optional<TableDefinition> current) {
        Optional<TableDefinition> applied = applied(sql, id);
        if (applied.isEmpty()) {
            // not understood: the server's description, with the columns it does not name as they were before it
            // (trusted to decode rows with as far as the rows' table maps agree, as a CREATE read in part is)
            // and the columns it defines spelt as it spells those it could read
            Optional<TableDefinition> before = known(id);
            Optional<TableDefinition> defined = before.flatMap(known -> applier.columnsDefined(sql, known));
            return remember(id, current.map(table -> table.withDeclaredTypesOf(defined)).map(table -> before.map(
                    known -> DefinitionChoice.withUnnamedColumnsOf(table, known, sql)).orElse(table)),
                    before.isEmpty() || current.isEmpty());
        }
        return remember(id, DefinitionChoice.of(current, applied), possiblyLater.contains(names.key(id)));
    }

    /** The definition last described, with the types as the statements read spelt them; empty if none. */
    Optional<TableDefinition> known(TableId id) {
        return Optional.ofNullable(known.get(names.key(id)));
    }

    /**
     * The table as the definition last described spells it, or as {@code id} does when none: where case is ignored,
     * the spelling of the statement that created or renamed it (Debezium's), whatever later statements' is.
     */
    TableId spelt(TableId id) {
        return known(id).map(TableDefinition::id).orElse(id);
    }

    /** Whether two names are the same table's. */
    boolean sameTable(TableId one, TableId other) {
        return names.key(one).equals(names.key(other));
    }

    /**
     * The definition last described when it is the table as of the last statement read, to decode the rows written
     * after that statement with; empty if none, or if it may show a later moment.
     */
    Optional<TableDefinition> knownForRows(TableId id) {
        return possiblyLater.contains(names.key(id)) ? Optional.empty() : known(id);
    }

    /**
     * The table {@code to} right after a RENAME TABLE gave it that name: the server's definition, or the one last
     * described under its old name when they differ (it changed again since).
     */
    Optional<TableDefinition> renamed(TableId from, TableId to, Optional<TableDefinition> current) {
        TableId key = names.key(from);
        boolean later = possiblyLater.remove(key);
        changedTables.add(key);
        Optional<TableDefinition> applied = Optional.ofNullable(known.remove(key)).map(table -> table.withId(to));
        return remember(to, DefinitionChoice.of(current, applied), applied.isEmpty() || later);
    }

    /**
     * The table {@code to} right after an ALTER TABLE that renamed it from {@code from} (and may have changed it too):
     * the server's definition, or the statement applied to the one last described under its old name when they
     * differ.
     */
    Optional<TableDefinition> alteredAndRenamed(String sql, TableId from, TableId to,
            Optional<TableDefinition> current) {
        TableId key = names.key(from);
        boolean later = possiblyLater.remove(key);
        changedTables.add(key);
        Optional<TableDefinition> before = Optional.ofNullable(known.remove(key));
        Optional<TableDefinition> applied = applier.apply(sql, from, before, Optional.empty())
                .map(table -> table.withId(to));
        if (applied.isEmpty()) {
            return remember(to, current.map(table -> table.withDeclaredTypesOf(before)), true);
        }
        return remember(to, DefinitionChoice.of(current, applied), later);
    }

    /** A statement that changed a table without an event describing it (CREATE INDEX, DROP INDEX). */
    void changedSilently(String sql, TableId id) {
        remember(id, applied(sql, id), possiblyLater.contains(names.key(id)));
    }

    /** Whether the table was described and not dropped since. */
    boolean knows(TableId id) {
        return known.containsKey(names.key(id));
    }

    void dropped(TableId id) {
        TableId key = names.key(id);
        known.remove(key);
        possiblyLater.remove(key);
        changedTables.add(key);
    }

    /** A CREATE or ALTER DATABASE: its default character set from now on, where the statement says. */
    void databaseCharset(DdlStatements.DatabaseCharset statement) {
        changedDatabases.add(statement.database());
        if (statement.charset().isPresent()) {
            databaseCharsets.put(statement.database(), statement.charset().get());
        } else if (statement.created()) {
            databaseCharsets.remove(statement.database());
        }
    }

    /** The default character set the statements read so far gave a database; empty when none said. */
    Optional<String> databaseCharset(String database) {
        return Optional.ofNullable(databaseCharsets.get(database));
    }

    /** A DROP DATABASE: its tables are gone. */
    void droppedDatabase(String database) {
        databaseCharsets.remove(database);
        changedDatabases.add(database);
        known.keySet().stream().filter(id -> id.database().equalsIgnoreCase(database)).forEach(changedTables::add);
        known.keySet().removeIf(id -> id.database().equalsIgnoreCase(database));
        possiblyLater.removeIf(id -> id.database().equalsIgnoreCase(database));
    }

    private Optional<TableDefinition> applied(String sql, TableId id) {
        return applier.apply(sql, id, known(id), Optional.empty());
    }

    private Optional<TableDefinition> remember(TableId id, Optional<TableDefinition> table, boolean later) {
        TableId key = names.key(id);
        changedTables.add(key);
        if (table.isPresent()) {
            known.put(key, table.get());
        } else {
            known.remove(key);
        }
        if (later && table.isPresent()) {
            possiblyLater.add(key);
        } else {
            possiblyLater.remove(key);
        }
        return table;
    }
}
