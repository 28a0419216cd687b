package io.tributary.source.mysql;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tributary.api.CaptureStatus;
import io.tributary.api.ChangeRecord;
import io.tributary.api.ChangeSource;
import io.tributary.api.SourceException;
import io.tributary.api.TableProgress;
import io.tributary.core.handoff.ReaderThreads;
import io.tributary.core.handoff.RecordHandoff;
import io.tributary.source.mysql.event.SchemaChanges;
import io.tributary.source.mysql.event.ServerFlavor;
import io.tributary.source.mysql.event.SourceInfo;
import io.tributary.source.mysql.schema.SchemaReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MySQL/MariaDB change source: an initial snapshot as {@code snapshot.mode} says, then the binlog. A reader
 * thread hands records over in chunks ({@link RecordHandoff}); {@link #poll()} takes them. A failure of the reader surfaces from the next poll.
 */
public final class MySqlSource implements ChangeSource {
    private static final Logger LOG = LoggerFactory.getLogger(MySqlSource.class);
    private static final String VERSION = Optional.ofNullable(MySqlSource.class.getPackage().getImplementationVersion())
            .orElse("0.1.0-SNAPSHOT");

    private final SnapshotProgress progress = new SnapshotProgress();
    private MySqlSourceConfig config;
    private volatile RecordHandoff handoff;
    private Thread reader;
    private volatile BinlogReader binlog;
    /** The commits the readers before {@link #binlog} read (one reader per connection). */
    private long committedBefore;
    private long disconnects;
    private volatile RuntimeException failure;
    private volatile boolean closed;
    private Optional<Path> stateDirectory = Optional.empty();
    private Optional<SchemaHistoryStore> historyStore = Optional.empty();

    @Override
    public void useStateDirectory(Path directory) {
        stateDirectory = Optional.of(directory);
    }

    /**
     * Keeps the schema history in {@code store} when neither {@code tributary.schema.history.file} nor a runtime's
     * state directory says where: a Kafka Connect task's topic, say. Call before {@link #start}.
     */
    public void useSchemaHistoryStore(SchemaHistoryStore store) {
        historyStore = Optional.of(store);
    }

    /**
     * Where the table definitions are kept between runs: the file configured, else the runtime's directory, else the
     * store given.
     */
    private SchemaHistory history(ServerFlavor flavor) {
        Optional<Path> file = config.schemaHistoryFile()
                .or(() -> stateDirectory.map(directory -> directory.resolve("schema-history.jsonl")));
        if (file.isPresent()) {
            return SchemaHistory.in(file.get(), flavor);
        }
        return historyStore.map(store -> SchemaHistory.in(store, flavor)).orElseGet(() -> SchemaHistory.none(flavor));
    }

    @Override
    public void start(Map<String, String> properties, Optional<Map<String, ?>> storedOffset) {
        config = MySqlSourceConfig.parse(properties);
        handoff = new RecordHandoff(config.maxQueueSize(), config.maxBatchSize());
        ServerConnections connections = new ServerConnections(config);
        Connection connection = connections.open();
        ServerFlavor flavor;
        try {
            flavor = connections.checkServer(connection);
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
        Optional<MySqlOffset> offset = storedOffset.map(MySqlOffset::fromMap);
        if (offset.isEmpty() && config.snapshotMode() == SnapshotMode.NEVER) {
            try {
                offset = Optional.of(oldestPosition(connection));
            } catch (RuntimeException e) {
                closeQuietly(connection);
                throw e;
            }
        }
        Optional<MySqlOffset> start = offset;
        // a position made up for snapshot.mode=never is a first start: the history from before is not this capture's
        boolean stored = storedOffset.isPresent();
        reader = new Thread(() -> capture(connections, connection, flavor, start, stored),
                "tributary-mysql-" + config.topicPrefix());
        reader.setDaemon(true);
        reader.start();
        LOG.info("Capturing {} ({}) from {}", config.topicPrefix(), flavor, offset.map(Object::toString).orElse("the start"));
    }

    private void capture(ServerConnections connections, Connection connection, ServerFlavor flavor,
            Optional<MySqlOffset> stored, boolean offsetWasStored) {
        try (connection; SchemaHistory history = history(flavor)) {
            SchemaReader schemaReader = new SchemaReader(flavor == ServerFlavor.MARIADB);
            SchemaCache schemas = new SchemaCache(config, schemaReader, flavor, TableNameCase.of(connection), history);
            // the tables as they were at the stored offset, which the server shows no more if DDL ran since
            schemas.emitted().recover(offsetWasStored ? stored : Optional.empty());
            RecordFactory records = new RecordFactory(VERSION, flavor, config);
            MySqlOffset start = startingPointWithRetries(connections, connection, flavor, stored, schemaReader,
                    schemas, records);
            if (start == null) {
                return;
            }
            stream(connections, flavor, schemas, records, connection, start);
        } catch (InterruptedException e) {
            if (!closed) {
                failure = SourceException.fatal("the reader thread was interrupted while the source was running", e);
            }
        } catch (RuntimeException e) {
            if (!closed) {
                failure = e;
            }
        } catch (SQLException e) {
            failure = SourceException.retriable("lost the connection to the source: " + e.getMessage(), e);
        } catch (Error e) {
            // whatever stops the reader surfaces from poll(): a pipeline never looks healthy with no reader
            LOG.error("the reader of {} stopped", config.topicPrefix(), e);
            failure = SourceException.fatal("the reader thread stopped on " + e, e);
        }
    }

    /**
     * Streams from {@code start}; when the connection is lost, reconnects with growing waits and resumes after the
     * last record queued, so nothing is skipped or repeated. Gives up after {@code errors.max.retries} attempts in
     * one outage: a reconnection that reached the binlog ends the outage, and the count and the waits start afresh.
     */
    private void stream(ServerConnections connections, ServerFlavor flavor, SchemaCache schemas,
            RecordFactory records, Connection first, MySqlOffset start) throws InterruptedException {
        MySqlOffset from = start;
        Connection connection = first;
        int attempt = 0;
        while (!closed) {
            BinlogReader reader = null;
            try {
                if (connection == null) {
                    connection = connections.open();
                }
                schemas.readStatements();
                reader = new BinlogReader(config, flavor, schemas, records, connection, from, schemaChanges(flavor));
                replaceBinlog(reader);
                if (closed) {
                    // close() came before it could see this reader (both fields are volatile: it saw one or the
                    // other), so it was not told to stop: it must not start
                    return;
                }
                reader.run(handoff.sink());
                return;
            } catch (SourceException e) {
                if (connection != null && connection != first) {
                    closeQuietly(connection);
                }
                connection = null;
                if (reader != null && reader.connected()) {
                    attempt = 0; // the last attempt succeeded: this is a new outage
                }
                if (closed || !e.isRetriable() || !config.retry().allows(++attempt)) {
                    throw finalFailure(e, attempt);
                }
                long delay = config.retry().delayMs(attempt);
                LOG.warn("{}; retry {} in {} ms", e.getMessage(), attempt, delay);
                Thread.sleep(delay);
                handoff.discardHeldBack();
                Map<String, ?> handedOver = handoff.lastHandedOver();
                MySqlOffset queued = handedOver == null ? null : MySqlOffset.fromMap(handedOver);
                from = queued != null && !queued.snapshot() ? queued : from;
                // the statements read past that point are read again: the tables as the history knew them there
                schemas.emitted().rewind(from);
            }
        }
    }

    /**
     * {@link #startingPoint}, retried as streaming is when the connection is lost: a snapshot resumes after the last
     * row handed over, so nothing is skipped or repeated; an outage ends once rows flow again.
     */
    private MySqlOffset startingPointWithRetries(ServerConnections connections, Connection first, ServerFlavor flavor,
            Optional<MySqlOffset> stored, SchemaReader schemaReader, SchemaCache schemas, RecordFactory records)
            throws InterruptedException {
        Optional<MySqlOffset> from = stored;
        Connection connection = first;
        Map<String, ?> progressAtFailure = null;
        int attempt = 0;
        while (true) {
            try {
                if (connection == null) {
                    connection = connections.open();
                }
                return startingPoint(connections, connection, flavor, from, schemaReader, schemas, records);
            } catch (SQLException | SourceException e) {
                SourceException failed = e instanceof SourceException decided ? decided
                        : SourceException.retriable("lost the connection to the source during the snapshot: "
                                + e.getMessage(), e);
                if (connection != null && connection != first) {
                    closeQuietly(connection);
                }
                connection = null;
                Map<String, ?> handedOver = handoff.lastHandedOver();
                if (handedOver != null && !handedOver.equals(progressAtFailure)) {
                    attempt = 0; // rows flowed since the last failure: this is a new outage
                }
                progressAtFailure = handedOver;
                if (closed || !failed.isRetriable() || !config.retry().allows(++attempt)) {
                    throw finalFailure(failed, attempt);
                }
                long delay = config.retry().delayMs(attempt);
                LOG.warn("{}; retry {} in {} ms", failed.getMessage(), attempt, delay);
                Thread.sleep(delay);
                handoff.discardHeldBack();
                if (handedOver != null) {
                    from = Optional.of(MySqlOffset.fromMap(handedOver));
                }
            }
        }
    }

    /** The failure to report once retrying stops: a retriable one says how often it was retried. */
    private static SourceException finalFailure(SourceException failed, int attempt) {
        return attempt > 1 && failed.isRetriable()
                ? new SourceException(failed.getMessage() + " (gave up after " + (attempt - 1) + " retries)", false,
                        failed)
                : failed;
    }

    /** Takes the snapshot the mode and the stored offset call for; the offset streaming starts at, or null to stop. */
    private MySqlOffset startingPoint(ServerConnections connections, Connection connection, ServerFlavor flavor,
            Optional<MySqlOffset> stored, SchemaReader schemaReader, SchemaCache schemas, RecordFactory records)
            throws InterruptedException, SQLException {
        SnapshotMode mode = config.snapshotMode();
        boolean resumeSnapshot = stored.map(MySqlOffset::snapshot).orElse(false);
        boolean purged = stored.isPresent() && purged(connection, flavor, stored.get());
        if (purged && mode != SnapshotMode.WHEN_NEEDED) {
            throw SourceException.fatal("the stored offset points to binlog file " + stored.get().file()
                    + ", which the server no longer has (purged); the changes made since cannot be read. Take a new "
                    + "snapshot: snapshot.mode=when_needed does so automatically");
        }
        if (purged) {
            LOG.warn("the stored offset points to binlog file {}, which the server no longer has (purged): taking a "
                    + "new snapshot as snapshot.mode=when_needed says; changes made in the purged binlogs that were "
                    + "not delivered are not streamed, the snapshot has their result", stored.get().file());
        }
        boolean needSnapshot = mode.snapshotsData() && (stored.isEmpty() || resumeSnapshot || purged);
        boolean schemaOnly = !mode.snapshotsData() && mode.snapshotsSchema() && (stored.isEmpty() || resumeSnapshot);
        if ((needSnapshot || schemaOnly) && !resumeSnapshot) {
            // the snapshot describes the tables as they are now; what the history knew is of another moment
            schemas.emitted().forget();
        }
        if (needSnapshot || schemaOnly) {
            SnapshotReader snapshot = new SnapshotReader(config, connections, schemaReader, schemas, records, flavor,
                    progress, schemaChanges(flavor));
            Optional<MySqlOffset> resume = resumeSnapshot ? stored : Optional.empty();
            BinlogPosition position = snapshot.run(resume, needSnapshot, handoff.sink());
            handoff.sink().flush();
            if (mode == SnapshotMode.INITIAL_ONLY) {
                return null;
            }
            return position.streamingOffset();
        }
        progress.complete();
        return stored.orElseGet(() -> currentPosition(connection, flavor));
    }

    /** Null unless include.schema.changes is on. */
    private SchemaChanges schemaChanges(ServerFlavor flavor) {
        return config.includeSchemaChanges()
                ? new SchemaChanges(config.topicPrefix(), flavor, SourceInfo.schema(flavor))
                : null;
    }

    /** Whether the binlog no longer holds everything after the stored offset. */
    private static boolean purged(Connection connection, ServerFlavor flavor, MySqlOffset stored) throws SQLException {
        if (!BinlogReader.resumesByGtid(flavor, stored)) {
            return !binlogStillHas(connection, stored.file());
        }
        String gtids = stored.gtids().orElseThrow();
        return flavor == ServerFlavor.MARIADB
                ? !MariaDbGtids.stillAvailable(connection, gtids)
                : !MySqlGtids.stillAvailable(connection, gtids);
    }

    private static boolean binlogStillHas(Connection connection, String file) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet logs = statement.executeQuery("SHOW BINARY LOGS")) {
            while (logs.next()) {
                if (logs.getString(1).equals(file)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The start of the oldest binlog file the server still has. */
    private static MySqlOffset oldestPosition(Connection connection) {
        try (Statement statement = connection.createStatement(); ResultSet logs = statement.executeQuery("SHOW BINARY LOGS")) {
            if (!logs.next()) {
                throw SourceException.fatal("SHOW BINARY LOGS returned nothing: binary logging is off");
            }
            return MySqlOffset.streamingFrom(logs.getString(1), 4);
        } catch (SQLException e) {
            throw SourceException.retriable("cannot list the binlog files: " + e.getMessage(), e);
        }
    }

    private static MySqlOffset currentPosition(Connection connection, ServerFlavor flavor) {
        try {
            return BinlogStatus.read(connection, flavor).streamingOffset();
        } catch (SQLException e) {
            throw SourceException.retriable("cannot read the current binlog position: " + e.getMessage(), e);
        }
    }

    @Override
    public List<ChangeRecord> poll() throws InterruptedException {
        RuntimeException failed = failure;
        if (failed != null && handoff.isEmpty()) {
            throw failed;
        }
        return handoff.poll(100);
    }

    @Override
    public Map<String, TableProgress> snapshotProgress() {
        return progress.tables();
    }

    /** The new connection's reader; its predecessor's commits carried over, atomically for captureStatus(). */
    private synchronized void replaceBinlog(BinlogReader reader) {
        if (binlog != null) {
            committedBefore += binlog.committedTransactions();
            if (binlog.connected()) {
                // a reader replaced after it connected is a connection lost (not another failed attempt)
                disconnects++;
            }
        }
        binlog = reader;
    }

    @Override
    public synchronized CaptureStatus captureStatus() {
        BinlogReader streaming = binlog;
        RecordHandoff queue = handoff;
        return new CaptureStatus(progress.isRunning(), progress.isCompleted(), progress.tableCount(),
                streaming != null && streaming.streaming(),
                committedBefore + (streaming == null ? 0 : streaming.committedTransactions()),
                queue == null ? 0 : queue.capacity(), queue == null ? 0 : queue.remainingCapacity(),
                progress.durationSeconds(), disconnects);
    }

    /** Whether the snapshot (if any) is done. */
    public boolean snapshotCompleted() {
        return progress.isCompleted();
    }

    @Override
    public void close() {
        closed = true;
        // first release a reader waiting for room: the binlog client disconnects only once its reader returns
        if (handoff != null) {
            handoff.close();
        }
        if (reader != null) {
            reader.interrupt();
        }
        BinlogReader running = binlog;
        if (running != null) {
            running.stop();
        }
        if (reader != null) {
            if (!ReaderThreads.awaitEnd(reader)) {
                LOG.warn("the reader of {} has not stopped {} s after it was asked to; it may hold a connection to "
                        + "the server until the process ends", config.topicPrefix(), ReaderThreads.WAIT.toSeconds());
            }
        }
    }

    /** Whether this source's reader thread has ended (or never started): after {@link #close()}, it should have. */
    boolean readerEnded() {
        return reader == null || !reader.isAlive();
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // the connection is being given up anyway
        }
    }
}
