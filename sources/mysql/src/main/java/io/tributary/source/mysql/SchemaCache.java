package io.tributary.source.mysql;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.tributary.source.mysql.convert.ColumnMappings;
import io.tributary.source.mysql.event.EventNames;
import io.tributary.source.mysql.event.NameAdjuster;
import io.tributary.source.mysql.event.ServerFlavor;
import io.tributary.source.mysql.event.SourceInfo;
import io.tributary.source.mysql.event.TableSchemas;
import io.tributary.source.mysql.schema.SchemaReader;
import io.tributary.source.mysql.schema.TableDefinition;
import io.tributary.source.mysql.schema.TableId;
import io.tributary.source.mysql.schema.ddl.DefinitionChoice;

/**
 * The current {@link TableSchemas} of each captured table, read from {@code information_schema} on first use and
 * again after a DDL statement touches the table's database. Not thread-safe: used by the reader thread only.
 */
final class SchemaCache {
    private final MySqlSourceConfig config;
    private final SchemaReader reader;
    private final TableSchemas.Settings settings;
    private final Map<TableId, TableSchemas> tables = new HashMap<>();
    /** The filter's answer per table, which no DDL statement changes. */
    private final Map<TableId, Boolean> included = new HashMap<>();
    private final EmittedDefinitions emitted;
    /**
     * Whether the events' schemas leave columns' comments out: Debezium 3.5's MariaDB connector reads comments (a
     * field's {@code doc}, {@code __debezium.source.column.comment}) only under {@code include.schema.changes} (its
     * DDL parser is told to by that option, where the MySQL connector's is by {@code include.schema.comments}).
     */
    private final boolean withoutComments;
    /**
     * Whether tables are read as the statements read from the binlog made them ({@link
     * SchemaReader#readAsStatementsWrite}) rather than as the snapshot reads them: once streaming has begun.
     */
    private boolean readingStatements;
    private final TableNameCase names;

    /** Without a schema history, on a server that tells table names apart by case. */
    SchemaCache(MySqlSourceConfig config, SchemaReader reader, ServerFlavor flavor) {
        this(config, reader, flavor, TableNameCase.SENSITIVE, SchemaHistory.none(flavor));
    }

    /**
     * @param names whether the server tells table names apart by case
     * @param history where the definitions described are kept between runs
     */
    SchemaCache(MySqlSourceConfig config, SchemaReader reader, ServerFlavor flavor, TableNameCase names,
            SchemaHistory history) {
        this.config = config;
        this.reader = reader;
        this.names = names;
        this.emitted = new EmittedDefinitions(flavor == ServerFlavor.MARIADB, names, history);
        this.withoutComments = !config.includeSchemaChanges();
        EventNames eventNames = new EventNames(config.topicPrefix(),
                NameAdjuster.forSchemaNames(config.schemaNameAdjustmentMode()),
                NameAdjuster.forFieldNames(config.fieldNameAdjustmentMode()));
        this.settings = new TableSchemas.Settings(eventNames, config.messageKeyColumns(), config.filter(),
                new ColumnMappings(config.decimalHandlingMode(), config.bigintUnsignedHandlingMode(),
                        config.binaryHandlingMode(), config.timePrecisionMode(), config.enableTimeAdjuster(),
                        config.converters(), flavor), config.columnRules(),
                SourceInfo.schema(flavor));
    }

    /** The table's schemas, or empty when the table is not captured or does not exist any more. */
    Optional<TableSchemas> get(Connection connection, TableId id) throws SQLException {
        if (!includes(id)) {
            return Optional.empty();
        }
        TableSchemas cached = tables.get(names.key(id));
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<TableSchemas> read = (readingStatements ? reader.readAsStatementsWrite(connection, id)
                : reader.read(connection, id)).map(this::schemasOf);
        read.ifPresent(schemas -> tables.put(names.key(id), schemas));
        return read;
    }

    /** From now on, tables read afresh are read as the statements read from the binlog made them. */
    void readStatements() {
        readingStatements = true;
    }

    /** The definitions tables were last described with, snapshot and schema-change events alike. */
    EmittedDefinitions emitted() {
        return emitted;
    }

    /** Whether the table's changes are captured. */
    boolean includes(TableId id) {
        return included.computeIfAbsent(id, table -> config.filter().includesTable(table.database(), table.table()));
    }

    /**
     * The schemas of one version of a table, not cached; its name and its columns' types as the statements read while
     * streaming spelt them, where those are known ({@link EmittedDefinitions}), as Debezium's schema has them; and
     * their defaults as spelt there too while the table is as those statements left it (a BINARY's default without the
     * zero bytes the server pads it with).
     */
    TableSchemas schemasOf(TableDefinition definition) {
        Optional<TableDefinition> known = emitted.known(definition.id());
        TableDefinition spelt = definition.withId(emitted.spelt(definition.id())).withDeclaredTypesOf(known);
        if (known.isPresent() && DefinitionChoice.sameStructure(known.get(), definition)) {
            spelt = spelt.withDefaultsSpeltAs(known.get());
        }
        return new TableSchemas(withoutComments ? spelt.withoutColumnComments() : spelt, settings);
    }

    /** The default character set of a database, or empty when it no longer exists. */
    Optional<String> databaseCharset(Connection connection, String database) throws SQLException {
        return reader.databaseCharset(connection, database);
    }

    /** The character set a database created without one takes. */
    Optional<String> serverCharset(Connection connection) throws SQLException {
        return reader.serverCharset(connection);
    }

    /** The table's current definition, captured or not, read afresh. */
    Optional<TableDefinition> describe(Connection connection, TableId id) throws SQLException {
        return reader.read(connection, id);
    }

    /**
     * As {@link #describe}, for a table a statement read from the binlog just made or changed
     * ({@link SchemaReader#readAsStatementsWrite}).
     */
    Optional<TableDefinition> describeAfterStatement(Connection connection, TableId id) throws SQLException {
        return reader.readAsStatementsWrite(connection, id);
    }

    /**
     * The table a {@code CREATE UNIQUE INDEX} statement gave its key to: a captured table whose key the new index
     * now is, so one that had none before.
     */
    Optional<TableId> keyGivenBy(Connection connection, String sql, String database) throws SQLException {
        Optional<DdlStatements.UniqueIndex> created = DdlStatements.uniqueIndexCreated(sql, database);
        if (created.isEmpty() || !includes(created.get().table())) {
            return Optional.empty();
        }
        TableId table = created.get().table();
        return describe(connection, table)
                .filter(definition -> definition.key().index().equalsIgnoreCase(created.get().name()))
                .map(definition -> table);
    }

    /** Forgets every table of a database (or all tables when {@code database} is empty), to be re-read. */
    void invalidate(String database) {
        if (database == null || database.isEmpty()) {
            tables.clear();
        } else {
            tables.keySet().removeIf(id -> id.database().equalsIgnoreCase(database));
        }
    }
}
