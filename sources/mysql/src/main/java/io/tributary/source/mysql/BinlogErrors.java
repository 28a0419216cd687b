package io.tributary.source.mysql;

import java.util.Locale;

import javax.net.ssl.SSLException;

import com.github.shyiko.mysql.binlog.network.ServerException;
import io.tributary.api.SourceException;

/**
 * What a failed binlog connection means, decided by the error the server answered with: its code first (access
 * denied, missing privilege, a fatal error reading the binlog), and within the code for "fatal error reading the
 * binlog" (1236), which of its causes the server names. A TLS failure is the settings' (a certificate, a protocol)
 * unless the connection ended under the handshake. Anything that is not the server's answer — a connection refused,
 * cut or timed out — is retriable.
 */
final class BinlogErrors {
    /** ER_ACCESS_DENIED_ERROR: wrong user or password. */
    private static final int ACCESS_DENIED = 1045;
    /** ER_SPECIFIC_ACCESS_DENIED_ERROR: a privilege (REPLICATION SLAVE) is missing. */
    private static final int PRIVILEGE_MISSING = 1227;
    /** ER_MASTER_FATAL_ERROR_READING_BINLOG: the position or GTID set cannot be served, or the id is taken. */
    private static final int CANNOT_READ_BINLOG = 1236;

    /** Where the failed connection was to start reading, for the messages. */
    record Position(String host, int port, String user, long serverId, String file, long pos, String gtids) {
    }

    private BinlogErrors() {
    }

    static SourceException translate(Exception e, Position at) {
        if (e instanceof SourceException decided) {
            return decided; // raised while handling an event, already saying what is wrong
        }
        String message = String.valueOf(e.getMessage());
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SSLException tls && cutShort(tls)) {
                // the server went away mid-handshake (a restart): the connection's fault, not the settings'
                return SourceException.retriable("TLS on the binlog connection to " + at.host() + ":" + at.port()
                        + " was cut short (" + tls.getMessage() + ")", e);
            }
            if (cause instanceof SSLException tls) {
                return SourceException.fatal("TLS on the binlog connection to " + at.host() + ":" + at.port()
                        + " failed (" + tls.getMessage() + "); check database.ssl.mode and database.ssl.truststore",
                        e);
            }
        }
        if (!(e instanceof ServerException server)) {
            return SourceException.retriable("the binlog connection to " + at.host() + ":" + at.port() + " failed: "
                    + message, e);
        }
        return switch (server.getErrorCode()) {
            case ACCESS_DENIED, PRIVILEGE_MISSING -> SourceException.fatal("user '" + at.user()
                    + "' may not read the binlog (" + message + "); grant it REPLICATION SLAVE", e);
            case CANNOT_READ_BINLOG -> cannotRead(message, e, at);
            default -> SourceException.retriable("the server at " + at.host() + ":" + at.port()
                    + " ended the binlog connection with error " + server.getErrorCode() + ": " + message, e);
        };
    }

    /** Whether a TLS failure comes of the connection ending under it (EOF, a reset), not of a refusal. */
    private static boolean cutShort(SSLException tls) {
        for (Throwable cause = tls; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.io.EOFException || cause instanceof java.net.SocketException) {
                return true;
            }
        }
        return false;
    }

    private static SourceException cannotRead(String message, Exception e, Position at) {
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("server_id") || lower.contains("server id")) {
            return SourceException.fatal("another replica or connector reads the binlog of " + at.host() + ":"
                    + at.port() + " with server id " + at.serverId() + " (" + message + "); give this connector an "
                    + "id of its own with database.server.id", e);
        }
        if (lower.contains("gtid")) {
            return SourceException.fatal("the stored offset resumes after GTID set " + at.gtids() + ", which this "
                    + "server's binlog cannot continue from (" + message + "); if the binlog holding it was purged "
                    + "or this server never had those transactions, take a new snapshot", e);
        }
        return SourceException.fatal("the stored offset points to binlog file " + at.file() + " position "
                + at.pos() + ", which the server no longer has (purged); changes made since were lost to this "
                + "connector: take a new snapshot (snapshot.mode=when_needed does so automatically). The server said: "
                + message, e);
    }
}
