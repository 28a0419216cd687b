package io.tributary.source.mysql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import io.tributary.api.SourceException;
import io.tributary.core.handoff.RecordSink;
import io.tributary.source.mysql.convert.ColumnMapping;
import io.tributary.source.mysql.event.SchemaChanges;
import io.tributary.source.mysql.event.ServerFlavor;
import io.tributary.source.mysql.event.SourceInfo;
import io.tributary.source.mysql.event.TableSchemas;
import io.tributary.source.mysql.schema.SchemaReader;
import io.tributary.source.mysql.schema.TableDefinition;
import io.tributary.source.mysql.schema.TableId;

/**
 * The initial snapshot: every captured row as a read ({@code op=r}) event, consistent with the binlog position
 * streaming continues from, and with no global read lock. On MariaDB a {@code START TRANSACTION WITH CONSISTENT
 * SNAPSHOT} reports the matching binlog position itself ({@code binlog_snapshot_file/position}); on MySQL
 * {@link MySqlSnapshotStart} finds it as {@code snapshot.locking.mode} says.
 *
 * <p>Tables are read in key order, a chunk at a time, so memory stays bounded; the offset of every record
 * names the table and the key reached, so a restart resumes after the last delivered row. Streaming then starts at
 * the position of the first snapshot, so no change made meanwhile is lost.
 */
final class SnapshotReader {
    private final MySqlSourceConfig config;
    private final ServerConnections connections;
    private final SchemaReader schemaReader;
    private final SchemaCache schemas;
    private final RecordFactory records;
    private final ServerFlavor flavor;
    private final SnapshotProgress progress;
    /** Null unless include.schema.changes is on. */
    private final SchemaChanges schemaChanges;

    SnapshotReader(MySqlSourceConfig config, ServerConnections connections, SchemaReader schemaReader,
            SchemaCache schemas, RecordFactory records, ServerFlavor flavor, SnapshotProgress progress,
            SchemaChanges schemaChanges) {
        this.config = config;
        this.connections = connections;
        this.schemaReader = schemaReader;
        this.schemas = schemas;
        this.records = records;
        this.flavor = flavor;
        this.progress = progress;
        this.schemaChanges = schemaChanges;
    }

    /**
     * Takes the snapshot, resuming one that was interrupted when {@code resume} says so.
     *
     * @return the binlog position streaming continues from
     */
    BinlogPosition run(Optional<MySqlOffset> resume, boolean includeData, RecordSink sink) throws InterruptedException {
        try (Connection connection = connections.open()) {
            List<TableId> described = schemaReader.tables(connection).stream()
                    .filter(id -> config.filter().describesDatabase(id.database())).toList();
            List<TableId> tables = described.stream()
                    .filter(id -> config.filter().includesTable(id.database(), id.table())).toList();
            progress.begin(includeData ? tables.size() : 0);
            BinlogPosition snapshotPosition = beginConsistentSnapshot(connection, tables);
            BinlogPosition streamFrom = resume.map(BinlogPosition::of).orElse(snapshotPosition);
            long startedMs = System.currentTimeMillis();
            SnapshotLastRecord held = new SnapshotLastRecord();
            if (schemaChanges != null) {
                new SnapshotDdl(connection, snapshotPosition, startedMs, held).emit(described, sink);
            }
            int first = !includeData ? tables.size()
                    : resume.flatMap(MySqlOffset::snapshotTable).map(table -> indexOf(tables, table)).orElse(0);
            for (int t = first; t < tables.size(); t++) {
                Optional<String> afterKey = t == first ? resume.flatMap(MySqlOffset::snapshotKey) : Optional.empty();
                TableSnapshot table = new TableSnapshot(tables.get(t), t == 0 && afterKey.isEmpty(), afterKey,
                        streamFrom, startedMs, held);
                table.read(connection, sink);
            }
            // every table as described, kept before the last record (whose offset is streaming's) goes out
            schemas.emitted().journalAll(streamFrom.streamingOffset());
            held.finish(sink);
            connection.commit();
            progress.complete();
            return streamFrom;
        } catch (SQLException e) {
            throw SourceException.retriable("the snapshot failed: " + ServerConnections.firstLine(e.getMessage()), e);
        }
    }

    private static int indexOf(List<TableId> tables, String name) {
        for (int i = 0; i < tables.size(); i++) {
            if (tables.get(i).toString().equals(name)) {
                return i;
            }
        }
        return 0;
    }

    private BinlogPosition beginConsistentSnapshot(Connection connection, List<TableId> tables) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ");
            if (flavor == ServerFlavor.MARIADB) {
                statement.execute("START TRANSACTION WITH CONSISTENT SNAPSHOT");
                String file = status(connection, "binlog_snapshot_file");
                long pos = Long.parseLong(status(connection, "binlog_snapshot_position"));
                // the GTID state there too, as Debezium's offsets carry it (its MariaDB connector resumes by it)
                return new BinlogPosition(file, pos, MariaDbGtids.at(connection, file, pos));
            }
        }
        return new MySqlSnapshotStart(connections, config.user()).begin(connection, tables,
                config.snapshotLockingMode());
    }

    private static String status(Connection connection, String name) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SHOW STATUS LIKE '" + name + "'")) {
            if (!rows.next()) {
                throw SourceException.fatal("the server reports no " + name + "; is binary logging on?");
            }
            return rows.getString(2);
        }
    }

    static String quote(TableId id) {
        return "`" + id.database().replace("`", "``") + "`.`" + id.table().replace("`", "``") + "`";
    }

    static String quote(String column) {
        return "`" + column.replace("`", "``") + "`";
    }

    /**
     * The DDL a snapshot describes the schema with, as Debezium writes it: the server's character set, a drop of every
     * table of every database but the server's own (captured or not, as Debezium keeps every table's DDL), then per
     * database its drop, creation and use, and each table's {@code SHOW CREATE TABLE}.
     */
    private final class SnapshotDdl {
        private final Connection connection;
        private final BinlogPosition position;
        private final long startedMs;
        private final SnapshotLastRecord held;

        SnapshotDdl(Connection connection, BinlogPosition position, long startedMs, SnapshotLastRecord held) {
            this.connection = connection;
            this.position = position;
            this.startedMs = startedMs;
            this.held = held;
        }

        void emit(List<TableId> tables, RecordSink sink) throws SQLException, InterruptedException {
            String serverCharset = ServerConnections.single(connection, "SELECT @@character_set_server");
            String serverCollation = ServerConnections.single(connection, "SELECT @@collation_server");
            put(sink, "", null, "SET character_set_server=" + serverCharset + ", collation_server=" + serverCollation,
                    List.<Object[]>of());
            for (TableId table : tables) {
                put(sink, table.database(), table.table(), "DROP TABLE IF EXISTS " + quote(table),
                        List.<Object[]>of(SchemaChanges.change(SchemaChanges.ChangeType.DROP, table, null)));
            }
            for (String database : tables.stream().map(TableId::database).distinct().toList()) {
                String quoted = quote(database);
                put(sink, database, null, "DROP DATABASE IF EXISTS " + quoted, List.<Object[]>of());
                put(sink, database, null, "CREATE DATABASE " + quoted + databaseCharset(database), List.<Object[]>of());
                put(sink, database, null, "USE " + quoted, List.<Object[]>of());
                for (TableId table : tables.stream().filter(id -> id.database().equals(database)).toList()) {
                    Optional<TableDefinition> definition = schemas.includes(table)
                            ? schemas.get(connection, table).map(TableSchemas::definition)
                            : schemas.describe(connection, table);
                    if (definition.isPresent()) {
                        schemas.emitted().described(definition.get());
                        String ddl = DdlStatements.asParsed(showCreateTable(table), flavor);
                        put(sink, database, table.table(), ddl, List.<Object[]>of(SchemaChanges.change(
                                SchemaChanges.ChangeType.CREATE, table, definition.get())));
                    }
                }
            }
        }

        /** One schema-change event; the last of a snapshot without rows is marked last and says the snapshot is done. */
        private void put(RecordSink sink, String database, String table, String ddl, List<Object[]> changes)
                throws InterruptedException {
            held.put(sink, "true", (marker, last) -> {
                SourceInfo source = new SourceInfo(startedMs * 1000, marker, database, table, 0, null, position.file(),
                        position.pos(), 0, null);
                MySqlOffset offset = last ? position.streamingOffset() : position.snapshotOffset(null, null);
                return records.schemaChange(schemaChanges, database, ddl, changes, source, offset);
            });
        }

        /**
         * The options of the database's CREATE DATABASE; its character set is known from here on, as Debezium's
         * history knows it from that statement (a table created naming none takes it).
         */
        private String databaseCharset(String database) throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement("SELECT DEFAULT_CHARACTER_SET_NAME, "
                    + "DEFAULT_COLLATION_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?")) {
                statement.setString(1, database);
                try (ResultSet rows = statement.executeQuery()) {
                    if (!rows.next()) {
                        return "";
                    }
                    schemas.emitted().databaseCharset(new DdlStatements.DatabaseCharset(database,
                            Optional.ofNullable(rows.getString(1)), true));
                    return " CHARSET " + rows.getString(1) + " COLLATE " + rows.getString(2);
                }
            }
        }

        /**
         * MySQL writes TIMESTAMP defaults in the session's time zone: Debezium's session has the server's, this
         * connection UTC for reading rows, so the statement is run in the server's zone (MariaDB writes them as
         * declared).
         */
        private String showCreateTable(TableId table) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                boolean serverZone = flavor == ServerFlavor.MYSQL;
                if (serverZone) {
                    statement.execute("SET time_zone = @@global.time_zone");
                }
                try (ResultSet rows = statement.executeQuery("SHOW CREATE TABLE " + quote(table))) {
                    rows.next();
                    return rows.getString(2);
                } finally {
                    if (serverZone) {
                        statement.execute("SET time_zone = '+00:00'");
                    }
                }
            }
        }
    }

    /** One table's rows, read in key-ordered chunks, each delivered once the next one is known. */
    private final class TableSnapshot {
        private final TableId id;
        /** {@code db.table}, as offsets and progress name it (spelled once, not for every row). */
        private final String name;
        private final boolean firstTable;
        private final BinlogPosition streamFrom;
        private final long startedMs;
        private final SnapshotLastRecord held;
        private Optional<String> afterKey;
        private AtomicLong rowsRead;

        TableSnapshot(TableId id, boolean firstTable, Optional<String> afterKey, BinlogPosition streamFrom,
                long startedMs, SnapshotLastRecord held) {
            this.id = id;
            this.name = id.toString();
            this.firstTable = firstTable;
            this.afterKey = afterKey;
            this.streamFrom = streamFrom;
            this.startedMs = startedMs;
            this.held = held;
        }

        void read(Connection connection, RecordSink sink) throws SQLException, InterruptedException {
            Optional<TableSchemas> found = schemas.get(connection, id);
            if (found.isEmpty()) {
                return;
            }
            TableSchemas table = found.get();
            schemas.emitted().described(table.definition());
            // kept before the table's rows go out: a snapshot resumed after them does not describe it again
            schemas.emitted().journal(streamFrom.streamingOffset());
            rowsRead = progress.start(name, estimatedRows(connection));
            long rowsOfTable = 0;
            ChunkKey key = ChunkKey.of(table.definition());
            if (!key.isEmpty()
                    && !ScanOrder.followsKey(connection, flavor, id, table.definition().key(), plainSelect(table))) {
                key = ChunkKey.NONE;
            }
            while (true) {
                int count = 0;
                try (PreparedStatement select = chunkQuery(connection, table, key);
                        ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        count++;
                        Object[] row = readRow(rows, table.columns());
                        String rowKey = key.isEmpty() ? null : key.read(rows);
                        put(table, row, rowKey, rowsOfTable++ == 0, sink);
                        afterKey = Optional.ofNullable(rowKey);
                    }
                }
                if (key.isEmpty() || count < config.snapshotChunkSize()) {
                    break;
                }
            }
            if (rowsOfTable > 0) {
                held.remark(rowsOfTable == 1 && firstTable ? "first" : "last_in_data_collection");
            }
            sink.flush();
            progress.finish(name);
        }

        private PreparedStatement chunkQuery(Connection connection, TableSchemas table, ChunkKey key)
                throws SQLException {
            String columns = selectList(table);
            if (key.isEmpty()) {
                PreparedStatement statement = connection.prepareStatement(plainSelect(table));
                statement.setFetchSize(config.snapshotChunkSize());
                return statement;
            }
            StringBuilder sql = new StringBuilder("SELECT ").append(columns);
            sql.append(", ").append(key.selectList()).append(" FROM ").append(quote(id));
            if (afterKey.isPresent()) {
                sql.append(key.after());
            }
            sql.append(key.orderBy()).append(" LIMIT ").append(config.snapshotChunkSize());
            PreparedStatement statement = connection.prepareStatement(sql.toString());
            if (afterKey.isPresent()) {
                key.bind(statement, afterKey.get());
            }
            return statement;
        }

        /** The statement a table is read with in one pass, in the order the server meets its rows. */
        private String plainSelect(TableSchemas table) {
            return "SELECT " + selectList(table) + " FROM " + quote(id);
        }

        /** The captured columns; all of them when every one is excluded, as Debezium selects them then. */
        private String selectList(TableSchemas table) {
            String columns = table.columns().stream().map(SnapshotReader::selectExpression)
                    .collect(Collectors.joining(", "));
            return columns.isEmpty() ? "*" : columns;
        }

        /**
         * Holds one row back, marked as Debezium marks it should more rows follow: first > last in its table >
         * first in its table > true. The row is counted as read when handed over.
         */
        private void put(TableSchemas table, Object[] row, String rowKey, boolean firstOfTable, RecordSink sink)
                throws InterruptedException {
            held.put(sink, marker(firstOfTable), (marker, last) -> {
                SourceInfo source = new SourceInfo(startedMs * 1000, marker, id.database(), id.table(), 0, null,
                        streamFrom.file(), streamFrom.pos(), 0, null);
                MySqlOffset offset = last ? streamFrom.streamingOffset() : streamFrom.snapshotOffset(name, rowKey);
                rowsRead.incrementAndGet();
                return records.read(table, row, source, offset);
            });
        }

        private String marker(boolean firstOfTable) {
            if (firstOfTable) {
                return firstTable ? "first" : "first_in_data_collection";
            }
            return "true";
        }

        private long estimatedRows(Connection connection) throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement("SELECT TABLE_ROWS FROM "
                    + "information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?")) {
                statement.setString(1, id.database());
                statement.setString(2, id.table());
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next() ? rows.getLong(1) : 0;
                }
            }
        }
    }

    /**
     * The key a table is read in chunks of: its key when the server stores the rows in that order, so that they
     * come in the order a plain {@code SELECT} (Debezium's) meets them; none otherwise (no key, or a unique key with
     * column prefixes or kept as a hash), and the table is read in one pass.
     */
    private static String selectExpression(ColumnMapping column) {
        return column.access() == ColumnMapping.JdbcAccess.SERVER_TEXT
                ? "CAST(" + quote(column.name()) + " AS CHAR)"
                : quote(column.name());
    }

    private static Object[] readRow(ResultSet rows, List<ColumnMapping> columns) throws SQLException {
        Object[] row = new Object[columns.size()];
        for (int i = 0; i < row.length; i++) {
            ColumnMapping column = columns.get(i);
            Object raw = column.access() == ColumnMapping.JdbcAccess.BYTES ? rows.getBytes(i + 1) : rows.getString(i + 1);
            row[i] = raw == null ? null : column.fromJdbc().apply(raw);
        }
        return row;
    }

}
