package io.tributary.source.mysql;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;

import io.tributary.api.SourceException;
import io.tributary.source.mysql.event.ServerFlavor;
import io.tributary.source.mysql.schema.TableId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a MySQL snapshot's transaction and finds the binlog position its rows are consistent with. MySQL, unlike
 * MariaDB, does not say which position a consistent snapshot matches, so under {@link SnapshotLockingMode#MINIMAL}
 * commits are held back while the transaction starts and the position is read — by a global read lock, or where
 * the server refuses one (RDS, Aurora: no RELOAD for {@code FLUSH TABLES WITH READ LOCK}) by a read lock on the
 * captured tables — and under {@link SnapshotLockingMode#NONE} the position (with the executed GTID set) is read
 * before the transaction starts, with no lock at all.
 */
final class MySqlSnapshotStart {
    private static final Logger LOG = LoggerFactory.getLogger(MySqlSnapshotStart.class);
    /** Debezium's snapshot.lock.timeout.ms default, in seconds: how long a lock may be waited for. */
    private static final int LOCK_WAIT_TIMEOUT_SECONDS = 10;

    private final ServerConnections connections;
    private final String user;

    MySqlSnapshotStart(ServerConnections connections, String user) {
        this.connections = connections;
        this.user = user;
    }

    /**
     * Starts a consistent-snapshot transaction on {@code snapshot} (in REPEATABLE READ, autocommit off).
     *
     * @return the position streaming continues from once the snapshot is read
     */
    BinlogPosition begin(Connection snapshot, List<TableId> tables, SnapshotLockingMode mode) throws SQLException {
        return switch (mode) {
            case NONE -> withoutLock(snapshot);
            case MINIMAL -> locked(snapshot, tables);
        };
    }

    private static BinlogPosition withoutLock(Connection snapshot) throws SQLException {
        // read first: every transaction in this GTID set has committed, so the snapshot started after it sees it
        BinlogPosition position = BinlogStatus.read(snapshot, ServerFlavor.MYSQL);
        startTransaction(snapshot);
        if (position.gtids().isEmpty()) {
            LOG.warn("snapshot.locking.mode=none on a server without GTIDs: a transaction committing at the moment the "
                    + "snapshot starts may be missed; turn gtid_mode on, or use snapshot.locking.mode=minimal");
        }
        return position;
    }

    private BinlogPosition locked(Connection snapshot, List<TableId> tables) throws SQLException {
        try (Connection locker = connections.open(); Statement lock = locker.createStatement()) {
            lock.execute("SET SESSION lock_wait_timeout = " + LOCK_WAIT_TIMEOUT_SECONDS);
            boolean locked = globalReadLock(lock) || tableReadLock(lock, tables);
            try {
                startTransaction(snapshot);
                return BinlogStatus.read(locker, ServerFlavor.MYSQL);
            } finally {
                if (locked) {
                    lock.execute("UNLOCK TABLES");
                }
            }
        }
    }

    private static boolean globalReadLock(Statement lock) throws SQLException {
        try {
            lock.execute("FLUSH TABLES WITH READ LOCK");
            return true;
        } catch (SQLException e) {
            if (!BinlogStatus.isPrivilegeMissing(e)) {
                throw e;
            }
            LOG.info("The server refused a global read lock ({}); locking the captured tables instead while the "
                    + "snapshot starts (snapshot.locking.mode=none locks nothing)", ServerConnections.firstLine(
                    e.getMessage()));
            return false;
        }
    }

    private boolean tableReadLock(Statement lock, List<TableId> tables) throws SQLException {
        if (tables.isEmpty()) {
            return false;
        }
        try {
            lock.execute("LOCK TABLES " + tables.stream().map(id -> SnapshotReader.quote(id) + " READ")
                    .collect(Collectors.joining(", ")));
            return true;
        } catch (SQLException e) {
            if (!BinlogStatus.isPrivilegeMissing(e)) {
                throw e;
            }
            throw SourceException.fatal("user '" + user + "' may neither take a global read lock (FLUSH TABLES WITH "
                    + "READ LOCK needs RELOAD, and RDS and Aurora refuse it) nor lock the captured tables ("
                    + ServerConnections.firstLine(e.getMessage()) + "), which snapshot.locking.mode=minimal needs "
                    + "while the snapshot starts; set snapshot.locking.mode=none, which locks nothing (exact with "
                    + "gtid_mode=ON), or GRANT LOCK TABLES ON *.* TO '" + user + "'");
        }
    }

    private static void startTransaction(Connection snapshot) throws SQLException {
        try (Statement statement = snapshot.createStatement()) {
            statement.execute("START TRANSACTION WITH CONSISTENT SNAPSHOT");
        }
    }
}
