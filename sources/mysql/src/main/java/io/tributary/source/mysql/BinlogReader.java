package io.tributary.source.mysql;

import java.io.IOException;
import java.io.Serializable;
import java.net.Socket;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.github.shyiko.mysql.binlog.BinaryLogClient;
import com.github.shyiko.mysql.binlog.event.AnnotateRowsEventData;
import com.github.shyiko.mysql.binlog.event.DeleteRowsEventData;
import com.github.shyiko.mysql.binlog.event.Event;
import com.github.shyiko.mysql.binlog.event.EventHeaderV4;
import com.github.shyiko.mysql.binlog.event.EventType;
import com.github.shyiko.mysql.binlog.event.GtidEventData;
import com.github.shyiko.mysql.binlog.event.GtidTaggedEventData;
import com.github.shyiko.mysql.binlog.event.MariadbGtidEventData;
import com.github.shyiko.mysql.binlog.event.QueryEventData;
import com.github.shyiko.mysql.binlog.event.RotateEventData;
import com.github.shyiko.mysql.binlog.event.RowsQueryEventData;
import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.TransactionPayloadEventData;
import com.github.shyiko.mysql.binlog.event.UpdateRowsEventData;
import com.github.shyiko.mysql.binlog.event.WriteRowsEventData;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.NullEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.QueryEventDataDeserializer;
import io.tributary.api.ChangeRecord;
import io.tributary.api.SourceException;
import io.tributary.core.event.Heartbeats;
import io.tributary.core.handoff.RecordSink;
import io.tributary.source.mysql.binlog.RepeatedTableMaps;
import io.tributary.source.mysql.binlog.MariaDbCompressedEvents;
import io.tributary.source.mysql.binlog.RawTypeHeaders;
import io.tributary.source.mysql.binlog.RowsEventDecoder;
import io.tributary.source.mysql.binlog.TransactionPayloadDecoder;
import io.tributary.source.mysql.binlog.UnreadableEvents;
import io.tributary.source.mysql.binlog.UntrackedGtidsClient;
import io.tributary.source.mysql.event.ServerFlavor;
import io.tributary.source.mysql.event.SourceInfo;
import io.tributary.source.mysql.event.SchemaChanges;
import io.tributary.source.mysql.event.TableSchemas;
import io.tributary.source.mysql.event.TransactionMetadata;
import io.tributary.source.mysql.schema.TableDefinition;
import io.tributary.source.mysql.schema.TableId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams row changes from the binlog, starting at a stored offset. Runs on the calling thread until
 * {@link #stop()} or a failure; records go to the sink, which blocks while the consumer is behind, so reading the
 * binlog pauses with it.
 */
final class BinlogReader {
    private static final Logger LOG = LoggerFactory.getLogger(BinlogReader.class);
    private static final int MARIADB_GTID_CAPABILITY = 4;

    private final MySqlSourceConfig config;
    private final SchemaCache schemas;
    private final TableMapSchemas tableMapSchemas;
    private final RecordFactory records;
    private final Connection schemaConnection;
    private final BinaryLogClient client;
    private final Map<Long, TableMapEventData> tableMaps = new HashMap<>();
    private final RepeatedTableMaps repeatedTableMaps = new RepeatedTableMaps();
    /** The GTIDs of the transactions completed so far, starting from those the start offset carried. */
    private final CompletedGtids completedGtids;
    /** Null unless provide.transaction.metadata is on. */
    private final TransactionMetadata transactions;
    private final Heartbeats heartbeats;
    /** Null unless include.schema.changes is on. */
    private final SchemaChanges schemaChanges;
    private final EventTimes eventTimes;
    private RecordSink sink;
    private volatile Exception failure;
    private volatile boolean stopping;
    private volatile boolean connected;
    /** Written by the client's thread only. */
    private volatile long committedTransactions;

    private final QueryStatements statements;

    private String file;
    private long transactionStart;
    /** Whether the open event group ends with a COMMIT, XID or XA PREPARE, not after its first statement. */
    private boolean explicitTransaction;
    private String gtid;
    /**
     * The server thread of the last BEGIN event, kept (as Debezium keeps it) until the next one: MySQL writes BEGIN
     * for every transaction, MariaDB (whose GTID event stands for it) does not. Debezium 3.6's MySQL connector forgets
     * it when a transaction commits, so that its DDL statements (which no BEGIN opens) name no thread.
     */
    private Long thread;
    private final ServerFlavor flavor;
    private final DdlVisibility ddlVisibility;
    /** The statement of the rows that follow, under include.query; null otherwise or once its transaction ended. */
    private String query;
    private int eventIndex;
    private boolean inTransaction;
    private int lastRow;
    private long skipEvents;
    private long skipRows;
    private boolean warnedOfStatements;

    BinlogReader(MySqlSourceConfig config, ServerFlavor flavor, SchemaCache schemas, RecordFactory records,
            Connection schemaConnection, MySqlOffset start, SchemaChanges schemaChanges) {
        this.schemaChanges = schemaChanges;
        this.config = config;
        this.schemas = schemas;
        this.tableMapSchemas = new TableMapSchemas(schemas, flavor == ServerFlavor.MARIADB);
        this.flavor = flavor;
        this.ddlVisibility = new DdlVisibility(flavor);
        this.eventTimes = EventTimes.of(flavor, schemaConnection);
        this.records = records;
        this.schemaConnection = schemaConnection;
        this.file = start.file();
        this.transactionStart = start.pos();
        this.completedGtids = new CompletedGtids(flavor,
                start.gtids().orElseGet(() -> gtidsAt(schemaConnection, flavor, start)));
        this.transactions = config.provideTransactionMetadata() ? new TransactionMetadata(config.topicPrefix()) : null;
        this.heartbeats = new Heartbeats(config.topicPrefix(), config.heartbeatIntervalMs());
        this.statements = QueryStatements.withDdlFilter(config.ddlFilter());
        this.skipEvents = start.event();
        this.skipRows = start.row();
        this.client = new UntrackedGtidsClient(config.hostname(), config.port(), config.user(), config.password());
        client.setServerId(config.serverId());
        config.tls().configure(client);
        client.setBinlogFilename(start.file());
        client.setBinlogPosition(start.pos());
        if (resumesByGtid(flavor, start)) {
            // the transactions after these, on whichever server of the replication group this is
            client.setGtidSet(start.gtids().get());
        }
        long serverHeartbeatMs = serverHeartbeatMs(config);
        if (serverHeartbeatMs > 0) {
            // the server sends heartbeat events while idle, so heartbeats flow when nothing else does
            client.setHeartbeatInterval(serverHeartbeatMs);
        }
        if (config.keepAliveIntervalMs() > 0) {
            // a read that brings nothing, not even a heartbeat, for this long fails: a silent cut is a lost connection
            client.setSocketFactory(() -> {
                Socket socket = new Socket();
                socket.setSoTimeout(Math.toIntExact(config.keepAliveIntervalMs()));
                return socket;
            });
        }
        if (flavor == ServerFlavor.MARIADB) {
            client.setMariaDbSlaveCapability(MARIADB_GTID_CAPABILITY);
            // MariaDB sends a statement's ANNOTATE_ROWS event only to replicas that ask for them
            client.setUseSendAnnotateRowsEvent(config.includeQuery());
        }
        client.setEventDeserializer(eventDeserializer(tableMaps, repeatedTableMaps));
        client.registerEventListener(this::onEvent);
        client.registerLifecycleListener(new BinaryLogClient.AbstractLifecycleListener() {
            @Override
            public void onConnect(BinaryLogClient connectedClient) {
                connected = true;
                if (stopping) {
                    // stopped while connecting, when there was no connection yet to close; the client's own
                    // thread holds its connect lock here, which disconnecting waits for
                    new Thread(BinlogReader.this::stop, "tributary-binlog-stop").start();
                }
            }

            @Override
            public void onCommunicationFailure(BinaryLogClient failed, Exception e) {
                fail(e);
            }

            @Override
            public void onEventDeserializationFailure(BinaryLogClient failed, Exception e) {
                fail(e);
            }
        });
    }

    /**
     * How often the server is to send a heartbeat while it has nothing else to send: for heartbeat records at
     * {@code heartbeat.interval.ms}, and at half the keep-alive interval so that a healthy idle connection is never
     * taken for a silent one; 0 for none.
     */
    static long serverHeartbeatMs(MySqlSourceConfig config) {
        long keepAlive = config.keepAliveIntervalMs() / 2;
        long records = config.heartbeatIntervalMs();
        if (keepAlive == 0 || records == 0) {
            return Math.max(keepAlive, records);
        }
        return Math.min(keepAlive, records);
    }

    /**
     * Whether streaming restarts from the offset's GTID set rather than its file and position, so that it survives a
     * failover to a replica whose binlog files are named and sized differently. The set is complete from the first
     * offset on: on MariaDB the GTID state at the start position ({@link #gtidsAt}), on MySQL the executed set the
     * snapshot or the first start read ({@link BinlogStatus}).
     */
    static boolean resumesByGtid(ServerFlavor flavor, MySqlOffset start) {
        return !start.snapshot() && start.gtids().isPresent();
    }

    /** MariaDB's GTID state at a binlog position (all domains), or empty text where unknown. */
    private static String gtidsAt(Connection connection, ServerFlavor flavor, MySqlOffset position) {
        if (flavor != ServerFlavor.MARIADB) {
            return "";
        }
        try {
            return MariaDbGtids.at(connection, position.file(), position.pos());
        } catch (SQLException e) {
            throw SourceException.retriable("cannot read the GTID position of " + position.file() + ":"
                    + position.pos() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The binlog client's event decoding as capture uses it: table maps decoded once per distinct body, rows events
     * by {@link RowsEventDecoder} (TIME as signed microseconds, dates and times as longs, text and binary columns as
     * bytes, decoded per column charset later).
     *
     * @param tableMaps the table maps seen so far, which row events are decoded against
     */
    static EventDeserializer eventDeserializer(Map<Long, TableMapEventData> tableMaps, RepeatedTableMaps repeated) {
        EventDeserializer deserializer = plainEventDeserializer(tableMaps, repeated);
        // a compressed transaction's events are decoded as the same events outside a payload are
        deserializer.setEventDataDeserializer(EventType.TRANSACTION_PAYLOAD,
                new TransactionPayloadDecoder(plainEventDeserializer(tableMaps, repeated), tableMaps));
        return deserializer;
    }

    private static EventDeserializer plainEventDeserializer(Map<Long, TableMapEventData> tableMaps,
            RepeatedTableMaps repeated) {
        RawTypeHeaders headers = new RawTypeHeaders();
        EventDeserializer deserializer = new EventDeserializer(headers, new NullEventDataDeserializer());
        deserializer.setEventDataDeserializer(EventType.TABLE_MAP, repeated.forEventDeserializer());
        // MariaDB's compressed events (log_bin_compress) are read as the events they were before compression
        deserializer.setEventDataDeserializer(EventType.QUERY,
                MariaDbCompressedEvents.queries(new QueryEventDataDeserializer(), headers));
        for (RowsEventDecoder.Kind kind : RowsEventDecoder.Kind.values()) {
            deserializer.setEventDataDeserializer(version1(kind), MariaDbCompressedEvents.rows(
                    new RowsEventDecoder(kind, false, tableMaps), version1(kind), headers));
            deserializer.setEventDataDeserializer(version2(kind), MariaDbCompressedEvents.rows(
                    new RowsEventDecoder(kind, true, tableMaps), version2(kind), headers));
        }
        deserializer.setEventDataDeserializer(EventType.PARTIAL_UPDATE_ROWS_EVENT,
                RowsEventDecoder.partialUpdates(tableMaps));
        // as the decoders above read cells, should any of the client's own row decoders still be reached
        deserializer.setCompatibilityMode(
                EventDeserializer.CompatibilityMode.DATE_AND_TIME_AS_LONG_MICRO,
                EventDeserializer.CompatibilityMode.CHAR_AND_BINARY_AS_BYTE_ARRAY,
                EventDeserializer.CompatibilityMode.INVALID_DATE_AND_TIME_AS_MIN_VALUE);
        return deserializer;
    }

    private static EventType version1(RowsEventDecoder.Kind kind) {
        return switch (kind) {
            case WRITE -> EventType.WRITE_ROWS;
            case UPDATE -> EventType.UPDATE_ROWS;
            case DELETE -> EventType.DELETE_ROWS;
        };
    }

    private static EventType version2(RowsEventDecoder.Kind kind) {
        return switch (kind) {
            case WRITE -> EventType.EXT_WRITE_ROWS;
            case UPDATE -> EventType.EXT_UPDATE_ROWS;
            case DELETE -> EventType.EXT_DELETE_ROWS;
        };
    }

    /** Streams until stopped; throws what made it stop otherwise. */
    void run(RecordSink recordSink) throws InterruptedException {
        this.sink = recordSink;
        if (stopping) {
            return; // stopped before it started
        }
        try {
            client.connect();
        } catch (IOException e) {
            throw translate(e);
        }
        if (failure instanceof InterruptedException interrupted) {
            throw interrupted;
        }
        if (failure != null) {
            throw translate(failure);
        }
        if (!stopping) {
            throw SourceException.retriable("the server at " + config.hostname() + ":" + config.port()
                    + " closed the binlog connection", null);
        }
    }

    /** Whether the binlog connection is open now. */
    boolean streaming() {
        return client.isConnected();
    }

    /** The COMMIT and XID events read so far. */
    long committedTransactions() {
        return committedTransactions;
    }

    /** Whether the server accepted the binlog connection (it may have been lost since). */
    boolean connected() {
        return connected;
    }

    void stop() {
        stopping = true;
        try {
            client.disconnect();
        } catch (IOException e) {
            // closing anyway
        }
    }

    private void fail(Exception e) {
        if (failure == null) {
            failure = e;
        }
        new Thread(this::stop, "tributary-binlog-stop").start();
    }

    private SourceException translate(Exception e) {
        return BinlogErrors.translate(e, new BinlogErrors.Position(config.hostname(), config.port(), config.user(),
                config.serverId(), file, transactionStart, completedGtids.text()));
    }

    private void onEvent(Event event) {
        if (failure != null) {
            return;
        }
        try {
            handle(event);
            if (!inTransaction) {
                sink.flush(); // the server may keep us waiting for the next event
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(e);
        } catch (SourceException | SQLException e) {
            fail(e);
        } catch (RuntimeException e) {
            // not the connection's fault: reading the same event again would fail the same way
            EventHeaderV4 header = event.getHeader();
            fail(SourceException.fatal("cannot decode the binlog event at " + file + ":" + header.getPosition()
                    + " (" + header.getEventType() + "): " + e, e));
        } catch (Error e) {
            // the binlog client would let it end its thread unreported
            fail(SourceException.fatal("reading the binlog stopped on " + e, e));
        }
    }

    private void handle(Event event) throws InterruptedException, SQLException {
        EventHeaderV4 header = event.getHeader();
        eventTimes.on(event);
        if (!inTransaction && heartbeats.due(System.currentTimeMillis())) {
            sink.put(records.heartbeat(heartbeats, MySqlOffset.streamingFrom(file, transactionStart)
                    .withGtids(completedGtids.text())));
        }
        RowsEvent rowsEvent = null;
        switch (header.getEventType()) {
            case ANNOTATE_ROWS -> {
                if (config.includeQuery()) {
                    query = ((AnnotateRowsEventData) event.getData()).getRowsQuery();
                }
                // not counted: the server sends these only under include.query, and offsets must not depend on it
                return;
            }
            case HEARTBEAT, HEARTBEAT_V2 -> {
                // not counted either: whether the server sends them depends on settings, positions must not
                return;
            }
            case ROWS_QUERY -> {
                if (config.includeQuery()) {
                    query = ((RowsQueryEventData) event.getData()).getQuery();
                }
            }
            case ROTATE -> {
                RotateEventData rotate = event.getData();
                file = rotate.getBinlogFilename();
                if (!inTransaction) {
                    // offsets between transactions (a heartbeat's) name a position in the new file, not the old one's
                    transactionStart = rotate.getBinlogPosition();
                }
                lastRow = 0; // as Debezium, whose row number only a new binlog file resets
            }
            case MARIADB_GTID -> {
                MariadbGtidEventData data = event.getData();
                beginTransaction(header, data.getDomainId() + "-" + header.getServerId() + "-" + data.getSequence());
                // a standalone group (DDL, a non-transactional statement) is one statement, with no COMMIT or XID
                explicitTransaction = (data.getFlags() & MariadbGtidEventData.FL_STANDALONE) == 0;
                openTransactionMetadata(header); // MariaDB's GTID event stands for BEGIN, whatever the group
            }
            case GTID -> beginTransaction(header, ((GtidEventData) event.getData()).getMySqlGtid().toString());
            case GTID_TAGGED -> beginTransaction(header, // uuid:tag:number
                    ((GtidTaggedEventData) event.getData()).getMySqlGtid().toString());
            case QUERY -> query(header, event.getData());
            case XID -> endTransaction(header, true);
            case XA_PREPARE -> endTransaction(header, false); // the XA transaction's group ends; its COMMIT is another
            case TABLE_MAP -> {
                var data = (TableMapEventData) EventDeserializer.EventDataWrapper.internal(event.getData());
                tableMaps.put(data.getTableId(), data);
            }
            case WRITE_ROWS, EXT_WRITE_ROWS -> {
                if (config.skips("c")) {
                    break;
                }
                WriteRowsEventData data = event.getData();
                rowsEvent = new RowsEvent(data.getTableId(), data.getRows().size(),
                        data.getIncludedColumns().cardinality(), (table, source, blocks, offset) -> {
                    Serializable[] values = data.getRows().get(source.row());
                    return SystemPeriodRows.isCurrent(table.definition(), values)
                            ? List.of(records.create(table, row(table, values), source, blocks.next(), offset))
                            : List.of();
                });
            }
            case UPDATE_ROWS, EXT_UPDATE_ROWS, PARTIAL_UPDATE_ROWS_EVENT -> {
                if (config.skips("u") && config.skips("d")) {
                    break;
                }
                UpdateRowsEventData data = event.getData();
                rowsEvent = new RowsEvent(data.getTableId(), data.getRows().size(),
                        Math.min(data.getIncludedColumnsBeforeUpdate().cardinality(),
                                data.getIncludedColumns().cardinality()),
                        (table, source, blocks, offset) -> update(table, data.getRows().get(source.row()), source,
                                blocks, offset));
            }
            case DELETE_ROWS, EXT_DELETE_ROWS -> {
                if (config.skips("d")) {
                    break;
                }
                DeleteRowsEventData data = event.getData();
                rowsEvent = new RowsEvent(data.getTableId(), data.getRows().size(),
                        data.getIncludedColumns().cardinality(), (table, source, blocks, offset) -> {
                    Serializable[] values = data.getRows().get(source.row());
                    return SystemPeriodRows.isCurrent(table.definition(), values)
                            ? records.delete(table, row(table, values), source, blocks.next(), offset)
                            : List.of();
                });
            }
            case TRANSACTION_PAYLOAD -> {
                for (Event inner : ((TransactionPayloadEventData) event.getData()).getUncompressedEvents()) {
                    handle(new Event(asOuter(inner.getHeader(), header), inner.getData()));
                }
                return;
            }
            default -> {
                // format descriptions, heartbeats, GTID lists, statement-based helpers: nothing to emit, unless
                // it is an event that may carry changes capture cannot read
                Optional<SourceException> unreadable = UnreadableEvents.check(header, file);
                if (unreadable.isPresent()) {
                    throw unreadable.get();
                }
            }
        }
        if (rowsEvent != null) {
            // one call site for every kind of rows event keeps the JIT from compiling three copies of rows()
            rows(header, rowsEvent.tableNumber(), rowsEvent.rowCount(), rowsEvent.imageColumns(), rowsEvent.builder());
        }
        eventIndex++;
    }

    /**
     * The header of an event inside a compressed transaction, placed where its payload event is in the binlog
     * (the events inside carry no position of their own).
     */
    private static EventHeaderV4 asOuter(EventHeaderV4 inner, EventHeaderV4 payload) {
        EventHeaderV4 header = new EventHeaderV4();
        header.setEventType(inner.getEventType());
        header.setTimestamp(inner.getTimestamp());
        header.setServerId(inner.getServerId());
        header.setFlags(inner.getFlags());
        header.setEventLength(payload.getEventLength());
        header.setNextPosition(payload.getNextPosition());
        return header;
    }

    /**
     * A rows event's table, row count, the number of columns its smallest row image holds (all of them unless its
     * session logged partial images) and how each of its rows becomes records.
     */
    private record RowsEvent(long tableNumber, int rowCount, int imageColumns, RowRecords builder) {
    }

    private void beginTransaction(EventHeaderV4 header, String transactionGtid) {
        inTransaction = true;
        explicitTransaction = false;
        transactionStart = header.getPosition();
        gtid = transactionGtid;
        eventIndex = 0;
    }

    /**
     * Ends the open event group: its GTID counts as completed and the next offset is after it. {@code committed}
     * says whether an END event closes its transaction metadata; Debezium writes one only for a COMMIT or XID.
     */
    private void endTransaction(EventHeaderV4 header, boolean committed) throws InterruptedException {
        if (committed) {
            committedTransactions++;
        }
        if (gtid != null) {
            completedGtids.add(gtid);
        }
        if (committed && flavor == ServerFlavor.MYSQL) {
            thread = null;
        }
        if (transactions != null && transactions.isOpen()) {
            if (committed) {
                sink.put(records.transactionEvent(transactions, transactions.end(eventTimes.millis()),
                        afterCommit(header)));
            } else {
                transactions.abandon();
            }
        }
        transactionStart = header.getNextPosition();
        inTransaction = false;
        explicitTransaction = false;
        gtid = null;
        query = null;
        eventIndex = -1;
        skipEvents = 0;
        skipRows = 0;
    }

    /**
     * A statement of the binlog. Inside a transaction (opened by BEGIN, XA START or a MariaDB GTID event that is not
     * standalone) only its end ends it: a SAVEPOINT, ROLLBACK TO or XA END between its rows changes nothing. A
     * statement outside one is a group of its own, which ends with it.
     */
    private void query(EventHeaderV4 header, QueryEventData data) throws InterruptedException, SQLException {
        String sql = data.getSql().trim();
        switch (statements.classify(sql)) {
            case BEGIN -> {
                thread = data.getThreadId();
                if (!inTransaction) {
                    beginTransaction(header, null);
                } else if (!explicitTransaction) {
                    // opened by MySQL's GTID event: offsets count events from BEGIN, as Debezium's do, so that each
                    // can continue from the other's
                    transactionStart = header.getPosition();
                    eventIndex = 0;
                }
                explicitTransaction = true;
                openTransactionMetadata(header);
            }
            case XA_START -> {
                if (!inTransaction) {
                    beginTransaction(header, null);
                }
                explicitTransaction = true;
            }
            case COMMIT -> endTransaction(header, true);
            case XA_COMPLETION -> endTransaction(header, false);
            case XA_OTHER, FILTERED -> endUnlessExplicit(header);
            case ROW_STATEMENT -> {
                warnUncapturable(sql, data.getDatabase());
                endUnlessExplicit(header);
            }
            case TRUNCATE -> {
                Optional<TableId> truncated = DdlStatements.truncatedTable(sql, data.getDatabase());
                if (truncated.isPresent()) {
                    truncate(header, truncated.get());
                }
                endUnlessExplicit(header);
            }
            case ROLLBACK -> {
                schemaStatement(header, data, sql);
                endTransaction(header, false);
            }
            case OTHER -> {
                schemaStatement(header, data, sql);
                endUnlessExplicit(header);
            }
        }
    }

    /**
     * Says, the first time, that rows were changed by a statement the binlog holds as text: under binlog_format
     * STATEMENT or MIXED, or for a MariaDB table versioned by transaction id (which the server always logs so). Debezium
     * drops such statements silently; so does Tributary, as nobody can tell their rows from the binlog, but not
     * silently.
     */
    private void warnUncapturable(String sql, String database) {
        if (!warnedOfStatements) {
            warnedOfStatements = true;
            // the verb only: the statement's text holds the rows' values
            String verb = sql.strip().split("\\s+", 2)[0].toUpperCase(java.util.Locale.ROOT);
            LOG.warn("Rows were changed by {} statement (default database '{}') written to the binlog as text, not "
                    + "as rows, so its changes cannot be captured; further such statements are not reported. The "
                    + "server writes statements so under binlog_format=STATEMENT or MIXED, and for MariaDB tables WITH "
                    + "SYSTEM VERSIONING whose period is of transaction ids: capture tables whose changes are written "
                    + "as rows.", verb.equals("INSERT") || verb.equals("UPDATE") ? "an " + verb : "a " + verb,
                    database);
        }
    }

    private void endUnlessExplicit(EventHeaderV4 header) throws InterruptedException {
        if (!explicitTransaction) {
            endTransaction(header, false);
        }
    }

    /**
     * The BEGIN event of transaction metadata, written where Debezium writes it: at every MariaDB GTID event and every
     * BEGIN statement, whether or not rows follow. Only a COMMIT or XID writes an END; a group ended otherwise (DDL,
     * XA PREPARE) is left open until the next BEGIN replaces it.
     */
    private void openTransactionMetadata(EventHeaderV4 header) throws InterruptedException {
        if (transactions == null) {
            return;
        }
        String id = gtid != null ? gtid : "file=" + file + ",pos=" + transactionStart;
        sink.put(records.transactionEvent(transactions, transactions.begin(id, eventTimes.millis()),
                MySqlOffset.streamingWithin(file, transactionStart, eventIndex, 0).withGtids(completedGtids.text())));
    }

    /**
     * A statement Debezium's DDL parser reads: the tables it touched are forgotten, to be read again with their new
     * definition, and it becomes a schema-change event.
     */
    private void schemaStatement(EventHeaderV4 header, QueryEventData data, String sql)
            throws InterruptedException, SQLException {
        List<DdlStatements.TableChange> changed = DdlStatements.tablesChanged(sql, data.getDatabase());
        ddlVisibility.awaitCommitted(schemaConnection, gtid);
        schemas.invalidate(data.getDatabase());
        changed.forEach(change -> schemas.invalidate(change.table().database()));
        DdlStatements.indexedTable(sql, data.getDatabase()).ifPresent(table -> schemas.invalidate(table.database()));
        tableMaps.clear();
        repeatedTableMaps.forget();
        DdlStatements.droppedDatabase(sql).ifPresent(schemas.emitted()::droppedDatabase);
        Optional<DdlStatements.DatabaseCharset> databaseCharset = DdlStatements.databaseCharset(sql,
                data.getDatabase());
        if (databaseCharset.isPresent() && databaseCharset.get().created() && databaseCharset.get().charset().isEmpty()) {
            // created naming none: the server's
            databaseCharset = Optional.of(new DdlStatements.DatabaseCharset(databaseCharset.get().database(),
                    schemas.serverCharset(schemaConnection), true));
        }
        databaseCharset.ifPresent(schemas.emitted()::databaseCharset);
        if (schemaChanges == null) {
            // no event, but the new definitions are kept: the types' spelling decides some fields. Of every table, as
            // Debezium's history keeps them: a table left out may become a captured one by a rename (gh-ost's
            // cut-over renames its _t_gho to t), which then is as the statements left it
            DdlStatements.indexedTable(sql, data.getDatabase())
                    .ifPresent(table -> schemas.emitted().changedSilently(sql, table));
            emitSchemaChange(header, data, new Statement(sql, sql), changed);
        } else {
            // Debezium reports a CREATE UNIQUE INDEX that gave a table its key as an ALTER of that table
            Optional<TableId> keyed = schemas.keyGivenBy(schemaConnection, sql, data.getDatabase());
            List<DdlStatements.TableChange> described = keyed
                    .map(table -> List.of(new DdlStatements.TableChange(SchemaChanges.ChangeType.ALTER, table)))
                    .orElse(changed);
            // Debezium 3.6's MySQL parser writes such a statement from its UNIQUE keyword on, without CREATE
            String ddl = keyed.isPresent() && flavor == ServerFlavor.MYSQL ? DdlStatements.withoutCreate(sql) : sql;
            Optional<TableId> indexed = DdlStatements.indexedTable(sql, data.getDatabase());
            if (indexed.isPresent() && keyed.isEmpty()) {
                schemas.emitted().changedSilently(sql, indexed.get());
            }
            emitSchemaChange(header, data, new Statement(sql, ddl), described);
        }
        schemas.emitted().journal(afterCommit(header));
    }

    /**
     * A schema-change event for every statement that changes the schema, as Debezium writes them: whatever the
     * database, with a description of each table created, altered or dropped. Without include.schema.changes, only
     * the descriptions are kept ({@link EmittedDefinitions}).
     */
    private void emitSchemaChange(EventHeaderV4 header, QueryEventData data, Statement statement,
            List<DdlStatements.TableChange> changed) throws InterruptedException, SQLException {
        String sql = statement.ddl();
        EmittedDefinitions emitted = schemas.emitted();
        // a DROP TABLE, even of one table, names each table qualified, as Debezium writes it: the server logs the name
        // as the statement gave it, unqualified under a session database
        if (!changed.isEmpty() && changed.stream().allMatch(change -> change.type() == SchemaChanges.ChangeType.DROP)) {
            changed.forEach(change -> emitted.dropped(change.table()));
            emitDropsOneByOne(header, sql, changed);
            return;
        }
        if (changed.size() == 1 && DdlStatements.createsIfNotExists(sql) && emitted.knows(changed.get(0).table())) {
            // the table was there already and the server left it as it was (MySQL still writes the statement):
            // Debezium reports it as a statement about no table
            changed = List.of();
        }
        List<DdlStatements.RenamedTable> renames = DdlStatements.renamedOneByOne(sql, data.getDatabase());
        if (!renames.isEmpty() && renames.size() == changed.size()) {
            emitRenamesOneByOne(header, renames, changed);
            return;
        }
        // Debezium's parser reports CREATE and DROP DATABASE (their event names the database and no table: null),
        // not ALTER DATABASE (written as a statement it did not understand: the session's database, table "")
        boolean aboutDatabase = DdlStatements.databaseStatement(sql).isPresent() && !DdlStatements.altersDatabase(sql);
        List<Object[]> tableChanges = new ArrayList<>();
        String database = aboutDatabase ? DdlStatements.databaseStatement(sql).get() : data.getDatabase();
        String table = aboutDatabase ? null : "";
        for (DdlStatements.TableChange change : changed) {
            TableId named = change.table();
            Optional<DdlStatements.RenamedTable> renamed = DdlStatements.renamedPairs(sql, data.getDatabase())
                    .stream().filter(pair -> pair.to().equals(named)).findFirst();
            Optional<DdlStatements.RenamedTable> alteredAndRenamed = DdlStatements.alterRenamed(sql,
                    data.getDatabase()).filter(pair -> pair.to().equals(named));
            // a table keeps the name its CREATE or RENAME spelt, whatever a later statement's spelling (where the
            // server ignores case)
            boolean altered = change.type() == SchemaChanges.ChangeType.ALTER && renamed.isEmpty()
                    && alteredAndRenamed.isEmpty();
            TableId id = altered ? emitted.spelt(named) : named;
            database = id.database();
            table = id.table();
            if (change.type() == SchemaChanges.ChangeType.DROP) {
                emitted.dropped(id);
                tableChanges.add(SchemaChanges.change(change.type(), id, null));
            } else if (change.type() == SchemaChanges.ChangeType.CREATE) {
                // without events, nothing waits for a table to show (a table gone since keeps its statement's)
                Optional<TableDefinition> current = schemaChanges == null ? schemas.describeAfterStatement(schemaConnection, id)
                        : ddlVisibility.created(id, created -> schemas.describeAfterStatement(schemaConnection, created));
                // for a CREATE naming no character set: its database's, as the statements read (or the snapshot)
                // left it, which is Debezium's; else (a database the snapshot saw no table of) the database's now,
                // never the table's now, which a later CONVERT TO may have changed; or (the database gone too,
                // created naming none) the server's
                Optional<String> charset = emitted.databaseCharset(id.database());
                if (charset.isEmpty()) {
                    charset = schemas.databaseCharset(schemaConnection, id.database());
                }
                if (charset.isEmpty()) {
                    charset = schemas.serverCharset(schemaConnection);
                }
                Optional<TableId> likeSource = DdlStatements.likeSource(statement.sql(), data.getDatabase());
                Optional<TableDefinition> created = likeSource.isPresent()
                        ? emitted.createdLike(id, likeSource.get(), current)
                        : emitted.created(statement.sql(), id, current, charset);
                created.ifPresent(definition -> tableChanges.add(SchemaChanges.change(change.type(), id, definition)));
            } else {
                Optional<TableDefinition> current = schemas.describeAfterStatement(schemaConnection, id);
                // a table renamed: the table as last described under its old name, when gone since
                Optional<TableDefinition> described;
                if (renamed.isPresent()) {
                    described = emitted.renamed(renamed.get().from(), id, current);
                } else if (alteredAndRenamed.isPresent()) {
                    described = emitted.alteredAndRenamed(statement.sql(), alteredAndRenamed.get().from(), id, current);
                } else {
                    described = emitted.altered(statement.sql(), id, current);
                }
                described.ifPresent(definition -> tableChanges.add(
                        SchemaChanges.change(change.type(), id, definition)));
            }
        }
        // Debezium's source names the row of the last rows event before the statement, as for a TRUNCATE
        SourceInfo source = new SourceInfo(eventTimes.micros(), "false", database, table, header.getServerId(), gtid,
                file, header.getPosition(), lastRow, thread, null);
        boolean parsed = !changed.isEmpty() || aboutDatabase || DdlStatements.indexedTable(sql, database).isPresent();
        String ddl = parsed ? DdlStatements.asParsed(sql, flavor) : DdlStatements.withoutServerComment(sql);
        // the history holds the statement before its event can be delivered and its offset stored
        schemas.emitted().journal(afterCommit(header));
        if (schemaChanges != null) {
            sink.put(records.schemaChange(schemaChanges, database, ddl, tableChanges, source, afterCommit(header)));
        }
    }

    /**
     * A DDL statement as the binlog holds it, and as the schema-change event writes it ({@code ddl}).
     */
    private record Statement(String sql, String ddl) {
    }

    /**
     * A DROP TABLE of one or several tables as Debezium's MySQL and MariaDB connectors write it: an event per table, in the
     * statement's order, each with the statement's head and that one table, naming in {@code source.table} every
     * table of the run of the statement's tables in its database (all of them when there is one database), in the
     * order of Debezium's hash set of their ids.
     */
    private void emitDropsOneByOne(EventHeaderV4 header, String sql, List<DdlStatements.TableChange> dropped)
            throws InterruptedException {
        if (schemaChanges == null) {
            return;
        }
        String head = DdlStatements.dropHead(sql);
        schemas.emitted().journal(afterCommit(header));
        for (int i = 0; i < dropped.size(); i++) {
            TableId id = dropped.get(i).table();
            DdlStatements.TableChange change = dropped.get(i);
            // Debezium's source names the tables of the run of the statement's tables in this one's database
            String tables = tablesNamed(sameDatabaseRun(dropped, i));
            SourceInfo source = new SourceInfo(eventTimes.micros(), "false", id.database(), tables,
                    header.getServerId(), gtid, file, header.getPosition(), lastRow, thread, null);
            String ddl = head + "`" + id.database().replace("`", "``") + "`.`" + id.table().replace("`", "``") + "`";
            sink.put(records.schemaChange(schemaChanges, id.database(), ddl,
                    List.<Object[]>of(SchemaChanges.change(change.type(), id, null)), source, afterCommit(header)));
        }
    }

    /** The changes next to {@code at}, itself among them, of tables in its database. */
    private static List<DdlStatements.TableChange> sameDatabaseRun(List<DdlStatements.TableChange> changes, int at) {
        String database = changes.get(at).table().database();
        int from = at;
        while (from > 0 && changes.get(from - 1).table().database().equals(database)) {
            from--;
        }
        int to = at + 1;
        while (to < changes.size() && changes.get(to).table().database().equals(database)) {
            to++;
        }
        return changes.subList(from, to);
    }

    /** Tables as Debezium's {@code source.table} names several: each once, in the order of a hash set of their ids. */
    private static String tablesNamed(List<DdlStatements.TableChange> changes) {
        Map<String, String> tableOfId = new java.util.LinkedHashMap<>();
        changes.forEach(change -> tableOfId.put(change.table().database() + "." + change.table().table(),
                change.table().table()));
        return String.join(",", new java.util.HashSet<>(tableOfId.keySet()).stream().map(tableOfId::get).toList());
    }

    /**
     * A RENAME TABLE of several pairs as Debezium writes it: an event per pair ({@code RENAME TABLE a TO b}), each
     * describing its new table as the whole statement left it (none for a name renamed again after), each naming in
     * {@code source.table} the new tables of the run of pairs in its new name's database, as the drops do.
     */
    private void emitRenamesOneByOne(EventHeaderV4 header, List<DdlStatements.RenamedTable> statements,
            List<DdlStatements.TableChange> renamed) throws InterruptedException, SQLException {
        List<ChangeRecord> events = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            DdlStatements.TableChange change = renamed.get(i);
            String tables = tablesNamed(sameDatabaseRun(renamed, i));
            TableId id = change.table();
            List<Object[]> tableChanges = new ArrayList<>();
            DdlStatements.RenamedTable pair = statements.get(i);
            Optional<TableDefinition> renamedTable = schemas.emitted().renamed(pair.from(), id,
                    schemas.describeAfterStatement(schemaConnection, id));
            // Debezium describes each new name as the whole statement left it: none for one renamed again after
            // (t TO tmp in a swap t TO tmp, u TO t, tmp TO u)
            boolean renamedAgain = statements.subList(i + 1, statements.size()).stream()
                    .anyMatch(later -> schemas.emitted().sameTable(later.from(), id));
            if (!renamedAgain) {
                renamedTable.ifPresent(definition -> tableChanges.add(SchemaChanges.change(change.type(), id,
                        definition)));
            }
            SourceInfo source = new SourceInfo(eventTimes.micros(), "false", id.database(), tables,
                    header.getServerId(), gtid, file, header.getPosition(), lastRow, thread, null);
            if (schemaChanges != null) {
                events.add(records.schemaChange(schemaChanges, id.database(), pair.statement(), tableChanges, source,
                        afterCommit(header)));
            }
        }
        // every rename kept before any event goes out, as a stored offset passes the whole statement
        schemas.emitted().journal(afterCommit(header));
        for (ChangeRecord event : events) {
            sink.put(event);
        }
    }

    /** The offset after the statement or transaction ending with {@code header}: its GTID counts as completed. */
    private MySqlOffset afterCommit(EventHeaderV4 header) {
        String completed = gtid == null ? completedGtids.text() : completedGtids.textWith(gtid);
        return MySqlOffset.streamingFrom(file, header.getNextPosition()).withGtids(completed);
    }

    private void truncate(EventHeaderV4 header, TableId id) throws InterruptedException, SQLException {
        if (config.skips("t")) {
            return;
        }
        Optional<TableSchemas> table = schemas.get(schemaConnection, id);
        if (table.isEmpty()) {
            return;
        }
        // Debezium reports the row index of the last rows event before the TRUNCATE; so do we
        SourceInfo source = new SourceInfo(eventTimes.micros(), "false", id.database(), id.table(),
                header.getServerId(), gtid, file, header.getPosition(), lastRow, thread, null);
        // inside an open transaction (MariaDB opens one at the TRUNCATE's GTID event) the event has its block, as
        // Debezium's does; that transaction gets no END, since no COMMIT or XID closes it
        sink.put(records.truncate(table.get(), source, blockFor(id.database() + "." + id.table()),
                afterCommit(header)));
    }

    /** Emits the records of one rows event, skipping what a previous run already delivered. */
    private void rows(EventHeaderV4 header, long tableNumber, int rowCount, int imageColumns, RowRecords builder)
            throws InterruptedException, SQLException {
        if (eventIndex < skipEvents) {
            return;
        }
        long rowsToSkip = eventIndex == skipEvents ? skipRows : 0;
        TableMapEventData tableMap = tableMaps.get(tableNumber);
        Optional<TableSchemas> table = tableMap == null ? Optional.empty()
                : tableMapSchemas.forRows(schemaConnection, tableMap);
        if (table.isEmpty()) {
            return;
        }
        if (imageColumns < tableMap.getColumnTypes().length) {
            throw partialRowImage(header, tableMap, imageColumns);
        }
        String dataCollection = tableMap.getDatabase() + "." + tableMap.getTable();
        RecordFactory.TransactionBlocks blocks = () -> blockFor(dataCollection);
        lastRow = rowCount - 1;
        for (int row = (int) rowsToSkip; row < rowCount; row++) {
            SourceInfo source = new SourceInfo(eventTimes.micros(), "false", tableMap.getDatabase(),
                    tableMap.getTable(), header.getServerId(), gtid, file, header.getPosition(), row, thread, query);
            MySqlOffset offset = MySqlOffset.streamingWithin(file, transactionStart, eventIndex, row + 1)
                    .withGtids(completedGtids.text());
            for (ChangeRecord record : builder.build(table.get(), source, blocks, offset)) {
                sink.put(record);
            }
        }
    }

    /** The next block of transaction metadata for a change to {@code dataCollection}; null outside a transaction. */
    private Object[] blockFor(String dataCollection) {
        return transactions == null || !transactions.isOpen() ? null : transactions.next(dataCollection);
    }

    /**
     * The records of one updated row: an update, or under system versioning a delete when the row became history
     * and nothing when a history row changed (see {@link SystemPeriodRows}).
     */
    private List<ChangeRecord> update(TableSchemas table, Map.Entry<Serializable[], Serializable[]> change,
            SourceInfo source, RecordFactory.TransactionBlocks blocks, MySqlOffset offset) {
        if (SystemPeriodRows.isCurrent(table.definition(), change.getValue())) {
            return config.skips("u") ? List.of()
                    : records.update(table, row(table, change.getKey()), row(table, change.getValue()), source,
                            blocks, offset);
        }
        if (config.skips("d") || !SystemPeriodRows.isCurrent(table.definition(), change.getKey())) {
            return List.of();
        }
        return records.delete(table, row(table, change.getKey()), source, blocks.next(), offset);
    }

    /**
     * The error for a rows event whose images lack columns: its session set binlog_row_image to MINIMAL or NOBLOB
     * (the server's setting is checked at start, but any session may change its own). Reading such a row as whole
     * would put values in the wrong columns, so capture stops before it and resumes there once it is restarted.
     */
    private SourceException partialRowImage(EventHeaderV4 header, TableMapEventData tableMap, int imageColumns) {
        return SourceException.fatal("a change to " + tableMap.getDatabase() + "." + tableMap.getTable() + " at "
                + file + ":" + header.getPosition() + (gtid == null ? "" : " (GTID " + gtid + ")") + " holds "
                + imageColumns + " of the table's " + tableMap.getColumnTypes().length + " columns: the session that "
                + "wrote it set binlog_row_image to MINIMAL or NOBLOB, and such rows cannot be captured whole. Make "
                + "the application keep binlog_row_image=FULL (or take from its user the privilege to change session "
                + "variables), then take a new snapshot (snapshot.mode=when_needed with the offsets removed, or a new "
                + "topic.prefix) to start after this change");
    }

    /** A binlog row (all columns, binlog_row_image=FULL) as the captured row. */
    static Object[] row(TableSchemas table, Serializable[] values) {
        Object[] row = new Object[table.columns().size()];
        // a table's hidden period columns, after its own, are not captured
        int columns = Math.min(values.length, table.definition().columns().size());
        for (int i = 0; i < columns; i++) {
            int captured = table.capturedIndex(i);
            if (captured >= 0 && values[i] != null) {
                row[captured] = table.columns().get(captured).fromBinlog().apply(values[i]);
            }
        }
        return row;
    }

    @FunctionalInterface
    private interface RowRecords {
        List<ChangeRecord> build(TableSchemas table, SourceInfo source, RecordFactory.TransactionBlocks blocks,
                MySqlOffset offset);
    }
}
