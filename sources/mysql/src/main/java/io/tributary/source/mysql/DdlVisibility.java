package io.tributary.source.mysql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import io.tributary.source.mysql.event.ServerFlavor;
import io.tributary.source.mysql.schema.TableDefinition;
import io.tributary.source.mysql.schema.TableId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a DDL statement's effect visible before table definitions are read after it. MySQL sends a statement's binlog
 * event once the binlog is written, before the statement's data-dictionary transaction commits, so a reader that
 * queries {@code information_schema} at once may not yet see a table just created, or may see a table's definition
 * before an ALTER. With GTIDs the reader waits until the statement's GTID is executed (committed); without, a table
 * a CREATE names is read again until it shows. MariaDB's {@code information_schema} is not transactional: nothing to
 * wait for.
 */
final class DdlVisibility {
    private static final Logger LOG = LoggerFactory.getLogger(DdlVisibility.class);
    private static final int WAIT_SECONDS = 10;
    private static final int CREATE_ATTEMPTS = 200;
    private static final long CREATE_PAUSE_MS = 10;

    private final boolean needed;

    DdlVisibility(ServerFlavor flavor) {
        this.needed = flavor == ServerFlavor.MYSQL;
    }

    /** Waits until the transaction {@code gtid} (null without GTIDs) is committed on the server. */
    void awaitCommitted(Connection connection, String gtid) throws SQLException {
        if (!needed || gtid == null) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement("SELECT WAIT_FOR_EXECUTED_GTID_SET(?, ?)")) {
            statement.setString(1, gtid);
            statement.setInt(2, WAIT_SECONDS);
            try (ResultSet rows = statement.executeQuery()) {
                if (rows.next() && rows.getInt(1) != 0) {
                    LOG.warn("The DDL statement of transaction {} was not committed on the server after {} s; reading "
                            + "the table definitions as they are", gtid, WAIT_SECONDS);
                }
            }
        }
    }

    /** A table's definition after a CREATE statement made it, read again (without GTIDs) until it shows. */
    Optional<TableDefinition> created(TableId id, Reader reader) throws SQLException, InterruptedException {
        Optional<TableDefinition> definition = reader.read(id);
        for (int attempt = 1; needed && definition.isEmpty() && attempt < CREATE_ATTEMPTS; attempt++) {
            Thread.sleep(CREATE_PAUSE_MS);
            definition = reader.read(id);
        }
        return definition;
    }

    /** Reads a table's current definition. */
    @FunctionalInterface
    interface Reader {
        Optional<TableDefinition> read(TableId id) throws SQLException;
    }
}
